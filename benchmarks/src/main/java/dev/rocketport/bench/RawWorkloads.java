package dev.rocketport.bench;

import dev.rocketport.embedded.EmbeddedRocketMq;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.ConsumeOrderlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.consumer.listener.MessageListenerOrderly;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * The scenarios done with the raw {@code rocketmq-client}, as its own examples do them: the
 * baseline Rocketport must match. One producer for all plain sends, as Rocketport has.
 */
final class RawWorkloads implements Workloads, AutoCloseable {
  private final String nameServer;
  private final int payload;
  private final DefaultMQProducer producer;
  private final DefaultMQAdminExt admin;
  private final AtomicLong sequence = new AtomicLong();

  RawWorkloads(String nameServer, int payload) throws Exception {
    this.nameServer = nameServer;
    this.payload = payload;
    this.producer = new DefaultMQProducer("bench-raw-producer");
    producer.setNamesrvAddr(nameServer);
    producer.setInstanceName("bench-raw-" + UUID.randomUUID());
    producer.start();
    this.admin = new DefaultMQAdminExt();
    admin.setNamesrvAddr(nameServer);
    admin.setInstanceName("bench-raw-admin-" + UUID.randomUUID());
    admin.start();
  }

  private String topic(String scenario) throws Exception {
    String topic = "bench-raw-" + scenario + "-" + UUID.randomUUID().toString().substring(0, 8);
    String broker = Objects.requireNonNull(Objects.requireNonNull(admin.examineBrokerClusterInfo().getBrokerAddrTable()
        .get(EmbeddedRocketMq.BROKER_NAME), "the embedded broker is not registered").getBrokerAddrs().get(0L),
        "the embedded broker has no master address");
    return RawTopics.create(admin, broker, new org.apache.rocketmq.common.TopicConfig(topic, 8, 8));
  }

  private Message message(String topic, long intended) {
    return new Message(topic, Payloads.stamped(payload, intended));
  }

  private static boolean ok(SendResult result) {
    return result.getSendStatus() == SendStatus.SEND_OK;
  }

  @Override
  public Workload create(Scenario scenario) throws Exception {
    String topic = topic(scenario.id());
    return switch (scenario) {
      case NORMAL_SYNC -> SimpleWorkload.blocking((intended, done) -> done.completed(intended, 1, ok(producer.send(message(topic, intended)))));
      case NORMAL_ASYNC -> SimpleWorkload.nonBlocking((intended, done) -> producer.send(message(topic, intended), callback(intended, done)));
      case BATCH -> new SimpleWorkload(true, Scenario.BATCH_SIZE, (intended, done) -> {
        List<Message> batch = new ArrayList<>(Scenario.BATCH_SIZE);
        for (int i = 0; i < Scenario.BATCH_SIZE; i++) {
          batch.add(message(topic, intended));
        }
        done.completed(intended, Scenario.BATCH_SIZE, ok(producer.send(batch)));
      }, () -> { });
      case ORDERED -> SimpleWorkload.blocking((intended, done) -> done.completed(intended, 1, ok(producer.send(message(topic, intended),
          (queues, msg, arg) -> queues.get(Math.floorMod(arg.hashCode(), queues.size())),
          "key-" + sequence.getAndIncrement() % 64))));
      case TRANSACTION -> transaction(topic);
      case E2E_NORMAL -> endToEnd(topic, false);
      case E2E_ORDERED -> endToEnd(topic, true);
    };
  }

  private static SendCallback callback(long intended, Workload.Completion done) {
    return new SendCallback() {
      @Override
      public void onSuccess(SendResult result) {
        done.completed(intended, 1, ok(result));
      }

      @Override
      public void onException(Throwable e) {
        done.completed(intended, 1, false);
      }
    };
  }

  private Workload transaction(String topic) throws Exception {
    TransactionMQProducer tx = new TransactionMQProducer("bench-raw-tx-" + UUID.randomUUID());
    tx.setNamesrvAddr(nameServer);
    tx.setInstanceName("bench-raw-tx-" + UUID.randomUUID());
    tx.setTransactionListener(new TransactionListener() {
      @Override
      public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
        return LocalTransactionState.COMMIT_MESSAGE;
      }

      @Override
      public LocalTransactionState checkLocalTransaction(MessageExt msg) {
        return LocalTransactionState.COMMIT_MESSAGE;
      }
    });
    tx.start();
    return new SimpleWorkload(true, 1, (intended, done) -> done.completed(intended, 1,
        ok(tx.sendMessageInTransaction(message(topic, intended), null))), tx::shutdown);
  }

  private Workload endToEnd(String topic, boolean ordered) throws Exception {
    Workload.Completion[] sink = new Workload.Completion[1];
    DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("bench-raw-" + UUID.randomUUID());
    consumer.setNamesrvAddr(nameServer);
    consumer.setInstanceName("bench-raw-consumer-" + UUID.randomUUID());
    consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
    consumer.setConsumeThreadMin(8);
    consumer.setConsumeThreadMax(8);
    consumer.subscribe(topic, "*");
    if (ordered) {
      consumer.registerMessageListener((MessageListenerOrderly) (messages, context) -> {
        messages.forEach(m -> report(sink, m));
        return ConsumeOrderlyStatus.SUCCESS;
      });
    } else {
      consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
        messages.forEach(m -> report(sink, m));
        return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
      });
    }
    consumer.start();
    SimpleWorkload.Tick send = ordered
        ? (intended, done) -> {
          sink[0] = done;
          if (!ok(producer.send(message(topic, intended), (queues, msg, arg) -> queues.get(
              Math.floorMod(arg.hashCode(), queues.size())), "key-" + sequence.getAndIncrement() % 64))) {
            done.completed(intended, 1, false);
          }
        }
        : (intended, done) -> {
          sink[0] = done;
          producer.send(message(topic, intended), new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
              if (!ok(result)) {
                done.completed(intended, 1, false);
              }
            }

            @Override
            public void onException(Throwable e) {
              done.completed(intended, 1, false);
            }
          });
        };
    return new SimpleWorkload(ordered, 1, send, consumer::shutdown);
  }

  private static void report(Workload.Completion[] sink, MessageExt message) {
    Workload.Completion done = sink[0];
    if (done != null) {
      done.completed(Payloads.intendedOf(message.getBody()), 1, true);
    }
  }

  @Override
  public void close() {
    producer.shutdown();
    admin.shutdown();
  }
}
