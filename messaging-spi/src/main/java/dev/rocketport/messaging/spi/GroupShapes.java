package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.SubscriptionSpec;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/** The shapes of one runtime's consumer groups while they have members. Thread-safe. */
final class GroupShapes {
  private record Members(GroupShape shape, int count) {}

  private final Map<String, Members> groups = new HashMap<>();

  /**
   * Counts a new member of {@code spec}'s group, or throws {@link IllegalStateException} if the group
   * is shaped otherwise; returns how the member leaves (idempotent).
   */
  Runnable join(SubscriptionSpec spec) {
    String group = spec.group().name();
    GroupShape shape = GroupShape.of(spec);
    synchronized (this) {
      Members existing = groups.get(group);
      if (existing != null && !existing.shape().equals(shape)) {
        throw existing.shape().refusal(group, shape);
      }
      groups.put(group, new Members(shape, existing == null ? 1 : existing.count() + 1));
    }
    AtomicBoolean left = new AtomicBoolean();
    return () -> {
      if (left.compareAndSet(false, true)) {
        leave(group);
      }
    };
  }

  private synchronized void leave(String group) {
    Members members = groups.get(group);
    if (members == null || members.count() <= 1) {
      groups.remove(group);
    } else {
      groups.put(group, new Members(members.shape(), members.count() - 1));
    }
  }
}
