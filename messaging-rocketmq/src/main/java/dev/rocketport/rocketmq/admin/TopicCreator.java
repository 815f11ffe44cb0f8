package dev.rocketport.rocketmq.admin;

import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.client.Clients;
import dev.rocketport.rocketmq.client.RouteProbe;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.apache.rocketmq.common.TopicAttributes;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates a topic, or grows its queues, on every broker group's master and on their replicas, and
 * returns once the name server routes it. A new topic takes every kind of message (RocketMQ 5's
 * {@code MIXED} type), as Rocketport's topics do: gRPC clients check a topic's type before sending; a
 * broker without {@code enableMixedMessageType} refuses that, and from then on topics get the
 * broker's default type. Thread-safe.
 */
final class TopicCreator {
  private static final Logger LOG = LoggerFactory.getLogger(TopicCreator.class);

  private final DefaultMQAdminExt admin;
  private final Clients clients;
  private final RouteProbe routes;
  private volatile boolean mixedTypes = true;

  TopicCreator(DefaultMQAdminExt admin, Clients clients, RouteProbe routes) {
    this.admin = admin;
    this.clients = clients;
    this.routes = routes;
  }

  Topic create(Topic topic, int queueCount) throws Exception {
    String name = clients.physical(topic.name());
    Option<TopicRouteData> existing = routes.route(name).get();
    int current = existing.map(r -> r.getQueueDatas().get(0).getWriteQueueNums()).getOrElse(0);
    if (current >= queueCount) {
      return topic;
    }
    for (String master : BrokerGroups.masters(admin)) {
      try {
        admin.createAndUpdateTopicConfig(master, config(name, queueCount, current == 0 && mixedTypes));
      } catch (MQBrokerException e) {
        if (!mixedTypes || !String.valueOf(e.getErrorMessage()).contains("MIXED")) {
          throw e;
        }
        mixedTypes = false;
        LOG.info("the brokers refuse topics of every message kind (enableMixedMessageType=false); new topics get "
            + "their default type, and gRPC clients can send only that kind to them");
        admin.createAndUpdateTopicConfig(master, config(name, queueCount, false));
      }
    }
    TopicConfig config = config(name, queueCount, current == 0 && mixedTypes);
    for (String replica : BrokerGroups.replicas(admin)) {
      // a replica copies its master's topics only every 10 s; promoted before that, it would serve
      // the group without the topic, and its old master, rejoining, would copy that loss
      try {
        admin.createAndUpdateTopicConfig(replica, config);
      } catch (Exception e) {
        LOG.warn("topic {} is on every master but not yet on replica {} ({}); the replica copies it from its "
            + "master within 10 s", name, replica, e.toString());
      }
    }
    awaitRoute(name, queueCount);
    return topic;
  }

  private static TopicConfig config(String name, int queueCount, boolean mixed) {
    TopicConfig config = new TopicConfig(name, queueCount, queueCount);
    if (mixed) {
      config.setAttributes(Map.of("+" + TopicAttributes.TOPIC_MESSAGE_TYPE_ATTRIBUTE.getName(),
          TopicMessageType.MIXED.getValue()));
    }
    return config;
  }

  private void awaitRoute(String physicalTopic, int queueCount) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      Option<TopicRouteData> route = routes.route(physicalTopic).get();
      if (route.exists(r -> r.getQueueDatas().stream().allMatch(q -> q.getWriteQueueNums() >= queueCount))) {
        return;
      }
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
    throw new RemotingTimeoutException("the route of " + physicalTopic + " did not appear within 30 s");
  }
}
