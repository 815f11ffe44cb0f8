package dev.rocketport.bench.faults;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Synchronous publishing from several threads as fast as the broker answers (a failed send backs
 * off 20 ms), each message with a unique body, every outcome into a {@link Tally}. Thread-safe; {@link #stop()} waits for the
 * threads' last sends.
 */
final class SyncLoad {
  private static final Duration BACK_OFF = Duration.ofMillis(20);
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final List<Thread> threads = new ArrayList<>();
  private final Tally tally;

  private SyncLoad(Tally tally) {
    this.tally = tally;
  }

  /** Starts {@code threads} publishers of bodies {@code prefix-thread-seq} to {@code topic}. */
  static SyncLoad start(Publisher publisher, Topic topic, String prefix, int threads, Tally tally) {
    SyncLoad load = new SyncLoad(tally);
    for (int t = 0; t < threads; t++) {
      String name = prefix + "-" + t + "-";
      Thread thread = new Thread(() -> {
        for (long seq = 0; load.running.get(); seq++) {
          String body = name + seq;
          long start = System.nanoTime();
          var outcome = publisher.send(Message.of(topic, body));
          tally.record(body, outcome, Duration.ofNanos(System.nanoTime() - start));
          if (outcome.isLeft()) {
            // as an application would: a failed send is not repeated in a tight loop
            LockSupport.parkNanos(BACK_OFF.toNanos());
          }
        }
      }, "fault-load-" + prefix + "-" + t);
      thread.setDaemon(true);
      load.threads.add(thread);
      thread.start();
    }
    return load;
  }

  Tally tally() {
    return tally;
  }

  void stop() throws InterruptedException {
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
  }
}
