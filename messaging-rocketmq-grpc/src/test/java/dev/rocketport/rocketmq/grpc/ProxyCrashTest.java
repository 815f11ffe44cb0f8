package dev.rocketport.rocketmq.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.ChildProcessRocketMq;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.StartPosition;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.rocketmq.grpc.config.GrpcConfig;
import dev.rocketport.testing.Waiting;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A proxy killed with SIGKILL under synchronous load: every send the adapter acknowledged is stored
 * (read back through the remoting protocol, past the dead proxy), every failure is typed and comes
 * within the request timeout, and those of unknown outcome are accounted for — stored or not, each
 * was reported as unknown, never as "not stored".
 */
class ProxyCrashTest {

  @Test
  void killingTheProxyLosesNoAcknowledgedMessage(@TempDir Path dir) throws Exception {
    ChildProcessRocketMq node = ProxyNode.get();
    Topic topic = Topic.of("proxy-crash-" + UUID.randomUUID().toString().substring(0, 8));
    Set<String> acknowledged = new HashSet<>();
    Set<String> unknown = new HashSet<>();
    Set<String> notStored = new HashSet<>();
    try (RocketMqMessaging remoting = RocketMqMessaging.start(RocketMqConfig.builder(node.nameServerAddress()).build());
        ChildProcessRocketMq proxy = ChildProcessRocketMq.proxy(Files.createDirectories(dir.resolve("proxy")),
            node.nameServerAddress())) {
      assertTrue(remoting.admin().createTopic(topic, 4).isRight());
      Duration timeout = Duration.ofSeconds(2);
      try (GrpcMessaging grpc = GrpcMessaging.start(GrpcConfig.builder(proxy.proxyEndpoint()).requestTimeout(timeout)
          .build())) {
        for (int i = 0; i < 400; i++) {
          if (i == 150) {
            proxy.kill();
          }
          String key = "m-" + i;
          long started = System.nanoTime();
          var sent = grpc.publisher().send(Message.builder(topic).body("crash " + i).key(key).build());
          Duration took = Duration.ofNanos(System.nanoTime() - started);
          assertTrue(took.compareTo(timeout.multipliedBy(3)) < 0, "send " + i + " took " + took);
          if (sent.isRight()) {
            acknowledged.add(key);
          } else if (sent.getLeft() instanceof PublishFailure.Timeout) {
            unknown.add(key);
          } else {
            notStored.add(key + " " + sent.getLeft().description());
          }
          if (i > 150 && unknown.size() + notStored.size() >= 20) {
            break; // the proxy is gone: enough failures seen
          }
        }
      }
      assertTrue(acknowledged.size() >= 150, "the sends before the kill: " + acknowledged.size());
      Set<String> stored = ConcurrentHashMap.newKeySet();
      var spec = SubscriptionSpec.builder(topic, ConsumerGroup.of("proxy-crash-" + UUID.randomUUID()))
          .startFrom(StartPosition.earliest()).build();
      try (var reader = remoting.subscriber().subscribe(spec, m -> {
        stored.addAll(m.message().keys().stream().map(k -> k.value()).toList());
        return HandlerResult.success();
      })) {
        assertTrue(Waiting.wallClock().awaitUntil(() -> stored.containsAll(acknowledged), Duration.ofSeconds(60)),
            () -> "acknowledged but not stored: " + acknowledged.stream().filter(k -> !stored.contains(k)).toList());
      }
      Set<String> unknownStored = new HashSet<>(unknown);
      unknownStored.retainAll(stored);
      System.out.printf("proxy kill -9 under sync load: %d acknowledged (0 lost), %d unknown outcome (%d of them "
          + "stored), %d refused as not stored: %s%n", acknowledged.size(), unknown.size(), unknownStored.size(),
          notStored.size(), notStored);
      assertEquals(Set.of(), notStored.stream().filter(k -> stored.contains(k.split(" ")[0])).collect(
          java.util.stream.Collectors.toSet()), "a send reported as not stored was stored");
    }
  }
}
