package dev.rocketport.bench.faults;

import dev.rocketport.embedded.FaultCluster;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Scenario b: a topic on two masters, one killed ({@code kill -9}) under load and restarted. Plain
 * sends must keep succeeding on the survivor (the longest gap between acknowledgements is the
 * recovery figure); ordered sends whose key's queue lived on the dead broker must fail typed instead
 * of moving to another queue (checked: while the broker is down, each key is either acknowledged
 * throughout or refused throughout — a key that moved would be refused, then acknowledged on the
 * survivor once the route changed); a consumer must keep consuming the survivor; after the restart
 * no acknowledged message may be missing. The runtime polls routes every second, so the outage
 * spans several route changes.
 */
final class FailoverScenario {
  private static final int KEYS = 16;

  private FailoverScenario() {}

  static FaultRow run(FaultCluster cluster, FaultSizes sizes) throws Exception {
    Topic topic = Topic.of("failover-" + UUID.randomUUID().toString().substring(0, 8));
    cluster.createTopic(topic.name(), 4);
    try (RocketMqMessaging messaging = RocketMqMessaging.start(Runtimes.config(cluster.nameServerAddress())
        .pollNameServerInterval(Duration.ofSeconds(1)).build())) {
      Tally tally = new Tally();
      Set<String> handled = ConcurrentHashMap.newKeySet();
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("failover-readers")).build(),
          m -> {
            handled.add(m.bodyAsString());
            return HandlerResult.success();
          });
      SyncLoad load = SyncLoad.start(messaging.publisher(), topic, "b", 3, tally);
      OrderedLoad ordered = new OrderedLoad(messaging.orderedPublisher(), topic, tally);
      Thread orderedThread = new Thread(ordered, "fault-ordered");
      orderedThread.start();
      Deadline.require("acknowledged sends before the kill", () -> tally.acknowledgedCount() >= sizes.ackedBeforeFault(),
          Duration.ofSeconds(120));
      cluster.killBroker(1);
      long killed = System.nanoTime();
      ordered.outage = true;
      int ackedAtKill = tally.acknowledgedCount();
      int handledAtKill = handled.size();
      Deadline.require("acknowledged sends on the survivor", () -> tally.acknowledgedCount() >= ackedAtKill
          + sizes.ackedAfterRecovery(), Duration.ofSeconds(120));
      Deadline.require("consumption from the survivor", () -> handled.size() > handledAtKill + 100,
          Duration.ofSeconds(60));
      Deadline.require("an outage spanning several route polls",
          () -> System.nanoTime() - killed > Duration.ofSeconds(4).toNanos() && !ordered.refusedInOutage.isEmpty(),
          Duration.ofSeconds(60));
      ordered.outage = false;
      Duration gap = tally.longestGap();
      cluster.restartBroker(1);
      int ackedAtRestart = tally.acknowledgedCount();
      Deadline.require("acknowledged sends after the restart", () -> tally.acknowledgedCount() >= ackedAtRestart
          + sizes.ackedAfterRecovery(), Duration.ofSeconds(120));
      ordered.running.set(false);
      orderedThread.join();
      load.stop();
      Set<String> moved = new java.util.HashSet<>(ordered.refusedInOutage);
      moved.retainAll(ordered.ackedInOutage);
      if (!moved.isEmpty() || ordered.ackedInOutage.isEmpty()) {
        throw new IllegalStateException("while the broker was down, keys " + moved + " were refused and acknowledged; "
            + "keys acknowledged: " + ordered.ackedInOutage);
      }
      var stored = Audit.stored(messaging, topic, tally.acknowledged(), Duration.ofSeconds(120));
      return FaultRow.of("b. one of two masters kill -9", "rocketmq", tally, stored, gap, String.format(
          "ordered: %d acked, %d refused typed; while down %d keys kept their queue on the survivor, %d were "
              + "refused, none moved", ordered.acked.get(), ordered.refused.get(), ordered.ackedInOutage.size(),
          ordered.refusedInOutage.size()));
    }
  }

  /**
   * Sends keys {@code k0…k15} in turn through the ordered publisher, noting which keys were
   * acknowledged and which refused during the outage.
   */
  private static final class OrderedLoad implements Runnable {
    final AtomicBoolean running = new AtomicBoolean(true);
    final AtomicLong acked = new AtomicLong();
    final AtomicLong refused = new AtomicLong();
    final Set<String> ackedInOutage = ConcurrentHashMap.newKeySet();
    final Set<String> refusedInOutage = ConcurrentHashMap.newKeySet();
    volatile boolean outage;
    private final OrderedPublisher publisher;
    private final Topic topic;
    private final Tally tally;

    OrderedLoad(OrderedPublisher publisher, Topic topic, Tally tally) {
      this.publisher = publisher;
      this.topic = topic;
      this.tally = tally;
    }

    @Override
    public void run() {
      for (long seq = 0; running.get(); seq++) {
        String key = "k" + (seq % KEYS);
        String body = "ordered-" + key + "-" + seq;
        boolean startedDown = outage;
        var outcome = publisher.send(Message.of(topic, body), ShardingKey.of(key));
        tally.record(body, outcome);
        // only sends wholly inside the outage count: one under way at the kill may have been stored
        boolean down = startedDown && outage;
        if (outcome.isRight()) {
          acked.incrementAndGet();
          if (down) {
            ackedInOutage.add(key);
          }
        } else {
          if (outcome.getLeft() instanceof PublishFailure.BrokerUnavailable) {
            refused.incrementAndGet();
            if (down) {
              refusedInOutage.add(key);
            }
          }
          LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
      }
    }
  }
}
