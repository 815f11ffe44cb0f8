package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.Ordering;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.StartPosition;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.admin.GroupSummary;
import dev.rocketport.messaging.spi.Disposition;
import dev.rocketport.messaging.spi.GroupShape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One consumer group in the in-memory broker: its members, the queues they own, committed offsets,
 * and what happens to a message after its handler answered (acknowledge, retry on the ladder,
 * suspend-and-retry in place, dead-letter, drop: {@link Verdicts}), and where it starts on a queue it
 * never read ({@link dev.rocketport.messaging.StartPosition}). Queues are assigned to members as RocketMQ's
 * "allocate averagely" strategy does; a queue changes hands only once its current owner has no
 * message in flight, so a rebalance neither loses nor duplicates. Guarded by the broker lock.
 */
final class ConsumerGroupState {
  /** Messages a single-message member handles in one run (RocketMQ pulls 32). */
  private static final int RUN_LENGTH = 32;
  /** Runs of one queue a handler thread takes in a row before the dispatcher chooses again. */
  private static final int MAX_CONSECUTIVE_RUNS = 16;

  private final GroupHost broker;
  private final InMemoryConfig config;
  private final Journal journal;
  private final Verdicts verdicts;
  final String name;
  private final List<GroupMember> members = new ArrayList<>();
  /** Each broadcasting member's own view of every queue, in the order members joined. */
  private final Map<GroupMember, List<ProcessQueue<GroupMember>>> broadcastQueues = new LinkedHashMap<>();
  private final Map<QueueRef, ProcessQueue<GroupMember>> clusterQueues = new LinkedHashMap<>();
  /** {@link #clusterQueues} as an array; {@link #pump} starts at a rotating index so that no queue is always last. */
  private List<ProcessQueue<GroupMember>> pumpOrder = List.of();
  private int pumpFrom;
  private @Nullable SubscriptionSpec shape;

  ConsumerGroupState(GroupHost broker, InMemoryConfig config, Journal journal, String name) {
    this.broker = broker;
    this.config = config;
    this.journal = journal;
    this.name = name;
    this.verdicts = new Verdicts(broker, config, journal, name);
  }

  /** Whether this group reads {@code topic} (its subscribed topic or its retry topic). */
  boolean consumes(String topic) {
    return shape != null && (shape.topic().name().equals(topic) || QueueRef.retryTopic(name).equals(topic));
  }

  GroupSummary summary() {
    SubscriptionSpec current = shape;
    return new GroupSummary(ConsumerGroup.of(name),
        current == null ? List.of() : List.of(current.topic()), members.size());
  }

  /** Adds a member; throws if its spec disagrees with the group's current members (of any runtime). */
  void join(GroupMember member) {
    SubscriptionSpec spec = member.spec();
    SubscriptionSpec current = shape;
    if (current != null && !members.isEmpty() && !GroupShape.of(current).equals(GroupShape.of(spec))) {
      // members in other runtimes on this broker: one model of a group needs one shape
      throw GroupShape.of(current).refusal(name, GroupShape.of(spec));
    }
    if (members.isEmpty()) {
      shape = spec;
    }
    members.add(member);
    if (spec.deliveryMode() == DeliveryMode.BROADCASTING) {
      List<ProcessQueue<GroupMember>> own = new ArrayList<>();
      for (int q = 0; q < broker.queueCount(spec.topic().name()); q++) {
        ProcessQueue<GroupMember> pq = startingQueue(new QueueRef(spec.topic().name(), q), spec);
        pq.owner = member;
        pq.desiredOwner = member;
        own.add(pq);
      }
      broadcastQueues.put(member, own);
    }
    refreshQueues();
  }

  void leave(GroupMember member) {
    members.remove(member);
    broadcastQueues.remove(member);
    refreshQueues();
  }

  /** Creates process queues for new queues and reassigns queues among the members. */
  void refreshQueues() {
    SubscriptionSpec current = shape;
    if (current == null || current.deliveryMode() == DeliveryMode.BROADCASTING) {
      return;
    }
    List<QueueRef> refs = new ArrayList<>();
    for (int q = 0; q < broker.queueCount(current.topic().name()); q++) {
      refs.add(new QueueRef(current.topic().name(), q));
    }
    assign(refs, false, current);
    if (current.ordering() == Ordering.CONCURRENT) {
      assign(List.of(new QueueRef(QueueRef.retryTopic(name), 0)), true, current);
    }
  }

  private void assign(List<QueueRef> refs, boolean retry, SubscriptionSpec shape) {
    for (int i = 0; i < refs.size(); i++) {
      ProcessQueue<GroupMember> pq = clusterQueues.computeIfAbsent(refs.get(i),
          r -> retry ? new ProcessQueue<>(r, true) : startingQueue(r, shape));
      pq.desiredOwner = members.isEmpty() ? null : members.get(Allocation.averagely(i, refs.size(), members.size()));
    }
    pumpOrder = List.copyOf(clusterQueues.values());
  }

  /** A process queue for a queue the group never read, positioned where {@code spec} starts. */
  private ProcessQueue<GroupMember> startingQueue(QueueRef ref, SubscriptionSpec spec) {
    ProcessQueue<GroupMember> pq = new ProcessQueue<>(ref, false);
    QueueLog log = broker.log(ref);
    if (spec.startFrom() instanceof StartPosition.At at) {
      pq.nextOffset = log.offsetAt(at.instant());
    } else {
      pq.nextOffset = spec.startFrom() == StartPosition.latest() ? log.maxOffset() : log.minOffset();
    }
    return pq;
  }

  /** Hands every deliverable message to a member with a free handler slot. */
  void pump() {
    int n = pumpOrder.size();
    for (int k = 0; k < n; k++) {
      ProcessQueue<GroupMember> pq = pumpOrder.get((pumpFrom + k) % n);
      if (pq.owner != pq.desiredOwner) {
        pq = handOver(pq);
      }
      if (pq.owner != null && pq.owner == pq.desiredOwner) {
        dispatch(pq, pq.owner);
      }
    }
    pumpFrom = n == 0 ? 0 : (pumpFrom + 1) % n;
    broadcastQueues.forEach((member, queues) -> queues.forEach(pq -> dispatch(pq, member)));
  }

  /**
   * Hands {@code pq} to its desired owner once nothing of it is in flight — or, in a simulated
   * {@link Fault#REBALANCE_DUPLICATE}, at once, the new owner reading from the committed offset what
   * the old one is still handling. Returns the queue's view now.
   */
  private ProcessQueue<GroupMember> handOver(ProcessQueue<GroupMember> pq) {
    GroupMember next = pq.desiredOwner;
    if (pq.idle()) {
      pq.owner = next;
      pq.handOverRolled = false;
      return pq;
    }
    if (next == null || pq.handOverRolled || shape == null || !broker.simulated()) {
      return pq;
    }
    pq.handOverRolled = true;
    double rate = broker.faults().plan().rate(Fault.REBALANCE_DUPLICATE, name, shape.deliveryMode(), shape.ordering());
    return broker.faults().roll(Fault.REBALANCE_DUPLICATE, rate, broker.now(), name + " " + pq.ref)
        ? replace(pq, pq.committedOffset(), next) : pq;
  }

  /** A simulated {@link Fault#CRASH_REDELIVERY} after a run: {@code member}'s idle queues restart from their persisted offsets. */
  private void maybeCrash(GroupMember member) {
    SubscriptionSpec spec = member.spec();
    if (!broker.simulated() || !broker.faults().roll(Fault.CRASH_REDELIVERY, broker.faults().plan()
        .rate(Fault.CRASH_REDELIVERY, name, spec.deliveryMode(), spec.ordering()), broker.now(), name)) {
      return; // outside a simulation the rate is not even looked up: this runs after every handler run
    }
    List<ProcessQueue<GroupMember>> owned = new ArrayList<>(broadcastQueues.getOrDefault(member, List.of()));
    clusterQueues.values().stream().filter(pq -> pq.owner == member).forEach(owned::add);
    for (ProcessQueue<GroupMember> pq : owned) {
      if (!(spec.ordering() == Ordering.ORDERLY && pq.busy)) {
        replace(pq, pq.persistedOffset(broker.now()), member);
      }
    }
  }

  /** Replaces {@code old} by a fresh view read by {@code owner} from {@code offset}; {@code old} is dropped. */
  private ProcessQueue<GroupMember> replace(ProcessQueue<GroupMember> old, long offset, GroupMember owner) {
    ProcessQueue<GroupMember> fresh = old.restartAt(offset, owner);
    old.dropped = true;
    List<ProcessQueue<GroupMember>> own = broadcastQueues.get(owner);
    if (own != null) {
      own.set(own.indexOf(old), fresh);
    } else {
      clusterQueues.put(old.ref, fresh);
      pumpOrder = List.copyOf(clusterQueues.values());
    }
    return fresh;
  }

  private void dispatch(ProcessQueue<GroupMember> pq, GroupMember member) {
    if (!broker.topicExists(pq.ref.topic())) {
      return;
    }
    if (broker.simulated()) {
      pq.persistIfDue(broker.now()); // only a simulated crash rewinds to it
    }
    QueueLog log = broker.log(pq.ref);
    while (member.hasFreeSlot()) {
      List<StoredEntry> batch = pq.nextBatch(log, member.spec(), broker::now, runLength(member));
      if (batch.isEmpty()) {
        return;
      }
      broker.beginWork();
      member.start(run(member, pq, batch, 1));
      if (member.spec().ordering() == Ordering.ORDERLY) {
        return;
      }
    }
  }

  /** In a simulation each message of a concurrent queue is a call of its own, as on RocketMQ's consume threads. */
  private int runLength(GroupMember member) {
    return !member.single() || broker.simulated() && member.spec().ordering() == Ordering.CONCURRENT ? 1 : RUN_LENGTH;
  }

  /** {@code batch} as handlers see it, each with its delivery attempt. */
  private List<ReceivedMessage> deliveries(GroupMember member, ProcessQueue<GroupMember> pq, List<StoredEntry> batch) {
    SubscriptionSpec spec = member.spec();
    List<ReceivedMessage> received = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      StoredEntry e = batch.get(i);
      // orderly: the head of the queue (a whole batch, or a run's first message) carries the retries so far
      int attempt = spec.ordering() == Ordering.CONCURRENT ? e.reconsumeTimes() + 1
          : i == 0 || !member.single() ? pq.headRetries + 1 : 1;
      received.add(e.received(attempt));
      if (journal.enabled()) {
        journal.record(broker.now(), e.messageId(), Journal.Kind.DELIVERED, name + " attempt " + attempt);
      }
    }
    return received;
  }

  private Run run(GroupMember member, ProcessQueue<GroupMember> pq, List<StoredEntry> batch, int sequence) {
    return new Run(pq, deliveries(member, pq, batch), verdicts -> complete(member, pq, batch, sequence, verdicts));
  }

  /**
   * Applies the verdicts on {@code batch}, the {@code sequence}-th run in a row of {@code pq} on one of
   * {@code member}'s threads; returns the next run for that thread, or null once its slot is free.
   */
  private @Nullable Run complete(GroupMember member, ProcessQueue<GroupMember> pq, List<StoredEntry> batch, int sequence,
      List<Disposition> results) {
    @Nullable Run next = null;
    broker.lock().lock();
    try {
      if (!pq.dropped) {
        if (broker.simulated()) {
          pq.persistIfDue(broker.now());
        }
        List<List<StoredEntry>> units = member.single() ? batch.stream().map(List::of).toList() : List.of(batch);
        verdicts.apply(member.spec(), pq, batch, units, results);
        maybeCrash(member);
      }
      List<StoredEntry> more = sequence < MAX_CONSECUTIVE_RUNS ? nextRun(member, pq) : List.of();
      if (more.isEmpty()) {
        member.runEnded();
        broker.signalChange();
        pump();
      } else {
        next = run(member, pq, more, sequence + 1);
      }
    } finally {
      broker.lock().unlock();
    }
    if (next == null) {
      broker.endWork();
    }
    return next;
  }

  /**
   * The next run of {@code pq} for the thread of {@code member} that just finished one there, if
   * {@code member} is still active, not paused and still owns {@code pq}; else an empty list.
   */
  private List<StoredEntry> nextRun(GroupMember member, ProcessQueue<GroupMember> pq) {
    if (!member.isActive() || member.paused() || pq.dropped || pq.owner != member || pq.desiredOwner != member
        || !broker.topicExists(pq.ref.topic())) {
      return List.of();
    }
    return pq.nextBatch(broker.log(pq.ref), member.spec(), broker::now, runLength(member));
  }

  /** The group's committed offset on {@code ref}; 0 if it never read that queue (a new group starts there). */
  long committedOffset(QueueRef ref) {
    ProcessQueue<GroupMember> pq = clusterQueues.get(ref);
    return pq == null ? 0 : pq.committedOffset();
  }
}
