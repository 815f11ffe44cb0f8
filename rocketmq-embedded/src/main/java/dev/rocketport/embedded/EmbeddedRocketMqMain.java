package dev.rocketport.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Runs the embedded broker as a program: prints {@code ROCKETPORT_NAMESRV=host:port} once it is
 * ready, then serves until its standard input closes (or it is killed). Options: {@code --defaults}
 * keeps RocketMQ's own timings instead of the test tuning; {@code --store DIR} keeps the store in
 * {@code DIR} (so a restarted broker finds the messages of a killed one). Used by
 * {@link ChildProcessRocketMq} for fault tests and by demos.
 */
public final class EmbeddedRocketMqMain {
  private EmbeddedRocketMqMain() {}

  public static void main(String[] args) throws Exception {
    java.util.List<String> options = java.util.List.of(args);
    boolean defaults = options.contains("--defaults");
    int store = options.indexOf("--store");
    java.nio.file.Path storeDir = store >= 0 && store + 1 < args.length ? java.nio.file.Path.of(args[store + 1]) : null;
    try (EmbeddedRocketMq rocketMq = EmbeddedRocketMq.start(
        defaults ? EmbeddedSettings.rocketMqDefaults() : EmbeddedSettings.forTests(), storeDir)) {
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
