package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.Tag;

/**
 * A {@link Filter} written in RocketMQ's subscription syntax: {@code "*"}, {@code "a || b"} (tags in
 * name order, so equal filters read alike), or the SQL92 text. What the remoting client subscribes
 * with and how a group's shape is named in errors. Stateless.
 */
public final class FilterSyntax {
  private FilterSyntax() {}

  public static String of(Filter filter) {
    if (filter instanceof Filter.Tags tags) {
      return String.join(" || ", tags.tags().stream().map(Tag::name).sorted().toList());
    }
    return filter instanceof Filter.Sql sql ? sql.expression() : "*";
  }
}
