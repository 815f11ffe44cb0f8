package dev.rocketport.bench.faults;

import dev.rocketport.embedded.EmbeddedSettings;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import java.time.Duration;

/**
 * The RocketMQ runtimes fault scenarios and the chaos soak use: RocketMQ's client defaults (route polling every 30 s
 * included, so recovery is measured as users meet it) but a 3 s send timeout with 2 resends, and the
 * fault cluster's 1 s retry ladder. Stateless.
 */
public final class Runtimes {
  private Runtimes() {}

  /** The scenarios' settings, for a scenario to adjust before building. */
  public static RocketMqConfig.Builder config(String nameServer) {
    return RocketMqConfig.builder(nameServer).sendTimeout(Duration.ofSeconds(3)).sendRetries(2)
        .closeTimeout(Duration.ofSeconds(30)).retryLadder(RetryLadder.of(EmbeddedSettings.forTests().delayLevels()));
  }

  /**
   * Fails, naming {@code what} in {@code scenario}, if it took longer than a send of {@code messaging}
   * may take however the network fails: twice the send timeout (a coalesced send waits up to that)
   * and a second's grace.
   */
  static void requireWithinSendBound(String scenario, String what, Duration took, RocketMqMessaging messaging) {
    Duration bound = messaging.config().sendTimeout().multipliedBy(2).plusSeconds(1);
    if (took.compareTo(bound) > 0) {
      throw new IllegalStateException(scenario + ": " + what + " took " + took.toMillis() + " ms, past its bound of "
          + bound.toMillis() + " ms");
    }
  }

  public static RocketMqMessaging start(String nameServer) {
    return RocketMqMessaging.start(config(nameServer).build());
  }
}
