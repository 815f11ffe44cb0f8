package dev.rocketport.embedded;

import java.time.Duration;

/**
 * How the embedded broker is tuned. {@link #forTests()} shortens every waiting period so that
 * conformance cases run in seconds: all 18 delay levels are 1 s (so every retry waits 1 s),
 * transactions are checked after 1 s, every 1 s, at most 5 times. {@link #rocketMqDefaults()} keeps
 * RocketMQ's own values (retry ladder 10 s … 2 h, first check after 6 s), for demos that should
 * behave like production. Immutable.
 *
 * @param messageDelayLevel the broker's {@code messageDelayLevel}, which drives retries
 * @param transactionTimeout how long a half message waits before its first check
 * @param transactionCheckInterval how often undecided transactions are checked
 * @param transactionCheckMax how many checks before the half message is discarded
 * @param clientRebalanceInterval how often clients in this JVM rebalance queues
 *     ({@code rocketmq.client.rebalance.waitInterval}, set only if the JVM has not set it)
 */
public record EmbeddedSettings(String messageDelayLevel, Duration transactionTimeout,
    Duration transactionCheckInterval, int transactionCheckMax, Duration clientRebalanceInterval) {

  /** RocketMQ's default delay levels. */
  public static final String DEFAULT_DELAY_LEVELS = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";

  public EmbeddedSettings {
    if (messageDelayLevel == null || messageDelayLevel.split(" ").length < 3) {
      throw new IllegalArgumentException("messageDelayLevel: needs at least 3 levels, was " + messageDelayLevel);
    }
    if (transactionCheckMax < 1) {
      throw new IllegalArgumentException("transactionCheckMax: must be positive, was " + transactionCheckMax);
    }
  }

  public static EmbeddedSettings forTests() {
    return new EmbeddedSettings(String.join(" ", java.util.Collections.nCopies(18, "1s")), Duration.ofSeconds(1),
        Duration.ofSeconds(1), 5, Duration.ofSeconds(1));
  }

  public static EmbeddedSettings rocketMqDefaults() {
    return new EmbeddedSettings(DEFAULT_DELAY_LEVELS, Duration.ofSeconds(6), Duration.ofSeconds(30), 15, Duration.ofSeconds(20));
  }

  /** The delay levels as durations, in order (the broker's retry ladder). */
  public java.util.List<Duration> delayLevels() {
    return java.util.Arrays.stream(messageDelayLevel.split(" ")).map(EmbeddedSettings::parse).toList();
  }

  private static Duration parse(String level) {
    long amount = Long.parseLong(level.substring(0, level.length() - 1));
    return switch (level.charAt(level.length() - 1)) {
      case 's' -> Duration.ofSeconds(amount);
      case 'm' -> Duration.ofMinutes(amount);
      case 'h' -> Duration.ofHours(amount);
      case 'd' -> Duration.ofDays(amount);
      default -> throw new IllegalArgumentException("messageDelayLevel: unknown unit in " + level);
    };
  }
}
