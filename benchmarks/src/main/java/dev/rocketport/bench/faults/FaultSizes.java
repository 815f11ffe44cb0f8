package dev.rocketport.bench.faults;

/**
 * How much load each fault scenario applies: {@link #full()} for {@code ./rocketport faults},
 * {@link #quick()} for the bounded test in the build. Immutable.
 *
 * @param ackedBeforeFault acknowledged sends before the fault strikes
 * @param ackedAfterRecovery acknowledged sends after recovery before the load stops
 * @param consumerBacklog messages the killed consumer's group must work through
 * @param asyncInFlight asynchronous sends in flight when the runtime is closed
 * @param hangingMessages messages for the hanging-handler scenario (every 20th hangs once)
 * @param underNetworkFault acknowledged sends before a network fault, under a slow one, and after it
 */
record FaultSizes(int ackedBeforeFault, int ackedAfterRecovery, int consumerBacklog, int asyncInFlight,
    int hangingMessages, int underNetworkFault) {

  static FaultSizes full() {
    return new FaultSizes(20_000, 10_000, 20_000, 20_000, 400, 300);
  }

  static FaultSizes quick() {
    return new FaultSizes(2_000, 1_000, 3_000, 5_000, 60, 100);
  }
}
