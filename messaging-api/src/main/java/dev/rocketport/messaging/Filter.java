package dev.rocketport.messaging;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Which messages of a topic a subscription receives: all, those whose tag is one of a set, or
 * (where {@link Capabilities#supports(Feature) Feature.SQL_FILTER} holds) those whose headers
 * match an SQL92 expression. Immutable.
 */
public sealed interface Filter {

  static Filter all() {
    return All.INSTANCE;
  }

  static Filter tags(Tag first, Tag... more) {
    Set<Tag> set = new LinkedHashSet<>();
    set.add(InvalidArgumentException.requireNonNull(first, "tag"));
    for (Tag t : InvalidArgumentException.requireNonNull(more, "tags")) {
      set.add(InvalidArgumentException.requireNonNull(t, "tag"));
    }
    return new Tags(set);
  }

  static Filter tags(String first, String... more) {
    return tags(new Tag(first), java.util.Arrays.stream(InvalidArgumentException.requireNonNull(more, "tags"))
        .map(Tag::new).toArray(Tag[]::new));
  }

  static Filter sql(String expression) {
    return new Sql(expression);
  }

  /** Every message. */
  enum All implements Filter {
    INSTANCE
  }

  /** Messages whose tag is one of {@code tags}; untagged messages never match. */
  record Tags(Set<Tag> tags) implements Filter {
    public Tags {
      if (tags == null || tags.isEmpty()) {
        throw new InvalidArgumentException("filter", "a tag filter needs at least one tag");
      }
      tags = Set.copyOf(tags);
    }
  }

  /** An SQL92 expression over user headers, e.g. {@code "region = 'eu' AND amount > 100"}. */
  record Sql(String expression) implements Filter {
    public Sql {
      if (expression == null || expression.isBlank()) {
        throw new InvalidArgumentException("filter", "an SQL filter needs a non-blank expression");
      }
    }
  }
}
