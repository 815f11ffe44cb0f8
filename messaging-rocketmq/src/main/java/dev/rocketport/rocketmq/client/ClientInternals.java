package dev.rocketport.rocketmq.client;

import java.util.List;
import java.util.Optional;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.store.LocalFileOffsetStore;
import org.apache.rocketmq.client.consumer.store.OffsetStore;
import org.apache.rocketmq.client.consumer.store.RemoteBrokerOffsetStore;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.impl.factory.MQClientInstance;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.heartbeat.SubscriptionData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Every call the adapter makes past the remoting client's public API, into its {@code impl}
 * classes, in one place: they are not covered by RocketMQ's compatibility promise, so an upgrade of
 * {@code rocketmq-client} starts here ({@code ClientInternalsTest} exercises each one against a real
 * broker, the upgrade checklist). Each exists because the public API lacks it: asking a broker for
 * a group's offset without the set-zero fallback, persisting an offset or announcing a subscription
 * version now instead of at the next periodic task, learning a retry topic's route before the next
 * route poll, the queues a producer would send to. Stateless; thread-safe as the client's own calls are.
 */
public final class ClientInternals {
  private ClientInternals() {}

  /** The committed offset of {@code header}'s group and queue on the broker at {@code brokerAddress}. */
  public static long queryConsumerOffset(DefaultMQAdminExt admin, String brokerAddress,
      QueryConsumerOffsetRequestHeader header, long timeoutMillis)
      throws RemotingException, MQBrokerException, InterruptedException {
    return admin.getDefaultMQAdminExtImpl().getMqClientInstance().getMQClientAPIImpl()
        .queryConsumerOffset(brokerAddress, header, timeoutMillis);
  }

  /** As {@link #queryConsumerOffset(DefaultMQAdminExt, String, QueryConsumerOffsetRequestHeader, long)}, through a consumer's client. */
  public static long queryConsumerOffset(DefaultMQPushConsumer consumer, String brokerAddress,
      QueryConsumerOffsetRequestHeader header, long timeoutMillis)
      throws RemotingException, MQBrokerException, InterruptedException {
    return factory(consumer).getMQClientAPIImpl().queryConsumerOffset(brokerAddress, header, timeoutMillis);
  }

  /** The master address of {@code mq}'s broker as the consumer's client knows it, refreshing the route once if it does not. */
  public static Optional<String> masterAddress(DefaultMQPushConsumer consumer, MessageQueue mq) {
    MQClientInstance client = factory(consumer);
    var broker = client.findBrokerAddressInSubscribe(mq.getBrokerName(), MixAll.MASTER_ID, true);
    if (broker == null) {
      client.updateTopicRouteInfoFromNameServer(mq.getTopic());
      broker = client.findBrokerAddressInSubscribe(mq.getBrokerName(), MixAll.MASTER_ID, true);
    }
    return broker == null ? Optional.empty() : Optional.of(broker.getBrokerAddr());
  }

  /** Whether the consumer's client has a connection to {@code address}, or can open one now. */
  public static boolean reachable(DefaultMQPushConsumer consumer, String address) {
    return factory(consumer).getMQClientAPIImpl().getRemotingClient().isAddressReachable(address);
  }

  /** The client's own offset store for a consumer of {@code group}: local files in broadcasting, the broker otherwise. */
  public static OffsetStore offsetStore(DefaultMQPushConsumer consumer, String group, boolean broadcasting)
      throws MQClientException {
    MQClientInstance client = factory(consumer);
    return broadcasting ? new LocalFileOffsetStore(client, group) : new RemoteBrokerOffsetStore(client, group);
  }

  /**
   * The queues the producer's client would send {@code topic}'s messages to now (those of brokers it
   * knows to be writable), as its own queue selection sees them; empty if it has no route yet.
   */
  public static List<MessageQueue> publishQueues(DefaultMQProducer producer, String topic) {
    var info = producer.getDefaultMQProducerImpl().getTopicPublishInfoTable().get(topic);
    return info == null || !info.ok() ? List.of() : info.getMessageQueueList();
  }

  /** Fetches {@code topic}'s route from the name server now, into the producer's client. */
  public static void refreshRoute(DefaultMQProducer producer, String topic) {
    producer.getDefaultMQProducerImpl().getMqClientFactory().updateTopicRouteInfoFromNameServer(topic);
  }

  /** Sends the reader's offset of {@code queue} to the broker now. */
  public static void persistOffset(DefaultMQPullConsumer reader, MessageQueue queue) {
    reader.getDefaultMQPullConsumerImpl().getOffsetStore().persist(queue);
  }

  /** Fetches {@code topic}'s route now; returns whether the consumer's rebalance knows its queues. */
  public static boolean learnRoute(DefaultMQPushConsumer consumer, String topic) {
    var impl = consumer.getDefaultMQPushConsumerImpl();
    impl.getmQClientFactory().updateTopicRouteInfoFromNameServer(topic);
    return impl.getRebalanceImpl().getTopicSubscribeInfoTable().containsKey(topic);
  }

  /** Rebalances the consumer's client now instead of at its next periodic rebalance. */
  public static void rebalanceNow(DefaultMQPushConsumer consumer) {
    factory(consumer).rebalanceImmediately();
  }

  /** Sends the offsets the consumer acknowledged so far to the broker now. */
  public static void persistOffsets(DefaultMQPushConsumer consumer) {
    consumer.getDefaultMQPushConsumerImpl().persistConsumerOffset();
  }

  /** The newest subscription version of the consumer's rebalance (raised by each rebalance that changes its queues). */
  public static long subscriptionVersion(DefaultMQPushConsumer consumer) {
    return consumer.getDefaultMQPushConsumerImpl().getRebalanceImpl().getSubscriptionInner().values().stream()
        .mapToLong(SubscriptionData::getSubVersion).max().orElse(0);
  }

  /** A heartbeat to every broker unless another holds the client's lock; returns whether it was sent. */
  public static boolean heartbeat(DefaultMQPushConsumer consumer) {
    return factory(consumer).sendHeartbeatToAllBrokerWithLock();
  }

  private static MQClientInstance factory(DefaultMQPushConsumer consumer) {
    return consumer.getDefaultMQPushConsumerImpl().getmQClientFactory();
  }
}
