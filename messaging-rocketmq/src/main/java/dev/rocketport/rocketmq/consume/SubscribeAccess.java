package dev.rocketport.rocketmq.consume;

import dev.rocketport.messaging.AccessDeniedException;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.rocketmq.client.AccessDenials;
import dev.rocketport.rocketmq.client.Clients;
import dev.rocketport.rocketmq.client.ConsumerOffsets;
import dev.rocketport.rocketmq.client.RouteProbe;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before a consumer starts, that the broker lets this application consume the topic as the
 * group: a push consumer that is denied only logs each refused pull and never delivers, so a denial
 * must surface at {@code subscribe}. Asks every master of the topic for the group's offset, which ACL
 * 2.0 allows exactly to those who may subscribe. Failures other than a denial are left to the
 * consumer's own start. Thread-safe.
 */
public final class SubscribeAccess {
  private static final Logger LOG = LoggerFactory.getLogger(SubscribeAccess.class);

  private final DefaultMQAdminExt admin;
  private final Clients clients;

  public SubscribeAccess(DefaultMQAdminExt admin, Clients clients) {
    this.admin = admin;
    this.clients = clients;
  }

  /** Throws {@link AccessDeniedException} naming the topic and group if a master denies them. */
  void require(SubscriptionSpec spec, TopicRouteData route) {
    String topic = clients.physical(spec.topic().name());
    String group = clients.physical(spec.group().name());
    for (QueueData queues : route.getQueueDatas()) {
      try {
        ConsumerOffsets.committed(admin, RouteProbe.masterOf(route, queues.getBrokerName()), group,
            new MessageQueue(topic, queues.getBrokerName(), 0), clients.config().sendTimeout().toMillis());
      } catch (Exception e) {
        String denial = AccessDenials.of(e).getOrNull();
        if (denial != null) {
          throw new AccessDeniedException("topic '" + spec.topic() + "', group '" + spec.group() + "'", denial);
        }
        LOG.debug("access check of group {} on {} inconclusive", spec.group(), queues.getBrokerName(), e);
      }
    }
  }
}
