package dev.rocketport.bench;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.SubscriptionSpec;
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
      long duplicates, Duration drained, String lostMessages) {}

  private static final int MAX_RETRIES = 2;
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

  SoakRun(Messaging messaging, PrintStream out) {
    this.messaging = messaging;
    this.out = out;
  }

  Result run(Duration length, int ratePerSecond, Duration sampleEvery) {
    String run = Long.toHexString(System.nanoTime());
    Topic topic = messaging.admin().createTopic(Topic.of("soak-" + run), 4)
        .getOrElseThrow(f -> new IllegalStateException(f.description()));
    ConsumerGroup group = ConsumerGroup.of("soak-" + run);
    var subscription = messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, group).concurrency(8)
        .maxRetries(MAX_RETRIES).build(), m -> {
          int seq = Integer.parseInt(m.header("seq").get());
          String kind = kind(seq);
          if (kind.equals("poison") || kind.equals("flaky") && m.deliveryAttempt() == 1) {
            return HandlerResult.retry();
          }
          synchronized (handled) {
            if (handled.get(seq)) {
              duplicates.incrementAndGet();
            }
            handled.set(seq);
          }
          return HandlerResult.success();
        });
    ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
    int perTick = Math.max(1, ratePerSecond / 100);
    publisher.scheduleAtFixedRate(() -> {
      for (int i = 0; i < perTick; i++) {
        publishOne(topic);
      }
    }, 0, 10, TimeUnit.MILLISECONDS);
    List<Sample> samples = new ArrayList<>();
    long start = System.nanoTime();
    long end = start + length.toNanos();
    try {
      while (System.nanoTime() < end) {
        LockSupport.parkNanos(Math.min(sampleEvery.toNanos(), end - System.nanoTime()));
        samples.add(sample(start, topic, group));
      }
      publisher.shutdown();
      publisher.awaitTermination(1, TimeUnit.MINUTES);
      long drainStart = System.nanoTime();
      long drainDeadline = drainStart + DRAIN_PATIENCE.toNanos();
      while (System.nanoTime() < drainDeadline && unaccounted(deadLettered(group)) > 0) {
        LockSupport.parkNanos(Duration.ofSeconds(1).toNanos());
      }
      Duration drained = Duration.ofNanos(System.nanoTime() - drainStart);
      samples.add(sample(start, topic, group));
      return account(group, samples, drained);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      publisher.shutdownNow();
      subscription.close();
    }
  }

  /** 1 % poison, 4 % failing their first delivery, 5 % delayed by 2 s, the rest plain. */
  private static String kind(int seq) {
    return seq % 100 == 0 ? "poison" : seq % 25 == 0 ? "flaky" : seq % 20 == 0 ? "delayed" : "plain";
  }

  private void publishOne(Topic topic) {
    int seq = sequence.incrementAndGet();
    Message.Builder message = Message.builder(topic).body("soak " + seq).header("seq", String.valueOf(seq));
    if (kind(seq).equals("delayed")) {
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

  private Sample sample(long start, Topic topic, ConsumerGroup group) {
    System.gc();
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024.0 * 1024.0);
    int threads = ManagementFactory.getThreadMXBean().getThreadCount();
    long lag = messaging.admin().backlog(topic, group).map(Backlog::total).getOrElse(-1L);
    long dead = deadLettered(group).cardinality();
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
  private BitSet deadLettered(ConsumerGroup group) {
    BitSet seqs = new BitSet();
    messaging.admin().deadLetters(group, 100_000).forEach(letters -> letters.forEach(l -> seqs.set(
        Integer.parseInt(l.message().headers().get("seq")))));
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

  private Result account(ConsumerGroup group, List<Sample> samples, Duration drained) {
    BitSet dead = deadLettered(group);
    BitSet missing = missing(dead);
    // which messages, of which kind, for whoever looks into a loss
    String lostMessages = missing.stream().limit(20).mapToObj(seq -> seq + " (" + kind(seq) + ")")
        .collect(java.util.stream.Collectors.joining(", "));
    return new Result(samples, count(acknowledged), refused.get(), count(handled), dead.cardinality(),
        missing.cardinality(), duplicates.get(), drained, lostMessages);
  }
}
