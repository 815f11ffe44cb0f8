package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.StartPosition;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.UnsupportedFeatureException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;

/**
 * Property-based subscription specs for any adapter: hostile topic and group names (or topics that
 * do not exist), tags and SQL filters,
 * out-of-range concurrency, retries, batch sizes and timeouts, start positions in the past and the
 * future, and contradictory combinations (orderly with a handler timeout). {@link #subscribe}
 * asserts the invariant for one spec: refused with {@link InvalidArgumentException} naming a field
 * of the spec (or {@link UnsupportedFeatureException}), with no client type among the causes, or
 * subscribed and then closed within its close timeout. Not thread-safe.
 */
public final class HostileSpecs {
  private static final Set<String> FIELDS = Set.of("topic", "group", "concurrency", "maxRetries", "batchSize", "closeTimeout",
      "handlerTimeout", "filter", "tag", "tags", "startFrom");

  /** One generated spec: what a caller controls. */
  public record SpecInput(String topicName, String group, int concurrency, int maxRetries, Integer batchSize, long closeTimeoutMillis,
      Long handlerTimeoutMillis, boolean orderly, boolean broadcasting, List<String> tags, String sql,
      Long startOffsetSeconds) {}

  private final Messaging messaging;
  private final Topic topic;

  public HostileSpecs(Messaging messaging) {
    this.messaging = messaging;
    this.topic = messaging.admin().createTopic(Topic.of("hostile-specs-" + UUID.randomUUID().toString()
        .substring(0, 8)), 2).get();
  }

  public static Arbitrary<SpecInput> specs() {
    Arbitrary<String> groups = Arbitraries.oneOf(HostileInput.text(),
        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(16).map(s -> "g-" + s));
    Arbitrary<String> sql = Arbitraries.oneOf(Arbitraries.of("a = 1", "a > 1 AND b IS NOT NULL", "a IN ('x','y')",
        "a BETWEEN 1 AND 3", "TAGS = 'x'"), HostileInput.text());
    return Builders.withBuilder(() -> new Object[12])
        .use(groups).in((a, v) -> set(a, 0, v))
        .use(Arbitraries.integers().between(-2, SubscriptionSpec.MAX_CONCURRENCY + 2)).in((a, v) -> set(a, 1, v))
        .use(Arbitraries.integers().between(-2, SubscriptionSpec.MAX_RETRIES_LIMIT + 2)).in((a, v) -> set(a, 2, v))
        .use(Arbitraries.integers().between(-1, SubscriptionSpec.MAX_BATCH_SIZE + 1).injectNull(0.6))
        .in((a, v) -> set(a, 3, v))
        .use(Arbitraries.longs().between(-1_000, 5_000)).in((a, v) -> set(a, 4, v))
        .use(Arbitraries.longs().between(-5, 3_000).injectNull(0.6)).in((a, v) -> set(a, 5, v))
        .use(Arbitraries.of(true, false)).in((a, v) -> set(a, 6, v))
        .use(Arbitraries.of(true, false)).in((a, v) -> set(a, 7, v))
        .use(HostileInput.text().list().ofMaxSize(3).injectNull(0.6)).in((a, v) -> set(a, 8, v))
        .use(sql.injectNull(0.8)).in((a, v) -> set(a, 9, v))
        .use(Arbitraries.longs().between(-3_600, 3_600).injectNull(0.5)).in((a, v) -> set(a, 10, v))
        .use(HostileInput.text().injectNull(0.9)).in((a, v) -> set(a, 11, v))
        .build(a -> new SpecInput((String) a[11], (String) a[0], (Integer) a[1], (Integer) a[2], (Integer) a[3], (Long) a[4],
            (Long) a[5], (Boolean) a[6], (Boolean) a[7], (List<String>) a[8], (String) a[9], (Long) a[10]));
  }

  private static Object[] set(Object[] values, int index, Object value) {
    values[index] = value;
    return values;
  }

  /** Builds and subscribes {@code input}: refused naming a field, or subscribed and closed in time. */
  public void subscribe(SpecInput input) {
    SubscriptionSpec spec;
    try {
      spec = build(input);
    } catch (InvalidArgumentException refused) {
      assertNamed(refused);
      return;
    }
    Subscription subscription;
    try {
      subscription = messaging.subscriber().subscribe(spec, m -> HandlerResult.success());
    } catch (InvalidArgumentException refused) {
      assertNamed(refused);
      return;
    } catch (UnsupportedFeatureException unsupported) {
      assertNoClientType(unsupported);
      return;
    }
    long closing = System.nanoTime();
    subscription.close();
    Duration took = Duration.ofNanos(System.nanoTime() - closing);
    assertTrue(took.compareTo(spec.closeTimeout().plusSeconds(10)) < 0, "closed in time: " + took);
  }

  private SubscriptionSpec build(SpecInput input) {
    Topic to = input.topicName() == null ? topic : Topic.of(input.topicName());
    SubscriptionSpec.Builder builder = SubscriptionSpec.builder(to, ConsumerGroup.of(input.group()))
        .concurrency(input.concurrency()).maxRetries(input.maxRetries())
        .closeTimeout(Duration.ofMillis(input.closeTimeoutMillis()));
    if (input.batchSize() != null) {
      builder.batchSize(input.batchSize());
    }
    if (input.handlerTimeoutMillis() != null) {
      builder.handlerTimeout(Duration.ofMillis(input.handlerTimeoutMillis()));
    }
    if (input.orderly()) {
      builder.orderly();
    }
    if (input.broadcasting()) {
      builder.broadcasting();
    }
    if (input.tags() != null) {
      builder.filter(input.tags().isEmpty() ? Filter.all() : Filter.tags(input.tags().get(0),
          input.tags().subList(1, input.tags().size()).toArray(String[]::new)));
    } else if (input.sql() != null) {
      builder.filter(Filter.sql(input.sql()));
    }
    if (input.startOffsetSeconds() != null) {
      builder.startFrom(StartPosition.at(Instant.now().plusSeconds(input.startOffsetSeconds())));
    }
    return builder.build();
  }

  private static void assertNamed(InvalidArgumentException refused) {
    assertTrue(FIELDS.contains(refused.field()), "the refusal names a field of the spec: " + refused.field()
        + " (" + refused.getMessage() + ")");
    assertNoClientType(refused);
  }

  private static void assertNoClientType(Throwable error) {
    for (Throwable e = error; e != null; e = e.getCause()) {
      if (!e.getClass().getName().startsWith("dev.rocketport.") && !e.getClass().getName().startsWith("java.")) {
        fail("a foreign type among the causes: " + e.getClass().getName());
      }
    }
  }
}
