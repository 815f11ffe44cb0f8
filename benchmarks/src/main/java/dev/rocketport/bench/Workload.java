package dev.rocketport.bench;

/**
 * One way of doing one scenario's work (raw client, Rocketport adapter, in-memory), driven by the
 * {@link OpenLoopRunner}. A <em>blocking</em> workload is called from worker threads and returns
 * when its messages are acknowledged; a non-blocking one returns at once and reports completions
 * later. Either way each completed message is reported to {@link Completion} with its intended
 * send time, so latency includes any wait behind a backlog (no coordinated omission).
 */
interface Workload extends AutoCloseable {

  /** Receives each message's outcome: the time it was meant to be sent, and whether it succeeded. */
  @FunctionalInterface
  interface Completion {
    void completed(long intendedNanos, int messages, boolean ok);
  }

  /** Does the work for one tick: sends {@link #messagesPerTick()} messages meant to go at {@code intendedNanos}. */
  void tick(long intendedNanos, Completion completion) throws Exception;

  /** True if {@link #tick} returns only once its messages are acknowledged. */
  boolean blocking();

  /** Messages per tick (the batch size of a batch workload, else 1). */
  default int messagesPerTick() {
    return 1;
  }

  @Override
  void close() throws Exception;
}
