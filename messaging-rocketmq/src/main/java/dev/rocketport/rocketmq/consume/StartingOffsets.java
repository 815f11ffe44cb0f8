package dev.rocketport.rocketmq.consume;

import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.StartPosition;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.rocketmq.client.ClientInternals;
import dev.rocketport.rocketmq.client.ExceptionDetails;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.rocketmq.client.MQAdmin;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.store.OffsetStore;
import org.apache.rocketmq.client.consumer.store.ReadOffsetType;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.exception.OffsetNotFoundException;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A push consumer's offset store that starts a queue the group has no offset on where the spec's
 * {@link StartPosition} says — the client's own store (on the broker in clustering, in a local file
 * in broadcasting) for everything else. Two things of the plain client it avoids:
 * <ul>
 *   <li>asked for a clustering group's offset it has not got, the broker answers 0 instead of "not
 *       found" while the queue's first message is still in memory, so a new group told to start
 *       from the last offset (or a timestamp) reads the whole queue on a young broker; this store
 *       asks without that fallback;
 *   <li>the client fixes a start position only when its rebalance first takes a queue, so messages
 *       sent just after subscribing could be skipped; here the latest offset or the one for a
 *       timestamp is taken for the topic's queues when the subscription starts;
 *   <li>the client commits offsets one way, so a member closing could leave its last commit in
 *       flight while the next member reads the old one; here commits wait for the broker.
 * </ul>
 * A group's retry queue starts at 0. Thread-safe: the client calls it from its rebalance and
 * persistence threads; the fixed starts are immutable, the delegate is set once in {@link #load()}.
 */
public final class StartingOffsets implements OffsetStore {
  private static final Logger LOG = LoggerFactory.getLogger(StartingOffsets.class);
  /** As the client's own store waits for an offset query. */
  private static final long QUERY_TIMEOUT_MILLIS = 5_000;

  private final DefaultMQPushConsumer consumer;
  private final SubscriptionSpec spec;
  /** The offset this store last committed per queue, and to which master; only this store's persistence writes them. */
  private final Map<MessageQueue, Commit> committed = new java.util.concurrent.ConcurrentHashMap<>();
  /** Queues whose last commit failed: warned about once per spell, not on every persistence tick. */
  private final Set<MessageQueue> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Map<MessageQueue, Long> starts;
  // set by load(), which the client calls before any other method of an offset store
  private volatile OffsetStore delegate;

  /** An offset committed to the master at {@code broker} ("" if the route named no master). */
  private record Commit(String broker, long offset) {}

  @SuppressWarnings("NullAway.Init")
  private StartingOffsets(DefaultMQPushConsumer consumer, SubscriptionSpec spec, Map<MessageQueue, Long> starts) {
    this.consumer = consumer;
    this.spec = spec;
    this.starts = Map.copyOf(starts);
  }

  /** Fixes where {@code consumer} (configured, not started) starts on the queues of {@code route}. */
  static StartingOffsets install(SubscriptionSpec spec, DefaultMQPushConsumer consumer, MQAdmin admin,
      TopicRouteData route, String physicalTopic) throws MQClientException {
    Map<MessageQueue, Long> starts = new HashMap<>();
    // the earliest message is as early later as now: only "latest" and an instant are fixed at subscribe
    boolean fixNow = spec.startFrom() != StartPosition.earliest();
    for (QueueData queues : fixNow ? route.getQueueDatas() : List.<QueueData>of()) {
      for (int q = 0; q < queues.getReadQueueNums(); q++) {
        MessageQueue mq = new MessageQueue(physicalTopic, queues.getBrokerName(), q);
        starts.put(mq, position(spec.startFrom(), admin, mq));
      }
    }
    StartingOffsets store = new StartingOffsets(consumer, spec, starts);
    consumer.setOffsetStore(store);
    return store;
  }

  private static long position(StartPosition from, MQAdmin admin, MessageQueue mq) throws MQClientException {
    if (from instanceof StartPosition.At at) {
      return admin.searchOffset(mq, at.instant().toEpochMilli());
    }
    return from == StartPosition.latest() ? admin.maxOffset(mq) : admin.minOffset(mq);
  }

  @Override
  public void load() throws MQClientException {
    OffsetStore store = ClientInternals.offsetStore(consumer, consumer.getConsumerGroup(),
        spec.deliveryMode() == DeliveryMode.BROADCASTING);
    store.load();
    delegate = store;
  }

  @Override
  public long readOffset(MessageQueue mq, ReadOffsetType type) {
    if (type != ReadOffsetType.READ_FROM_STORE) {
      return delegate.readOffset(mq, type);
    }
    try {
      long stored = storedOffset(mq);
      long offset = stored >= 0 ? stored : startOf(mq);
      delegate.updateOffset(mq, offset, false);
      return offset;
    } catch (Exception e) {
      LOG.warn("group {}: cannot read the offset of {}; the client will try again", spec.group(), mq, e);
      return -2;
    }
  }

  /** The group's offset on {@code mq}, or -1 if it has none. */
  private long storedOffset(MessageQueue mq) throws RemotingException, MQBrokerException, InterruptedException,
      MQClientException {
    if (spec.deliveryMode() == DeliveryMode.BROADCASTING) {
      return delegate.readOffset(mq, ReadOffsetType.READ_FROM_STORE);
    }
    String broker = ClientInternals.masterAddress(consumer, mq).orElseThrow(
        () -> new MQClientException("broker " + mq.getBrokerName() + " is not in the route", null));
    QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
    header.setTopic(mq.getTopic());
    header.setConsumerGroup(consumer.getConsumerGroup());
    header.setQueueId(mq.getQueueId());
    header.setBrokerName(mq.getBrokerName());
    header.setSetZeroIfNotFound(false);
    try {
      return ClientInternals.queryConsumerOffset(consumer, broker, header, QUERY_TIMEOUT_MILLIS);
    } catch (OffsetNotFoundException notFound) {
      return -1;
    }
  }

  /** Where the group starts on {@code mq}, which it has no offset on: fixed at subscribe, or now for a new queue. */
  private long startOf(MessageQueue mq) throws MQClientException {
    if (mq.getTopic().startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX)) {
      return 0;
    }
    Long fixed = starts.get(mq);
    return fixed != null ? fixed : position(spec.startFrom(), consumer, mq);
  }

  @Override
  public void updateOffset(MessageQueue mq, long offset, boolean increaseOnly) {
    delegate.updateOffset(mq, offset, increaseOnly);
  }

  @Override
  public void updateAndFreezeOffset(MessageQueue mq, long offset) {
    delegate.updateAndFreezeOffset(mq, offset);
  }

  /**
   * Commits the offsets of {@code mqs} and forgets the rest, as the client's store does — but in
   * clustering each commit waits for the broker's answer instead of going one way. A member closing
   * persists last, just before its client shuts down; with a one-way commit, a member that starts
   * right after could still find the old offset and start where its start position says, skipping
   * messages. An offset the master already has is not sent again, which keeps the every-second
   * persistence of idle queues free of round trips; once another broker is the master (a replica
   * promoted, whose copy of the offsets may be older), every offset is sent to it once.
   */
  @Override
  public void persistAll(Set<MessageQueue> mqs) {
    if (spec.deliveryMode() == DeliveryMode.BROADCASTING) {
      delegate.persistAll(mqs);
      return;
    }
    for (Map.Entry<MessageQueue, Long> entry : delegate.cloneOffsetTable("").entrySet()) {
      MessageQueue mq = entry.getKey();
      if (!mqs.contains(mq)) {
        delegate.removeOffset(mq);
        committed.remove(mq);
        failing.remove(mq);
      } else if (entry.getValue() >= 0) {
        commit(mq, entry.getValue());
      }
    }
  }

  /** Commits {@code offset} of {@code mq} unless the queue's master already has it from this store. */
  private void commit(MessageQueue mq, long offset) {
    Commit commit = new Commit(ClientInternals.masterAddress(consumer, mq).orElse(""), offset);
    if (commit.equals(committed.get(mq))) {
      return;
    }
    try {
      delegate.updateConsumeOffsetToBroker(mq, offset, false);
      committed.put(mq, commit);
      if (failing.remove(mq)) {
        LOG.info("group {}: offsets of {} commit again (offset {})", spec.group(), mq, offset);
      }
    } catch (Exception e) {
      if (failing.add(mq)) {
        LOG.warn("group {}: could not commit offset {} of {} ({}); retried on every persistence tick, "
            + "logged again when it succeeds", spec.group(), offset, mq, ExceptionDetails.of(e));
      }
      LOG.debug("group {}: commit of offset {} of {} failed", spec.group(), offset, mq, e);
    }
  }

  @Override
  public void persist(MessageQueue mq) {
    delegate.persist(mq);
  }

  @Override
  public void removeOffset(MessageQueue mq) {
    delegate.removeOffset(mq);
    committed.remove(mq);
  }

  @Override
  public Map<MessageQueue, Long> cloneOffsetTable(String topic) {
    return delegate.cloneOffsetTable(topic);
  }

  @Override
  public void updateConsumeOffsetToBroker(MessageQueue mq, long offset, boolean isOneway) throws RemotingException,
      MQBrokerException, InterruptedException, MQClientException {
    delegate.updateConsumeOffsetToBroker(mq, offset, isOneway);
  }
}
