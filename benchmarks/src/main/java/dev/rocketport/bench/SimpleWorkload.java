package dev.rocketport.bench;

/** A {@link Workload} made of a tick function and a close action. Immutable. */
record SimpleWorkload(boolean blocking, int messagesPerTick, Tick tick, Runnable onClose) implements Workload {

  /** One tick of work: send what is meant to go at {@code intended}, report to {@code done}. */
  @FunctionalInterface
  interface Tick {
    void run(long intended, Workload.Completion done) throws Exception;
  }

  static SimpleWorkload blocking(Tick tick) {
    return new SimpleWorkload(true, 1, tick, () -> { });
  }

  static SimpleWorkload nonBlocking(Tick tick) {
    return new SimpleWorkload(false, 1, tick, () -> { });
  }

  @Override
  public void tick(long intendedNanos, Completion completion) throws Exception {
    tick.run(intendedNanos, completion);
  }

  @Override
  public void close() {
    onClose.run();
  }
}
