package dev.rocketport.bench;

import dev.rocketport.bench.faults.ChildConsumer;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Topic;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The chaos soak's second consumer-group member, in a JVM of its own ({@link SoakMemberProcess}), which
 * {@link Chaos} kills ({@code kill -9}) and replaces. Each message it acknowledges is reported to
 * {@code handled} — a message it handled but was killed before acknowledging is redelivered to the group,
 * and counted as a duplicate. Used by one thread (the chaos thread; the member's output is read by a
 * thread of its own); {@link #close()} lets the member unsubscribe and exit.
 */
final class SoakMember implements AutoCloseable {
  // a JVM starting and subscribing, which takes seconds, can take a minute on a machine loaded by other fault runs
  private static final Duration SUBSCRIBE_PATIENCE = Duration.ofSeconds(120);

  private final String nameServer;
  private final Topic topic;
  private final ConsumerGroup group;
  private final IntConsumer handled;
  private Running running;

  /** A running member: its process, the thread reading its reports, and when it first handled a message ({@link System#nanoTime()}, -1 until it has). */
  private record Running(ChildConsumer child, Thread reader, AtomicLong firstHandled) {}

  private SoakMember(String nameServer, Topic topic, ConsumerGroup group, IntConsumer handled)
      throws IOException, InterruptedException {
    this.nameServer = nameServer;
    this.topic = topic;
    this.group = group;
    this.handled = handled;
    this.running = launch();
  }

  /** Starts the member and returns once it has subscribed. */
  static SoakMember start(String nameServer, Topic topic, ConsumerGroup group, IntConsumer handled)
      throws IOException, InterruptedException {
    return new SoakMember(nameServer, topic, group, handled);
  }

  /** A replacement: when it had subscribed, and when it first handled a message (-1 if not within the patience), as {@link System#nanoTime()}. */
  record Replacement(long subscribed, long firstHandled) {}

  /** Kills the member and starts another in its place; returns once the new one handled a message, or after {@code patience}. */
  Replacement killAndReplace(Duration patience) throws IOException, InterruptedException {
    running.child().kill();
    running.reader().join();
    running = launch();
    long subscribed = System.nanoTime();
    AtomicLong firstHandled = running.firstHandled();
    while (firstHandled.get() < 0 && System.nanoTime() - subscribed < patience.toNanos()) {
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    return new Replacement(subscribed, firstHandled.get());
  }

  private Running launch() throws IOException, InterruptedException {
    CountDownLatch ready = new CountDownLatch(1);
    AtomicLong first = new AtomicLong(-1);
    ChildConsumer started = ChildConsumer.start(SoakMemberProcess.class, nameServer, topic.name(), group.name());
    Thread output = new Thread(() -> started.forEachHandled(ready::countDown, seq -> {
      first.compareAndSet(-1, System.nanoTime());
      handled.accept(Integer.parseInt(seq));
    }), "soak-member-output");
    output.setDaemon(true);
    output.start();
    if (!ready.await(SUBSCRIBE_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
      started.kill();
      throw new IllegalStateException("the soak's second member did not subscribe within "
          + SUBSCRIBE_PATIENCE.toSeconds() + " s");
    }
    return new Running(started, output, first);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    running.child().close(30);
    running.reader().join();
  }
}
