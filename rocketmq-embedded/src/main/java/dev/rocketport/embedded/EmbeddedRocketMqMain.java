package dev.rocketport.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs the embedded broker as a program: prints {@code ROCKETPORT_NAMESRV=host:port} once it is
 * ready, then serves until its standard input closes (or it is killed). With {@code --defaults} it
 * keeps RocketMQ's own timings instead of the test tuning. Used by {@link ChildProcessRocketMq} for
 * fault tests and by demos.
 */
public final class EmbeddedRocketMqMain {
  private EmbeddedRocketMqMain() {}

  public static void main(String[] args) throws Exception {
    boolean defaults = args.length > 0 && args[0].equals("--defaults");
    try (EmbeddedRocketMq rocketMq = EmbeddedRocketMq.start(
        defaults ? EmbeddedSettings.rocketMqDefaults() : EmbeddedSettings.forTests())) {
      System.out.println(ChildProcessRocketMq.READY_PREFIX + rocketMq.nameServerAddress());
      System.out.flush();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        while (in.readLine() != null) {
          // serve until the parent closes our input
        }
      }
    }
  }
}
