package dev.rocketport.bench;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.TransactionOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scenarios written against Rocketport's ports — the same code for the RocketMQ adapter and
 * the in-memory one, as an application would write it.
 */
final class PortWorkloads implements Workloads {
  private static final ShardingKey[] KEYS = new ShardingKey[64];

  static {
    for (int i = 0; i < KEYS.length; i++) {
      KEYS[i] = ShardingKey.of("key-" + i);
    }
  }

  private final Messaging messaging;
  private final int payload;
  private final AtomicLong sequence = new AtomicLong();

  PortWorkloads(Messaging messaging, int payload) {
    this.messaging = messaging;
    this.payload = payload;
  }

  private Topic topic(String scenario) {
    Topic topic = Topic.of("bench-" + scenario + "-" + UUID.randomUUID().toString().substring(0, 8));
    messaging.admin().createTopic(topic, 8).getOrElseThrow(f -> new IllegalStateException(f.description()));
    return topic;
  }

  private Message message(Topic topic, long intended) {
    return Message.builder(topic).body(Payloads.stamped(payload, intended)).build();
  }

  @Override
  public Workload create(Scenario scenario) {
    Topic topic = topic(scenario.id());
    return switch (scenario) {
      case NORMAL_SYNC -> SimpleWorkload.blocking((intended, done) -> done.completed(intended, 1,
          messaging.publisher().send(message(topic, intended)).isRight()));
      case NORMAL_ASYNC -> SimpleWorkload.nonBlocking((intended, done) -> messaging.publisher()
          .sendAsync(message(topic, intended)).thenAccept(result -> done.completed(intended, 1, result.isRight())));
      case BATCH -> batch(topic);
      case ORDERED -> SimpleWorkload.blocking((intended, done) -> done.completed(intended, 1, messaging.orderedPublisher()
          .send(message(topic, intended), KEYS[(int) (sequence.getAndIncrement() % KEYS.length)]).isRight()));
      case TRANSACTION -> {
        var tx = messaging.transactionalPublisher(ProducerGroup.of("bench-tx-" + UUID.randomUUID()),
            check -> TransactionOutcome.COMMIT);
        yield SimpleWorkload.blocking((intended, done) -> done.completed(intended, 1,
            tx.sendInTransaction(message(topic, intended), (m, id) -> TransactionOutcome.COMMIT).isRight()));
      }
      case E2E_NORMAL -> endToEnd(topic, false);
      case E2E_ORDERED -> endToEnd(topic, true);
    };
  }

  private Workload batch(Topic topic) {
    return new SimpleWorkload(true, Scenario.BATCH_SIZE, (intended, done) -> {
      List<Message> batch = new ArrayList<>(Scenario.BATCH_SIZE);
      for (int i = 0; i < Scenario.BATCH_SIZE; i++) {
        batch.add(message(topic, intended));
      }
      done.completed(intended, Scenario.BATCH_SIZE, messaging.publisher().sendBatch(batch).allSent());
    }, () -> { });
  }

  private Workload endToEnd(Topic topic, boolean ordered) {
    Workload.Completion[] sink = new Workload.Completion[1];
    SubscriptionSpec.Builder spec = SubscriptionSpec.builder(topic, ConsumerGroup.of("bench-" + UUID.randomUUID()))
        .concurrency(8);
    if (ordered) {
      spec.orderly();
    }
    Subscription subscription = messaging.subscriber().subscribe(spec.build(), m -> {
      Workload.Completion done = sink[0];
      if (done != null) {
        done.completed(Payloads.intendedOf(m.message().body()), 1, true);
      }
      return HandlerResult.success();
    });
    return new SimpleWorkload(ordered, 1, (intended, done) -> {
      sink[0] = done;
      Message message = message(topic, intended);
      if (ordered) {
        var sent = messaging.orderedPublisher().send(message, KEYS[(int) (sequence.getAndIncrement() % KEYS.length)]);
        if (sent.isLeft()) {
          done.completed(intended, 1, false);
        }
      } else {
        messaging.publisher().sendAsync(message).thenAccept(r -> {
          if (r.isLeft()) {
            done.completed(intended, 1, false);
          }
        });
      }
    }, subscription::close);
  }
}
