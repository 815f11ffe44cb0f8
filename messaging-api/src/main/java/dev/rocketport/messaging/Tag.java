package dev.rocketport.messaging;

import java.util.regex.Pattern;

/**
 * A message tag: a one-word label that subscriptions filter on ({@code "created"},
 * {@code "paid"}). 1–128 characters, no white space or control characters, no {@code '|'} (the
 * expression separator) and not the wildcard {@code "*"}.
 *
 * <p>Immutable and thread-safe; an illegal tag throws {@link InvalidArgumentException} naming the
 * field {@code tag}.
 */
public record Tag(String name) {
  public static final int MAX_LENGTH = 128;
  private static final Pattern ILLEGAL = Pattern.compile("[\\s|]");

  public Tag {
    InvalidArgumentException.requireNonNull(name, "tag");
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      throw new InvalidArgumentException("tag", "must be 1–" + MAX_LENGTH + " characters, was " + name.length());
    }
    Names.requireWellFormed(name, "tag");
    Names.requireNoControl(name, "tag");
    if (ILLEGAL.matcher(name).find() || name.equals("*")) {
      throw new InvalidArgumentException("tag", "'" + name + "' must not contain white space or '|' and must not be '*'");
    }
  }

  public static Tag of(String name) {
    return new Tag(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
