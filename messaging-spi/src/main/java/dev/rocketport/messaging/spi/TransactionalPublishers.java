package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionalPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The rule every adapter applies to {@code Messaging.transactionalPublisher}: one publisher and one
 * checker per producer group; asking again with the same checker returns the same publisher,
 * with another checker is an {@link IllegalStateException}. Thread-safe. For adapter authors.
 *
 * @param <P> the adapter's publisher type
 */
final class TransactionalPublishers<P extends TransactionalPublisher> {
  private record Entry<P>(P publisher, TransactionChecker checker) {}

  private final Map<ProducerGroup, Entry<P>> byGroup = new LinkedHashMap<>();

  /** The group's publisher, created by {@code create} on first request. */
  synchronized P get(ProducerGroup group, TransactionChecker checker, Function<TransactionChecker, P> create) {
    if (group == null) {
      throw new InvalidArgumentException("producerGroup", "must not be null");
    }
    if (checker == null) {
      throw new InvalidArgumentException("checker", "a TransactionChecker is required");
    }
    Entry<P> existing = byGroup.get(group);
    if (existing != null) {
      if (existing.checker() != checker) {
        throw new IllegalStateException("producer group '" + group + "' already has another TransactionChecker");
      }
      return existing.publisher();
    }
    P created = create.apply(checker);
    byGroup.put(group, new Entry<>(created, checker));
    return created;
  }

  /** Applies {@code action} to every publisher created so far. */
  synchronized void forEach(Consumer<P> action) {
    byGroup.values().forEach(e -> action.accept(e.publisher()));
  }
}
