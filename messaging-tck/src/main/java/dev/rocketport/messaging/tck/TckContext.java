package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The state one run of the conformance suite shares: the adapter fixture, one runtime for most
 * cases, fresh topic and group names per case, and helpers that wait with deadlines. Each case works
 * on its own view ({@link #forCase}) sharing all of that, so cases may run concurrently; what a case
 * opens through {@link #track} is closed after that case.
 */
public final class TckContext implements AutoCloseable {
  /** How long any single expected event may take before a case fails. */
  public static final Duration BUDGET = Duration.ofSeconds(60);

  private final AdapterFixture fixture;
  private final Messaging messaging;
  private final String runId;
  private final AtomicInteger names;
  private final List<AutoCloseable> perCase = new ArrayList<>();

  TckContext(AdapterFixture fixture) {
    this(fixture, fixture.newMessaging(), UUID.randomUUID().toString().substring(0, 8), new AtomicInteger());
  }

  private TckContext(AdapterFixture fixture, Messaging messaging, String runId, AtomicInteger names) {
    this.fixture = fixture;
    this.messaging = messaging;
    this.runId = runId;
    this.names = names;
  }

  /** A view for one case: the same fixture, runtime and names, its own resources to close. */
  TckContext forCase() {
    return new TckContext(fixture, messaging, runId, names);
  }

  public AdapterFixture fixture() {
    return fixture;
  }

  public Messaging messaging() {
    return messaging;
  }

  /** A new topic with 4 queues. */
  public Topic topic() {
    return topic(4);
  }

  /** A new topic with {@code queues} queues, created through the admin port. */
  public Topic topic(int queues) {
    Topic topic = Topic.of("tck-" + runId + "-" + names.incrementAndGet());
    var created = messaging.admin().createTopic(topic, queues);
    assertTrue(created.isRight(), () -> "createTopic failed: " + created.getLeft().description());
    return topic;
  }

  /** A topic name that was never created. */
  public Topic missingTopic() {
    return Topic.of("tck-" + runId + "-missing-" + names.incrementAndGet());
  }

  public ConsumerGroup group() {
    return ConsumerGroup.of("tck-" + runId + "-g" + names.incrementAndGet());
  }

  /** Registers a resource (a subscription, a runtime) to close after the current case. */
  public <T extends AutoCloseable> T track(T resource) {
    synchronized (perCase) {
      perCase.add(resource);
    }
    return resource;
  }

  /** Sends {@code message} and fails the case unless it was stored. */
  public SendReceipt sent(Message message) {
    return stored(messaging.publisher().send(message));
  }

  public static SendReceipt stored(Either<PublishFailure, SendReceipt> result) {
    if (result.isLeft()) {
      fail("expected the message to be stored, got: " + result.getLeft().description());
    }
    return result.get();
  }

  /** Waits for {@code condition}; fails the case naming {@code what} after {@link #BUDGET}. */
  public void await(String what, BooleanSupplier condition) {
    if (!fixture.awaitUntil(condition, BUDGET)) {
      fail("timed out after " + BUDGET + " waiting for: " + what);
    }
  }

  /** Asserts {@code invariant} holds throughout the adapter's quiet window. */
  public void holds(String what, BooleanSupplier invariant) {
    if (!fixture.holdsFor(invariant, fixture.quietWindow())) {
      fail("broken during the quiet window: " + what);
    }
  }

  void afterCase() {
    List<AutoCloseable> toClose;
    synchronized (perCase) {
      toClose = new ArrayList<>(perCase);
      perCase.clear();
    }
    for (int i = toClose.size() - 1; i >= 0; i--) {
      try {
        toClose.get(i).close();
      } catch (Exception e) {
        throw new IllegalStateException("closing a case's resource failed", e);
      }
    }
  }

  @Override
  public void close() {
    afterCase();
    messaging.close();
    fixture.close();
  }
}
