package dev.rocketport.rocketmq.consume;

import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.StartPosition;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.rocketmq.client.ClientInternals;
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
 * in broadcasting) for everything else. What of the plain client it avoids:
 * <ul>
 *   <li>asked for a clustering group's offset it has not got, the broker answers 0 instead of "not
 *       found" while the queue's first message is still in memory, so a new group told to start
 *       from the last offset (or a timestamp) reads the whole queue on a young broker; this store
 *       asks without that fallback;
 *   <li>the client fixes a start position only when its rebalance first takes a queue, so messages
 *       sent just after subscribing could be skipped; here the latest offset or the one for a
 *       timestamp is taken for the topic's queues when the subscription starts;
 *   <li>the client commits offsets one way, so a member closing could leave its last commit in
 *       flight while the next member reads the old one; here commits wait for the broker, and
 *       follow a replicated group's failover at once ({@link OffsetCommits}).
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
  private final OffsetCommits commits;
  private final Map<MessageQueue, Long> starts;
  // set by load(), which the client calls before any other method of an offset store
  private volatile OffsetStore delegate;

  @SuppressWarnings("NullAway.Init")
  private StartingOffsets(DefaultMQPushConsumer consumer, SubscriptionSpec spec, Map<MessageQueue, Long> starts) {
    this.consumer = consumer;
    this.spec = spec;
    this.starts = Map.copyOf(starts);
    this.commits = new OffsetCommits(consumer, spec.group());
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
   * clustering through {@link OffsetCommits}, each commit waiting for the broker's answer instead of
   * going one way. A member closing persists last, just before its client shuts down; with a one-way
   * commit, a member that starts right after could still find the old offset and start where its
   * start position says, skipping messages.
   */
  @Override
  public void persistAll(Set<MessageQueue> mqs) {
    if (spec.deliveryMode() == DeliveryMode.BROADCASTING) {
      delegate.persistAll(mqs);
      return;
    }
    Map<MessageQueue, Long> owned = new HashMap<>();
    for (Map.Entry<MessageQueue, Long> entry : delegate.cloneOffsetTable("").entrySet()) {
      if (!mqs.contains(entry.getKey())) {
        removeOffset(entry.getKey());
      } else if (entry.getValue() >= 0) {
        owned.put(entry.getKey(), entry.getValue());
      }
    }
    commits.commitAll(owned, delegate);
  }

  @Override
  public void persist(MessageQueue mq) {
    delegate.persist(mq);
  }

  @Override
  public void removeOffset(MessageQueue mq) {
    delegate.removeOffset(mq);
    commits.forget(mq);
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
