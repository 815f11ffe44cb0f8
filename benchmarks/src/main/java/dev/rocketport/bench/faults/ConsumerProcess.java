package dev.rocketport.bench.faults;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A consumer in a JVM of its own, for the consumer-crash scenario to kill: {@code ConsumerProcess
 * nameServer topic group} subscribes and prints {@code H <body>} for each message before its handler
 * returns success, then {@code READY} once subscribed; it runs until its standard input closes.
 */
public final class ConsumerProcess {
  static final String READY = "READY";
  static final String HANDLED = "H ";

  private ConsumerProcess() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (RocketMqMessaging messaging = Runtimes.start(args[0])) {
      messaging.subscriber().subscribe(SubscriptionSpec.builder(Topic.of(args[1]), ConsumerGroup.of(args[2])).build(),
          m -> {
            out.println(HANDLED + m.bodyAsString());
            return HandlerResult.success();
          });
      out.println(READY);
      try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
        while (in.readLine() != null) {
          // run until the parent closes our input
        }
      }
    }
  }
}
