package dev.rocketport.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;

/**
 * Bytes allocated on the heap by this JVM's live threads so far, from HotSpot's per-thread
 * allocation counters ({@code com.sun.management.ThreadMXBean}). A thread that ends between two
 * readings takes its count with it, so the bench reads around windows whose threads (client pools,
 * bench workers) outlive them. Stateless; thread-safe.
 */
final class Allocations {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private Allocations() {}

  /** The sum over live threads, or -1 where the JVM does not count allocations. */
  static long total() {
    if (!THREADS.isThreadAllocatedMemorySupported() || !THREADS.isThreadAllocatedMemoryEnabled()) {
      return -1;
    }
    return Arrays.stream(THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())).filter(b -> b > 0).sum();
  }
}
