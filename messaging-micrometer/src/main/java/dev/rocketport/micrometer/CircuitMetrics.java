package dev.rocketport.micrometer;

import dev.rocketport.messaging.CircuitBreaker;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.interception.CircuitListener;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The state of every subscription's circuit breaker, as Resilience4j reports its own: the gauge
 * {@value #STATE} (tags {@code topic}, {@code group}, {@code state}: {@code closed}, {@code open},
 * {@code half_open}) is 1 for the state the circuit is in and 0 for the others, and the counter
 * {@value #TRANSITIONS} (tags {@code topic}, {@code group}, {@code state}) counts the states entered.
 * Thread-safe.
 */
final class CircuitMetrics implements CircuitListener {
  static final String STATE = "rocketport.circuit.state";
  static final String TRANSITIONS = "rocketport.circuit.transitions";

  private final MeterRegistry registry;
  private final Map<List<String>, AtomicReference<CircuitBreaker.State>> states = new ConcurrentHashMap<>();

  CircuitMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void onState(SubscriptionSpec spec, CircuitBreaker.State state) {
    String topic = spec.topic().name();
    String group = spec.group().name();
    // counted before the gauge moves: whoever sees the gauge in a state also sees its transition counted
    registry.counter(TRANSITIONS, "topic", topic, "group", group, "state", tag(state)).increment();
    states.computeIfAbsent(List.of(topic, group), key -> register(topic, group)).set(state);
  }

  private AtomicReference<CircuitBreaker.State> register(String topic, String group) {
    AtomicReference<CircuitBreaker.State> current = new AtomicReference<>(CircuitBreaker.State.CLOSED);
    for (CircuitBreaker.State state : CircuitBreaker.State.values()) {
      Gauge.builder(STATE, current, c -> c.get() == state ? 1 : 0)
          .description("1 for the state the subscription's circuit breaker is in, else 0")
          .tag("topic", topic).tag("group", group).tag("state", tag(state)).register(registry);
    }
    return current;
  }

  private static String tag(CircuitBreaker.State state) {
    return state.name().toLowerCase(Locale.ROOT);
  }
}
