package dev.rocketport.rocketmq.grpc.consume;

import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.spi.Disposition;
import dev.rocketport.messaging.spi.GuardedHandler;
import dev.rocketport.messaging.spi.PauseGate;
import dev.rocketport.rocketmq.grpc.client.GrpcMessages;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.rocketmq.client.apis.consumer.SimpleConsumer;
import org.apache.rocketmq.client.apis.message.MessageView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a consumer group on a {@code rocketmq-client-java} simple consumer: as many receiver
 * threads as the spec's concurrency, each long-polling for messages (one, or up to the batch size),
 * passing the {@link PauseGate}, handling them and settling each through {@link Verdicts}. A received
 * message stays invisible to the group while its handler runs (the handler timeout plus a margin, or
 * a minute), so an orderly (FIFO) group's queue waits for it. Pausing stops the receives and waits for
 * those in flight. Thread-safe.
 *
 * <p>{@link #close()} is idempotent: receives stop, held messages are given back, and it waits up to
 * the spec's close timeout (plus one long poll) for running handlers. A handler still running then
 * keeps the consumer open in the background until it returns (at most its message's invisible
 * time), so that its message is settled — given back to the group on a failure — rather than left
 * invisible; anything not acknowledged becomes visible to the group again.
 */
final class GrpcSubscription implements Subscription {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcSubscription.class);
  private static final Duration DEFAULT_INVISIBLE = Duration.ofMinutes(1);
  private static final Duration INVISIBLE_MARGIN = Duration.ofSeconds(10);

  private final SubscriptionSpec spec;
  private final SimpleConsumer consumer;
  private final GuardedHandler handler;
  private final boolean single;
  private final PauseGate gate;
  private final GrpcMessages messages;
  private final Verdicts verdicts;
  private final Duration receiveWait;
  private final Duration receiveTimeout;
  /** How long a received message stays invisible to the group: while its handler may run. */
  private final Duration invisible;
  private final Consumer<GrpcSubscription> onClose;
  private final AtomicBoolean active = new AtomicBoolean(true);
  /** Whether the last receive failed: a spell of failures is logged once. */
  private final AtomicBoolean failing = new AtomicBoolean();
  private final List<Thread> receivers = new ArrayList<>();
  /** Receives in flight, so that pausing can wait for them; guarded by itself. */
  private final int[] receiving = new int[1];

  GrpcSubscription(SubscriptionSpec spec, SimpleConsumer consumer, GuardedHandler handler, boolean single,
      PauseGate gate, GrpcMessages messages, Verdicts verdicts, Duration receiveWait, Duration receiveTimeout,
      Consumer<GrpcSubscription> onClose) {
    this.spec = spec;
    this.consumer = consumer;
    this.handler = handler;
    this.single = single;
    this.gate = gate;
    this.messages = messages;
    this.verdicts = verdicts;
    this.receiveWait = receiveWait;
    this.receiveTimeout = receiveTimeout;
    this.invisible = spec.handlerTimeout().map(t -> t.plus(INVISIBLE_MARGIN)).getOrElse(DEFAULT_INVISIBLE);
    this.onClose = onClose;
  }

  void start() {
    for (int i = 0; i < spec.concurrency(); i++) {
      Thread receiver = new Thread(this::receiveLoop, "rocketport-grpc-" + spec.group().name() + "-" + i);
      receiver.setDaemon(true);
      receivers.add(receiver);
      receiver.start();
    }
  }

  private void receiveLoop() {
    int count = single ? 1 : spec.batchSize().getOrElse(1);
    while (active.get()) {
      if (!gate.awaitOpen(0)) {
        return;
      }
      List<MessageView> received;
      synchronized (receiving) {
        receiving[0]++;
      }
      try {
        // paused since the gate let this thread pass: pause() no longer waits for it, so it must not receive
        received = gate.isPaused() ? List.of() : consumer.receive(count, invisible);
      } catch (Exception e) {
        if (active.get()) {
          // the first failure of a spell is worth a warning; its repetitions are not
          if (failing.compareAndSet(false, true)) {
            LOG.warn("group {}: receiving failed; retrying until it works", spec.group(), e);
          } else {
            LOG.debug("group {}: receiving failed again", spec.group(), e);
          }
          pauseAfterFailure();
        }
        continue;
      } finally {
        synchronized (receiving) {
          receiving[0]--;
          receiving.notifyAll();
        }
      }
      failing.set(false);
      if (!received.isEmpty()) {
        handle(received);
      }
    }
  }

  private void handle(List<MessageView> received) {
    if (!gate.awaitOpen(received.size())) {
      received.forEach(verdicts::giveBack);
      return;
    }
    Topic topic = spec.topic();
    if (single) {
      for (MessageView view : received) {
        verdicts.apply(view, handler.handle(List.of(view), v -> messages.received(v, topic), v -> v.getMessageId()
            .toString()));
      }
    } else {
      Disposition disposition = handler.handle(received, v -> messages.received(v, topic),
          v -> v.getMessageId().toString());
      received.forEach(view -> verdicts.apply(view, disposition));
    }
  }

  /** After a failed receive (the proxy restarting, say), waits one long poll's time or until closed. */
  private void pauseAfterFailure() {
    synchronized (active) {
      try {
        active.wait(Math.min(receiveWait.toMillis(), 1000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public SubscriptionSpec spec() {
    return spec;
  }

  @Override
  public boolean isActive() {
    return active.get();
  }

  /**
   * Holds the handler and waits for receives in flight (one long poll at most): a receive pops
   * messages off the group's backlog, so once this returns, messages stored meanwhile stay in it.
   * What those receives brought is held until {@link #resume()}.
   */
  @Override
  public void pause() {
    if (!active.get()) {
      return;
    }
    gate.pause();
    long deadline = System.nanoTime() + receiveTimeout.toNanos();
    synchronized (receiving) {
      try {
        while (receiving[0] > 0 && System.nanoTime() < deadline) {
          receiving.wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void resume() {
    gate.resume();
  }

  @Override
  public boolean isPaused() {
    return gate.isPaused();
  }

  @Override
  public void close() {
    if (!active.compareAndSet(true, false)) {
      return;
    }
    gate.close();
    synchronized (active) {
      active.notifyAll();
    }
    boolean finished = joinReceivers(spec.closeTimeout().plus(receiveWait));
    onClose.accept(this);
    if (finished) {
      closeConsumer();
      return;
    }
    // a handler outlived the close timeout: its message is still invisible to the group, so the consumer
    // stays open until the handler returns (or its invisible time ends) to settle it
    LOG.warn("group {}: a handler still runs after the close timeout; its message is settled when it returns",
        spec.group());
    Thread closer = new Thread(() -> {
      joinReceivers(invisible);
      closeConsumer();
    }, "rocketport-grpc-close-" + spec.group().name());
    closer.setDaemon(true);
    closer.start();
  }

  /** Waits up to {@code limit} for every receiver thread to end; whether they all did. */
  private boolean joinReceivers(Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    try {
      for (Thread receiver : receivers) {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          receiver.join(Math.max(1, left / 1_000_000));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return receivers.stream().noneMatch(Thread::isAlive);
  }

  private void closeConsumer() {
    try {
      consumer.close();
    } catch (IOException e) {
      LOG.warn("group {}: closing the consumer failed", spec.group(), e);
    }
  }
}
