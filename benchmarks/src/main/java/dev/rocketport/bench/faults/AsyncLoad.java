package dev.rocketport.bench.faults;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Asynchronous publishing from one thread with a bounded number of sends in flight, each message
 * with a unique body, every outcome into a {@link Tally}; after a failed send the next waits 20 ms,
 * as an application would not resend in a tight loop. Thread-safe; {@link #stop()} waits (up to
 * a minute) for the sends in flight to complete.
 */
final class AsyncLoad {
  private static final int IN_FLIGHT = 32;
  private static final Duration BACK_OFF = Duration.ofMillis(20);
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Semaphore permits = new Semaphore(IN_FLIGHT);
  private volatile boolean lastFailed;
  /** A stage that completed exceptionally, which {@link Publisher#sendAsync}'s contract rules out. */
  private final AtomicReference<Throwable> breach = new AtomicReference<>();
  private final Thread thread;

  private AsyncLoad(Publisher publisher, Topic topic, String prefix, Tally tally) {
    thread = new Thread(() -> {
      for (long seq = 0; running.get(); seq++) {
        String body = prefix + "-async-" + seq;
        try {
          permits.acquire();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        if (lastFailed) {
          LockSupport.parkNanos(BACK_OFF.toNanos());
        }
        long start = System.nanoTime();
        publisher.sendAsync(Message.of(topic, body)).whenComplete((outcome, error) -> {
          if (error != null) {
            breach.compareAndSet(null, error);
          } else {
            tally.record(body, outcome, Duration.ofNanos(System.nanoTime() - start));
            lastFailed = outcome.isLeft();
          }
          permits.release();
        });
      }
    }, "fault-load-" + prefix + "-async");
    thread.setDaemon(true);
  }

  /** Starts sending bodies {@code prefix-async-seq} to {@code topic}. */
  static AsyncLoad start(Publisher publisher, Topic topic, String prefix, Tally tally) {
    AsyncLoad load = new AsyncLoad(publisher, topic, prefix, tally);
    load.thread.start();
    return load;
  }

  /** Stops sending and waits for the sends in flight; fails if one's stage completed exceptionally. */
  void stop() throws InterruptedException {
    running.set(false);
    thread.join();
    if (!permits.tryAcquire(IN_FLIGHT, 1, TimeUnit.MINUTES)) {
      throw new IllegalStateException("asynchronous sends still in flight a minute after the load stopped");
    }
    if (breach.get() != null) {
      throw new IllegalStateException("a send's stage completed exceptionally, which the Publisher contract rules out",
          breach.get());
    }
  }
}
