package dev.rocketport.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Heap bytes allocated by this JVM's threads, from HotSpot's per-thread allocation counters
 * ({@code com.sun.management.ThreadMXBean}): a {@link #snapshot()} before a window, then
 * {@link #since} after it sums each thread's growth — a thread that ended meanwhile takes its count
 * with it (the bench reads around windows whose threads outlive them), but never makes the sum go
 * down. Immutable; thread-safe.
 */
final class Allocations {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final Map<Long, Long> byThread;

  private Allocations(Map<Long, Long> byThread) {
    this.byThread = byThread;
  }

  /** Whether this JVM counts allocations per thread. */
  static boolean supported() {
    return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
  }

  /** Each live thread's count now. */
  static Allocations snapshot() {
    long[] ids = THREADS.getAllThreadIds();
    long[] bytes = THREADS.getThreadAllocatedBytes(ids);
    Map<Long, Long> byThread = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        byThread.put(ids[i], bytes[i]);
      }
    }
    return new Allocations(byThread);
  }

  /** Bytes the threads alive now allocated since {@code before} (all of it, for threads started since). */
  static long since(Allocations before) {
    long sum = 0;
    for (Map.Entry<Long, Long> now : snapshot().byThread.entrySet()) {
      sum += Math.max(0, now.getValue() - before.byThread.getOrDefault(now.getKey(), 0L));
    }
    return sum;
  }
}
