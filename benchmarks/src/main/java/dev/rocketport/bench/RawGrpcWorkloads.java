package dev.rocketport.bench;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.apis.ClientConfiguration;
import org.apache.rocketmq.client.apis.ClientException;
import org.apache.rocketmq.client.apis.ClientServiceProvider;
import org.apache.rocketmq.client.apis.consumer.ConsumeResult;
import org.apache.rocketmq.client.apis.consumer.FilterExpression;
import org.apache.rocketmq.client.apis.consumer.PushConsumer;
import org.apache.rocketmq.client.apis.message.Message;
import org.apache.rocketmq.client.apis.message.MessageBuilder;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.apache.rocketmq.client.apis.producer.Transaction;
import org.apache.rocketmq.client.apis.producer.TransactionResolution;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.TopicAttributes;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.attribute.TopicMessageType;
import org.apache.rocketmq.remoting.protocol.subscription.SubscriptionGroupConfig;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * The raw gRPC client ({@code rocketmq-client-java}) doing each scenario through a proxy, as its
 * documentation shows: one producer, sends with a message group for ordered ones, a transactional
 * producer, a push consumer for end-to-end. Topics take every kind of message and groups are set up
 * through the name server, as the gRPC adapter's are. No batch send: the client has none.
 */
final class RawGrpcWorkloads implements Workloads, AutoCloseable {
  private final int payload;
  private final ClientServiceProvider provider = ClientServiceProvider.loadService();
  private final ClientConfiguration configuration;
  private final Producer producer;
  private final DefaultMQAdminExt admin;
  private final AtomicLong sequence = new AtomicLong();

  RawGrpcWorkloads(String endpoints, String nameServer, int payload) throws Exception {
    this.payload = payload;
    this.configuration = ClientConfiguration.newBuilder().setEndpoints(endpoints).enableSsl(false).build();
    this.producer = provider.newProducerBuilder().setClientConfiguration(configuration).build();
    this.admin = new DefaultMQAdminExt();
    admin.setNamesrvAddr(nameServer);
    admin.setInstanceName("bench-raw-grpc-admin-" + UUID.randomUUID());
    admin.start();
  }

  private String master() throws Exception {
    return Objects.requireNonNull(admin.examineBrokerClusterInfo().getBrokerAddrTable().values().iterator().next()
        .getBrokerAddrs().get(MixAll.MASTER_ID), "no master broker registered");
  }

  private String topic(String scenario) throws Exception {
    String topic = "bench-raw-grpc-" + scenario + "-" + UUID.randomUUID().toString().substring(0, 8);
    TopicConfig config = new TopicConfig(topic, 8, 8);
    config.setAttributes(Map.of("+" + TopicAttributes.TOPIC_MESSAGE_TYPE_ATTRIBUTE.getName(),
        TopicMessageType.MIXED.getValue()));
    return RawTopics.create(admin, master(), config);
  }

  private Message message(String topic, long intended, boolean ordered) {
    MessageBuilder builder = provider.newMessageBuilder().setTopic(topic).setBody(Payloads.stamped(payload, intended));
    if (ordered) {
      builder.setMessageGroup("key-" + sequence.getAndIncrement() % 64);
    }
    return builder.build();
  }

  @Override
  public Workload create(Scenario scenario) throws Exception {
    String topic = topic(scenario.id());
    return switch (scenario) {
      case NORMAL_SYNC -> SimpleWorkload.blocking((intended, done) -> {
        producer.send(message(topic, intended, false));
        done.completed(intended, 1, true);
      });
      case NORMAL_ASYNC -> SimpleWorkload.nonBlocking((intended, done) -> producer.sendAsync(
          message(topic, intended, false)).whenComplete((receipt, failure) -> done.completed(intended, 1,
          failure == null)));
      case ORDERED -> SimpleWorkload.blocking((intended, done) -> {
        producer.send(message(topic, intended, true));
        done.completed(intended, 1, true);
      });
      case TRANSACTION -> transaction(topic);
      case E2E_NORMAL -> endToEnd(topic, false);
      case E2E_ORDERED -> endToEnd(topic, true);
      case BATCH -> throw new IllegalArgumentException("the gRPC client has no batch send");
    };
  }

  private Workload transaction(String topic) throws ClientException {
    Producer transactional = provider.newProducerBuilder().setClientConfiguration(configuration).setTopics(topic)
        .setTransactionChecker(view -> TransactionResolution.COMMIT).build();
    return new SimpleWorkload(true, 1, (intended, done) -> {
      Transaction transaction = transactional.beginTransaction();
      transactional.send(message(topic, intended, false), transaction);
      transaction.commit();
      done.completed(intended, 1, true);
    }, () -> closeQuietly(transactional));
  }

  private Workload endToEnd(String topic, boolean ordered) throws Exception {
    String group = "bench-raw-grpc-" + UUID.randomUUID();
    SubscriptionGroupConfig config = new SubscriptionGroupConfig();
    config.setGroupName(group);
    config.setConsumeMessageOrderly(ordered);
    admin.createAndUpdateSubscriptionGroupConfig(master(), config);
    Workload.Completion[] sink = new Workload.Completion[1];
    PushConsumer consumer = provider.newPushConsumerBuilder().setClientConfiguration(configuration)
        .setConsumerGroup(group).setSubscriptionExpressions(Map.of(topic, FilterExpression.SUB_ALL))
        .setConsumptionThreadCount(8).setMessageListener(view -> {
          Workload.Completion done = sink[0];
          if (done != null) {
            byte[] body = new byte[view.getBody().remaining()];
            view.getBody().duplicate().get(body);
            done.completed(Payloads.intendedOf(body), 1, true);
          }
          return ConsumeResult.SUCCESS;
        }).build();
    // as the remoting client's: ordered messages sent synchronously from worker threads, plain ones asynchronously
    SimpleWorkload.Tick send = ordered
        ? (intended, done) -> {
          sink[0] = done;
          producer.send(message(topic, intended, true));
        }
        : (intended, done) -> {
          sink[0] = done;
          producer.sendAsync(message(topic, intended, false)).whenComplete((receipt, failure) -> {
            if (failure != null) {
              done.completed(intended, 1, false);
            }
          });
        };
    return new SimpleWorkload(ordered, 1, send, () -> closeQuietly(consumer));
  }

  private static void closeQuietly(AutoCloseable closeable) {
    try {
      closeable.close();
    } catch (Exception e) {
      throw new IllegalStateException("closing a raw gRPC client failed", e);
    }
  }

  @Override
  public void close() {
    closeQuietly(producer);
    admin.shutdown();
  }
}
