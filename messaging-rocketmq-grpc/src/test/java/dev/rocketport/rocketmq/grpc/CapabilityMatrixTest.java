package dev.rocketport.rocketmq.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.rocketmq.grpc.config.GrpcConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's capability matrix says what the three adapters declare: each row of optional
 * features, read from the README, against the {@link Capabilities} of a running adapter of each kind
 * (the gRPC one with and without a name server).
 */
class CapabilityMatrixTest {

  @Test
  void theReadmesMatrixIsWhatTheAdaptersDeclare() throws Exception {
    Map<Feature, List<String>> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("..", "README.md"))) {
      for (Feature feature : Feature.values()) {
        if (line.startsWith("| `" + feature.name() + "` |")) {
          rows.put(feature, Arrays.stream(line.split("\\|")).map(String::trim).filter(c -> !c.isEmpty()).skip(1)
              .toList());
        }
      }
    }
    assertEquals(List.of(Feature.values()), List.copyOf(rows.keySet()), "one row per optional feature");
    try (Messaging inMemory = InMemoryMessaging.virtualClock();
        Messaging remoting = RocketMqMessaging.start(RocketMqConfig.builder(ProxyNode.get().nameServerAddress())
            .build());
        Messaging grpc = GrpcMessaging.start(ProxyNode.config().build());
        Messaging proxyOnly = GrpcMessaging.start(GrpcConfig.builder(ProxyNode.get().proxyEndpoint()).build())) {
      for (Map.Entry<Feature, List<String>> row : rows.entrySet()) {
        Feature feature = row.getKey();
        assertEquals(List.of(word(inMemory, feature), word(remoting, feature), grpcWord(grpc, proxyOnly, feature)),
            row.getValue(), "the README's row for " + feature);
      }
    }
  }

  private static String word(Messaging messaging, Feature feature) {
    return messaging.capabilities().supports(feature) ? "yes" : "no";
  }

  private static String grpcWord(Messaging withNameServer, Messaging proxyOnly, Feature feature) {
    boolean with = withNameServer.capabilities().supports(feature);
    boolean without = proxyOnly.capabilities().supports(feature);
    return with == without ? (with ? "yes" : "no") : "with a name server";
  }
}
