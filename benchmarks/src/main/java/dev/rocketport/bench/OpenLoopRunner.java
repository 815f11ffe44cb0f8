package dev.rocketport.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Recorder;

/**
 * Drives a {@link Workload} open-loop at a fixed rate: tick {@code i} is meant to happen at
 * {@code start + i / rate}, whether or not earlier ticks have finished, and latency is measured from
 * that intended time. Blocking workloads run on {@code threads} workers; non-blocking ones on one
 * pacer. A warm-up period is run first and not recorded.
 */
final class OpenLoopRunner {
  private static final long MAX_LATENCY_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final int threads;

  OpenLoopRunner(int threads) {
    this.threads = threads;
  }

  /**
   * Closed loop for {@code duration}: every worker sends as fast as acknowledgements come back
   * (non-blocking workloads keep at most {@code maxOutstanding} ticks in flight). Returns messages per
   * second completed within the duration (the capacity estimate the open-loop steps are scaled from),
   * and the heap bytes allocated per completed message by this JVM's threads meanwhile.
   */
  Probe probe(Workload workload, Duration duration, int maxOutstanding) throws Exception {
    Semaphore window = new Semaphore(maxOutstanding);
    LongAdder completed = new LongAdder();
    LongAdder all = new LongAdder();
    Allocations before = Allocations.supported() ? Allocations.snapshot() : null;
    long end = System.nanoTime() + duration.toNanos();
    Workload.Completion completion = (intended, messages, ok) -> {
      if (ok && System.nanoTime() < end) {
        completed.add(messages);
      }
      if (ok) {
        all.add(messages);
      }
      window.release();
    };
    Runnable loop = () -> {
      while (System.nanoTime() < end) {
        try {
          if (!window.tryAcquire(100, TimeUnit.MILLISECONDS)) {
            continue;
          }
        } catch (InterruptedException e) {
          return;
        }
        try {
          workload.tick(System.nanoTime(), completion);
        } catch (Exception e) {
          window.release();
        }
      }
    };
    List<Thread> workers = new ArrayList<>();
    for (int i = 0; i < (workload.blocking() ? threads : 1); i++) {
      Thread t = new Thread(loop, "bench-probe-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      t.join();
    }
    window.tryAcquire(maxOutstanding, 30, TimeUnit.SECONDS);
    return new Probe(completed.sum() / (duration.toNanos() / 1e9),
        before == null || all.sum() == 0 ? -1 : (double) Allocations.since(before) / all.sum());
  }

  /** Runs at {@code ticksPerSecond} for warm-up plus {@code duration}; returns what the window recorded. */
  Measurement run(Workload workload, double ticksPerSecond, Duration warmUp, Duration duration) throws Exception {
    Recorder recorder = new Recorder(MAX_LATENCY_NANOS, 3);
    AtomicLong failures = new AtomicLong();
    AtomicLong inFlightTicks = new AtomicLong();
    long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
    long measureFrom = start + warmUp.toNanos();
    long end = measureFrom + duration.toNanos();
    double interval = TimeUnit.SECONDS.toNanos(1) / ticksPerSecond;
    AtomicLong next = new AtomicLong();
    Workload.Completion completion = (intended, messages, ok) -> {
      long now = System.nanoTime();
      inFlightTicks.decrementAndGet();
      if (intended < measureFrom || intended >= end) {
        return;
      }
      if (!ok) {
        failures.addAndGet(messages);
        return;
      }
      long latency = Math.min(Math.max(0, now - intended), MAX_LATENCY_NANOS);
      recorder.recordValueWithCount(latency, messages);
    };
    Runnable pace = () -> {
      while (true) {
        long intended = start + (long) (next.getAndIncrement() * interval);
        if (intended >= end) {
          return;
        }
        long wait;
        while ((wait = intended - System.nanoTime()) > 0) {
          LockSupport.parkNanos(wait);
        }
        inFlightTicks.incrementAndGet();
        try {
          workload.tick(intended, completion);
        } catch (Exception e) {
          completion.completed(intended, workload.messagesPerTick(), false);
        }
      }
    };
    List<Thread> workers = new ArrayList<>();
    int count = workload.blocking() ? threads : 1;
    for (int i = 0; i < count; i++) {
      Thread t = new Thread(pace, "bench-worker-" + i);
      t.setDaemon(true);
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      t.join();
    }
    long drainDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (inFlightTicks.get() > 0 && System.nanoTime() < drainDeadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
    }
    double seconds = duration.toNanos() / 1e9;
    // ticks of the window still unanswered after the drain count as failed: the rate was not sustainable
    long unanswered = Math.max(0, inFlightTicks.get()) * workload.messagesPerTick();
    return new Measurement(ticksPerSecond * workload.messagesPerTick(), seconds, recorder.getIntervalHistogram(),
        failures.get() + unanswered);
  }
}
