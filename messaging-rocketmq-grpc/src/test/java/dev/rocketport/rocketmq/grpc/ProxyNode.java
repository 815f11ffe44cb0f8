package dev.rocketport.rocketmq.grpc;

import dev.rocketport.embedded.ChildProcessRocketMq;
import dev.rocketport.embedded.EmbeddedSettings;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.rocketmq.grpc.config.GrpcConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;

/**
 * The one RocketMQ node the module's tests share: a name server, a broker and RocketMQ's proxy in
 * LOCAL mode, in a child JVM (the proxy cannot share this JVM's class loader with the gRPC client).
 * Started on first use; killed when this JVM ends.
 */
final class ProxyNode {
  private static ChildProcessRocketMq node;

  private ProxyNode() {}

  static synchronized ChildProcessRocketMq get() {
    if (node == null) {
      try {
        node = ChildProcessRocketMq.withProxy(Files.createTempDirectory("rocketport-grpc-node"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      ChildProcessRocketMq started = node;
      Runtime.getRuntime().addShutdownHook(new Thread(started::kill));
    }
    return node;
  }

  /** The adapter's configuration for the shared node: its proxy, its name server, the tests' short ladder. */
  static GrpcConfig.Builder config() {
    ChildProcessRocketMq n = get();
    return GrpcConfig.builder(n.proxyEndpoint()).nameServer(n.nameServerAddress())
        .retryLadder(RetryLadder.of(EmbeddedSettings.forTests().delayLevels()))
        .requestTimeout(Duration.ofSeconds(10));
  }
}
