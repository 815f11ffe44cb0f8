package dev.rocketport.messaging;

import org.jspecify.annotations.Nullable;

/**
 * A programmer error: an argument or value that can never be valid, reported at once.
 *
 * <p>{@link #field()} names what was wrong (for example {@code "topic"} or {@code "header 'KEYS'"}),
 * so callers and logs can point at the offending input. Thrown before anything is sent.
 */
public final class InvalidArgumentException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;
  private final String problem;

  public InvalidArgumentException(String field, String problem) {
    super(field + ": " + problem);
    this.field = field;
    this.problem = problem;
  }

  /** The name of the argument or field that was rejected. */
  public String field() {
    return field;
  }

  /** What was wrong with it (the message without the field's name). */
  public String problem() {
    return problem;
  }

  /** {@code value}, or this exception naming {@code field} if it is null: the one error for a null argument. */
  public static <T> T requireNonNull(@Nullable T value, String field) {
    if (value == null) {
      throw new InvalidArgumentException(field, "must not be null");
    }
    return value;
  }
}
