package dev.rocketport.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/** The raw ways' topics: created on one broker with the plain admin client, ready once the name server routes them. Stateless. */
final class RawTopics {
  private static final Duration ROUTE_PATIENCE = Duration.ofSeconds(30);

  private RawTopics() {}

  /** Creates {@code config}'s topic on the broker at {@code brokerAddress}; returns its name once it has a route. */
  static String create(DefaultMQAdminExt admin, String brokerAddress, TopicConfig config) throws Exception {
    admin.createAndUpdateTopicConfig(brokerAddress, config);
    String topic = config.getTopicName();
    long deadline = System.nanoTime() + ROUTE_PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (!admin.examineTopicRouteInfo(topic).getQueueDatas().isEmpty()) {
          return topic;
        }
      } catch (Exception notYet) {
        // the name server has no route yet: ask again
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new IllegalStateException("no route for " + topic + " within " + ROUTE_PATIENCE.toSeconds() + " s");
  }
}
