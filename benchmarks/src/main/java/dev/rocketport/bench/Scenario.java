package dev.rocketport.bench;

/**
 * The benchmark scenarios, with the seed's latency bound for each (normal 5 ms, ordered 10 ms,
 * transactional 20 ms; batches and end-to-end use the bound of their message kind) and the worker
 * threads a blocking one runs on by default.
 */
enum Scenario {
  NORMAL_SYNC("normal-sync", 5, 64),
  NORMAL_ASYNC("normal-async", 5, 1),
  BATCH("batch", 5, 16),
  ORDERED("ordered", 10, 64),
  TRANSACTION("transaction", 20, 32),
  E2E_NORMAL("e2e-normal", 5, 1),
  E2E_ORDERED("e2e-ordered", 10, 64);

  static final int BATCH_SIZE = 16;

  private final String id;
  private final int boundMillis;
  private final int threads;

  Scenario(String id, int boundMillis, int threads) {
    this.id = id;
    this.boundMillis = boundMillis;
    this.threads = threads;
  }

  String id() {
    return id;
  }

  long boundMicros() {
    return boundMillis * 1000L;
  }

  int boundMillis() {
    return boundMillis;
  }

  int threads() {
    return threads;
  }

  /** Whether Rocketport's send coalescing applies (plain and ordered sends), so the bench measures Rocketport without it too. */
  boolean coalescable() {
    return this != BATCH && this != TRANSACTION;
  }

  static java.util.Optional<Scenario> byId(String id) {
    return java.util.Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
  }
}
