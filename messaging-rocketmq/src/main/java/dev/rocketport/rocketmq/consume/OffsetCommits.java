package dev.rocketport.rocketmq.consume;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.rocketmq.client.ClientInternals;
import dev.rocketport.rocketmq.client.ExceptionDetails;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.store.OffsetStore;
import org.apache.rocketmq.common.message.MessageQueue;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits a clustering consumer's offsets to each queue's master, each commit waiting for the
 * broker's answer. An offset the master already has from here is not sent again, which keeps the
 * every-second persistence of idle queues free of round trips. It follows a replicated group's
 * failover: once a queue's master is another broker (a promoted replica, whose copy of the offsets
 * may be older), every offset is sent to it once; and when a master cannot be reached, or a commit
 * fails, the topic's route is fetched at once — the client would otherwise keep pulling from a dead
 * master until its next route poll (every 30 s by default), idle queues included. A master is probed
 * once per round, through the client's connection to it (opened if there is none).
 * Thread-safe: the client's persistence thread commits, its rebalance forgets.
 */
final class OffsetCommits {
  private static final Logger LOG = LoggerFactory.getLogger(OffsetCommits.class);

  /** An offset committed to the master at {@code broker}. */
  private record Commit(String broker, long offset) {}

  private final DefaultMQPushConsumer consumer;
  private final ConsumerGroup group;
  private final Map<MessageQueue, Commit> committed = new ConcurrentHashMap<>();
  /** Queues whose last commit failed: warned about once per spell, not on every persistence tick. */
  private final Set<MessageQueue> failing = ConcurrentHashMap.newKeySet();

  OffsetCommits(DefaultMQPushConsumer consumer, ConsumerGroup group) {
    this.consumer = consumer;
    this.group = group;
  }

  /** Commits {@code offsets} through {@code store}; then fetches the routes of the topics whose master failed. */
  void commitAll(Map<MessageQueue, Long> offsets, OffsetStore store) {
    Map<String, Boolean> reachable = new HashMap<>();
    // a queue's master, looked up once per topic and broker a round: the lookup fetches the route when
    // it names no master, which all that broker's queues would otherwise repeat
    Map<MessageQueue, Optional<String>> masters = new HashMap<>();
    Set<String> stale = new HashSet<>();
    offsets.forEach((mq, offset) -> {
      Optional<String> master = masters.computeIfAbsent(new MessageQueue(mq.getTopic(), mq.getBrokerName(), 0),
          any -> ClientInternals.masterAddress(consumer, mq));
      if (master.isEmpty()) {
        failed(mq, offset, "no master of " + mq.getBrokerName() + " is routed", null);
        return;
      }
      boolean up = reachable.computeIfAbsent(master.get(), address -> ClientInternals.reachable(consumer, address));
      if (!commit(mq, new Commit(master.get(), offset), up, store)) {
        stale.add(mq.getTopic());
      }
    });
    stale.forEach(topic -> ClientInternals.learnRoute(consumer, topic));
  }

  /** Forgets what was committed of {@code mq}, a queue this member no longer owns. */
  void forget(MessageQueue mq) {
    committed.remove(mq);
    failing.remove(mq);
  }

  /** Sends {@code commit} unless its master has it already; returns false if its master is down or the commit failed. */
  private boolean commit(MessageQueue mq, Commit commit, boolean masterUp, OffsetStore store) {
    if (!masterUp) {
      failed(mq, commit.offset(), "its master " + commit.broker() + " cannot be reached", null);
      return false;
    }
    if (commit.equals(committed.get(mq))) {
      return true;
    }
    try {
      store.updateConsumeOffsetToBroker(mq, commit.offset(), false);
      committed.put(mq, commit);
      if (failing.remove(mq)) {
        LOG.info("group {}: offsets of {} commit again (offset {})", group, mq, commit.offset());
      }
      return true;
    } catch (Exception e) {
      failed(mq, commit.offset(), ExceptionDetails.of(e), e);
      return false;
    }
  }

  private void failed(MessageQueue mq, long offset, String why, @Nullable Exception e) {
    if (failing.add(mq)) {
      LOG.warn("group {}: could not commit offset {} of {} ({}); retried on every persistence tick, "
          + "logged again when it succeeds", group, offset, mq, why);
    }
    LOG.debug("group {}: commit of offset {} of {} failed", group, offset, mq, e);
  }
}
