package dev.rocketport.bench;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.Backlog;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * One soak: publishes at a fixed rate for a while — mostly plain messages, some delayed, some that
 * fail their first delivery (retried), a few poison ones (dead-lettered after three attempts) — and
 * consumes them, sampling every interval the heap after a collection, the thread count, what was
 * published and handled, the group's lag and its dead letters. Then it stops publishing, waits for
 * every acknowledged message to be handled (or, poison, dead-lettered) and accounts for each: lost,
 * duplicated. Its own bookkeeping is a few bits per message (sequence numbers in bit sets), so the
 * heap it samples is the framework's and the client's. Used by one thread.
 */
final class SoakRun {
  /** One sample, {@code second}s after the start. */
  record Sample(long second, double heapMiB, int threads, long published, long handled, long lag, long deadLetters) {}

  /** The end of a soak: its samples and the accounting. */
  record Result(List<Sample> samples, long published, long refused, long handled, long deadLettered, long lost,
      long duplicates, Duration drained, List<Integer> lostSequences) {}

  private static final Duration DRAIN_PATIENCE = Duration.ofMinutes(3);

  private final Messaging messaging;
  private final PrintStream out;
  /** Sequence numbers of the messages the broker acknowledged, and of those handled (guarded by themselves). */
  private final BitSet acknowledged = new BitSet();
  private final BitSet handled = new BitSet();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicInteger sequence = new AtomicInteger();
  /** When the broker last acknowledged a publish, as {@link System#nanoTime()}. */
  private final AtomicLong lastAck = new AtomicLong(System.nanoTime());
  /** Publishes failed since the last sample, and the latest failure's account (printed with the sample). */
  private final AtomicLong failedSinceSample = new AtomicLong();
  private final AtomicReference<String> lastFailure = new AtomicReference<>("");

  private final Topic topic;
  private final ConsumerGroup group;

  /** Creates the soak's topic (4 queues); its group is named after it. */
  SoakRun(Messaging messaging, PrintStream out) {
    this.messaging = messaging;
    this.out = out;
    String run = Long.toHexString(System.nanoTime());
    this.topic = messaging.admin().createTopic(Topic.of("soak-" + run), 4)
        .getOrElseThrow(f -> new IllegalStateException(f.description()));
    this.group = ConsumerGroup.of("soak-" + run);
  }

  Topic topic() {
    return topic;
  }

  ConsumerGroup group() {
    return group;
  }

  /** Records that a member of the group (this JVM's or another) acknowledged message {@code seq}. Thread-safe. */
  void recordHandled(int seq) {
    synchronized (handled) {
      if (handled.get(seq)) {
        duplicates.incrementAndGet();
      }
      handled.set(seq);
    }
  }

  /** Publishes at {@code ratePerSecond} for {@code length}, consuming in this JVM too, then drains and accounts. */
  Result run(Duration length, int ratePerSecond, Duration sampleEvery) {
    var subscription = messaging.subscriber().subscribe(SoakHandling.spec(topic, group),
        SoakHandling.handler(this::recordHandled));
    ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
    int perTick = Math.max(1, ratePerSecond / 100);
    publisher.scheduleAtFixedRate(() -> {
      for (int i = 0; i < perTick; i++) {
        publishOne();
      }
    }, 0, 10, TimeUnit.MILLISECONDS);
    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + length.toNanos();
    try {
      while (System.nanoTime() < end) {
        LockSupport.parkNanos(Math.min(sampleEvery.toNanos(), end - System.nanoTime()));
        samples.add(sample(start));
      }
      publisher.shutdown();
      publisher.awaitTermination(1, TimeUnit.MINUTES);
      long drainStart = System.nanoTime();
      long drainDeadline = drainStart + DRAIN_PATIENCE.toNanos();
      while (System.nanoTime() < drainDeadline && unaccounted(deadLettered()) > 0) {
        LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
      }
      Duration drained = Duration.ofNanos(System.nanoTime() - drainStart);
      samples.add(sample(start));
      return account(samples, drained);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      publisher.shutdownNow();
      subscription.close();
    }
  }

  private void publishOne() {
    int seq = sequence.incrementAndGet();
    Message.Builder message = Message.builder(topic).body("soak " + seq).key(SoakHandling.key(seq))
        .header(SoakHandling.SEQUENCE_HEADER, String.valueOf(seq));
    if (SoakHandling.kind(seq).equals("delayed")) {
      message.deliverAfter(Duration.ofSeconds(2));
    }
    var sent = messaging.publisher().send(message.build());
    if (sent.isRight()) {
      synchronized (acknowledged) {
        acknowledged.set(seq);
      }
      lastAck.set(System.nanoTime());
    } else {
      refused.incrementAndGet();
      failedSinceSample.incrementAndGet();
      lastFailure.set((sent.getLeft().outcomeUnknown() ? "unknown outcome: " : "not stored: ")
          + sent.getLeft().description());
    }
  }

  /** When the broker last acknowledged a publish of this soak, as {@link System#nanoTime()}. */
  long lastAckNanos() {
    return lastAck.get();
  }

  private Sample sample(long start) {
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    long lag = messaging.admin().backlog(topic, group).map(Backlog::total).getOrElse(-1L);
    long dead = deadLettered().cardinality();
    Sample sample = new Sample((System.nanoTime() - start) / 1_000_000_000L, heap, threads, count(acknowledged),
        count(handled), lag, dead);
    out.printf("soak %5d s: heap %6.1f MiB, %3d threads, published %,d, handled %,d, lag %,d, dead letters %d%n",
        sample.second(), sample.heapMiB(), sample.threads(), sample.published(), sample.handled(), sample.lag(),
        sample.deadLetters());
    long failed = failedSinceSample.getAndSet(0);
    if (failed > 0) {
      out.printf("soak %5d s: %d publishes failed since the last sample (the latest: %s)%n", sample.second(), failed,
          lastFailure.get());
    }
    return sample;
  }

  private static long count(BitSet bits) {
    synchronized (bits) {
      return bits.cardinality();
    }
  }

  /** Sequence numbers of the group's dead letters. */
  private BitSet deadLettered() {
    BitSet seqs = new BitSet();
    messaging.admin().deadLetters(group, 100_000).forEach(letters -> letters.forEach(l -> seqs.set(
        Integer.parseInt(l.message().headers().get(SoakHandling.SEQUENCE_HEADER)))));
    return seqs;
  }

  /** Acknowledged messages not yet handled (plain, delayed, flaky) or not yet dead-lettered (poison). */
  private long unaccounted(BitSet deadLettered) {
    return missing(deadLettered).cardinality();
  }

  private BitSet missing(BitSet deadLettered) {
    BitSet missing;
    synchronized (acknowledged) {
      missing = (BitSet) acknowledged.clone();
    }
    synchronized (handled) {
      missing.andNot(handled);
    }
    missing.andNot(deadLettered);
    return missing;
  }

  private Result account(List<Sample> samples, Duration drained) {
    BitSet dead = deadLettered();
    BitSet missing = missing(dead);
    // which messages, for whoever looks into a loss
    List<Integer> lostSequences = missing.stream().limit(20).boxed().toList();
    return new Result(samples, count(acknowledged), refused.get(), count(handled), dead.cardinality(),
        missing.cardinality(), duplicates.get(), drained, lostSequences);
  }
}
