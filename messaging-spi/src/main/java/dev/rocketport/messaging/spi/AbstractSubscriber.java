package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.BatchMessageHandler;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.health.Health;
import dev.rocketport.messaging.interception.CircuitListener;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The base of an adapter's {@link Subscriber}: applies the shared fail-fast checks
 * ({@link SubscribeChecks}), owns the rule that the members of a consumer group in one runtime
 * subscribe alike ({@link GroupShape}), wraps the handler in the runtime's and the subscription's
 * {@link HandlerMiddleware}, and hands the adapter the result as a {@link GuardedHandler}. Thread-safe if the adapter's
 * {@link #startMember} is. The adapter closes its subscriptions; each must run its {@code leaveGroup}
 * when it closes.
 */
public abstract class AbstractSubscriber implements Subscriber {
  private final Capabilities capabilities;
  private final BooleanSupplier closed;
  private final Supplier<Instant> clock;
  private final GroupShapes shapes = new GroupShapes();
  private final List<HandlerMiddleware> runtimeMiddleware;
  private final List<CircuitListener> circuitListeners;
  private final List<MemberHealth> members = new CopyOnWriteArrayList<>();

  /**
   * Subscribing throws {@link IllegalStateException} once the context's runtime is closed; the
   * context's handler middleware wraps every subscription's handler.
   */
  protected AbstractSubscriber(AdapterContext context) {
    this.capabilities = context.capabilities();
    this.closed = context.closed();
    this.clock = context.clock();
    this.runtimeMiddleware = context.interceptors().handlerMiddleware();
    this.circuitListeners = context.interceptors().circuitListeners();
  }

  @Override
  public final Subscription subscribe(SubscriptionSpec spec, MessageHandler handler) {
    SubscribeChecks.check(spec, handler, capabilities, closed.getAsBoolean(), clock.get());
    return start(spec, messages -> handler.handle(messages.get(0)), true);
  }

  @Override
  public final Subscription subscribeBatch(SubscriptionSpec spec, BatchMessageHandler handler) {
    SubscribeChecks.check(spec, handler, capabilities, closed.getAsBoolean(), clock.get());
    return start(spec, handler, false);
  }

  private Subscription start(SubscriptionSpec spec, BatchMessageHandler handler, boolean single) {
    Runnable joined = shapes.join(spec);
    List<HandlerMiddleware> chain = new ArrayList<>(runtimeMiddleware);
    chain.addAll(spec.middleware());
    BatchMessageHandler inner = chain.isEmpty() ? handler : HandlerChain.around(handler, spec, chain);
    TimedHandler timed = spec.handlerTimeout().isDefined() ? new TimedHandler(inner, spec) : null;
    BatchMessageHandler chained = timed == null ? inner : timed;
    Runnable leaveGroup = timed == null ? joined : () -> {
      joined.run();
      timed.close();
    };
    CircuitState circuit = spec.circuitBreaker().map(b -> new CircuitState(b, spec, circuitListeners, this::after))
        .getOrNull();
    MemberHealth health = new MemberHealth(spec, circuit);
    GuardedHandler guarded = new GuardedHandler(chained, spec, health, circuit);
    try {
      Subscription member = startMember(spec, guarded, single, leaveGroup);
      Subscription subscription = circuit == null ? member : circuit.attach(member);
      health.started(subscription);
      members.removeIf(m -> !m.active());
      members.add(health);
      return subscription;
    } catch (RuntimeException | Error e) {
      leaveGroup.run();
      throw e;
    }
  }

  /** One health component per open subscription: messages handled, the handler's last error. */
  public final List<Health.Component> health() {
    return members.stream().filter(MemberHealth::active).map(MemberHealth::component).toList();
  }

  /**
   * Starts one member of {@code spec}'s group, or throws as {@link Subscriber} says for a topic that
   * does not exist or a broker that cannot be reached.
   *
   * @param handler the application's handler, guarded
   * @param single whether the application's handler takes one message at a time (then {@code handler}
   *     must be given exactly one message per call)
   * @param leaveGroup to run when the member closes (idempotent)
   */
  protected abstract Subscription startMember(SubscriptionSpec spec, GuardedHandler handler, boolean single,
      Runnable leaveGroup);

  /**
   * The gate a member of {@code spec} passes before each handler call: its pause, and its rate limit
   * on the adapter's clock. One per member.
   *
   * @param onHold runs when a handler thread starts waiting at the gate
   * @param onRelease runs for each held thread when the gate opens, before it wakes (see {@link PauseGate})
   */
  protected final PauseGate gateFor(SubscriptionSpec spec, Runnable onHold, Runnable onRelease) {
    return new PauseGate(spec.rateLimit().getOrNull(), clock, this::after, onHold, onRelease);
  }

  /**
   * Runs {@code action} once {@code delay} has passed on the adapter's clock (a circuit breaker
   * half-opening, a rate limit's next token); after the subscriber closed it may be dropped.
   */
  protected abstract void after(Duration delay, Runnable action);
}
