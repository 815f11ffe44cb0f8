package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.TransactionOutcome;
import dev.rocketport.messaging.admin.GroupSummary;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.SplittableRandom;
import dev.rocketport.messaging.PublishFailure;
import io.vavr.control.Either;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory broker model behind one facade: topics of queues, the key index, consumer groups and
 * their allocation, verdicts, retries and dead letters, timers and half messages, on a virtual or
 * the wall clock. The client-side adapter drives it through these methods only, and the model calls
 * the client back through {@link GroupMember} and {@link CheckBack} only.
 *
 * <p>All state is guarded by one lock ({@link #lock()}); handlers and user callbacks never run under
 * it. Methods that say "under the lock" expect the caller to hold it; the others take it themselves.
 * Thread-safe. {@link #stop()} stops the clock.
 */
public final class Broker {
  private final Scheduler scheduler;
  private final InMemoryConfig config;
  private final Journal journal;
  private final Work work = new Work();
  private final Topics topics;
  private final Groups groups;
  private final DeadLetterLedger deadLetters = new DeadLetterLedger();
  private final DeadLetterDesk deadLetterDesk;
  private final ReplyRoutes replies;
  private final BrokerCore core;
  private final Transactions transactions;
  private final Sends sends;
  private final Faults faults;
  private final @Nullable Simulator simulator;
  private final Drive drive;

  /** A seed and a plan, for a simulated broker. */
  private record Seeded(long seed, FaultPlan plan) {}

  private Broker(Scheduler scheduler, InMemoryConfig config, @Nullable Seeded seeded) {
    this.scheduler = scheduler;
    this.config = config;
    this.journal = new Journal(config.journalCapacity());
    this.topics = new Topics(config.maxMessagesPerQueue(), journal);
    if (seeded == null) {
      this.faults = Faults.none();
      this.simulator = null;
    } else {
      SplittableRandom random = new SplittableRandom(seeded.seed());
      this.faults = new Faults(seeded.plan(), random, journal);
      this.simulator = new Simulator(random, seeded.plan());
    }
    this.core = new BrokerCore(scheduler, work, topics, deadLetters, journal, config,
        seeded == null ? MessageIds.unique() : MessageIds.seeded(seeded.seed()), faults, seeded != null);
    this.sends = new Sends(core, topics, journal, faults, config);
    this.drive = new Drive(scheduler, work, simulator);
    this.replies = new ReplyRoutes(work, core);
    this.groups = core.groups();
    this.transactions = new Transactions(core, topics, journal, config);
    this.deadLetterDesk = new DeadLetterDesk(work, topics, core, deadLetters, journal, scheduler::now);
  }

  /** A broker whose time stands still until {@link #advance} moves it, starting at {@code start}. */
  public static Broker virtualClock(InMemoryConfig config, Instant start) {
    return new Broker(Scheduler.virtual(start), config, null);
  }

  public static Broker wallClock(InMemoryConfig config) {
    return new Broker(Scheduler.wall(), config, null);
  }

  /**
   * A simulated broker on a virtual clock starting at {@code start}: handler calls and callbacks
   * wait in its {@link Simulator} until driven, and {@code plan}'s faults are injected, all decided
   * by {@code seed}.
   */
  public static Broker simulated(InMemoryConfig config, Instant start, long seed, FaultPlan plan) {
    return new Broker(Scheduler.virtual(start), config, new Seeded(seed, plan));
  }

  /** The simulator of a simulated broker; null otherwise. */
  public @Nullable Simulator simulator() {
    return simulator;
  }

  /** The faults injected so far (none unless simulated). Under the lock or on the simulation's thread. */
  public List<InjectedFault> injectedFaults() {
    return faults.injected();
  }

  // ---- time and quiescence ----------------------------------------------------------------------

  public InMemoryConfig config() {
    return config;
  }

  public Journal journal() {
    return journal;
  }

  public Instant now() {
    return scheduler.now();
  }

  public boolean isVirtualClock() {
    return scheduler.isVirtual();
  }

  /** Virtual clock only: moves time forward by {@code duration}, running everything that falls due in order. */
  public void advance(Duration duration) {
    drive.advance(duration);
  }

  /** Virtual clock only: see {@link Drive#runUntilQuiet}. */
  public boolean runUntilQuiet(Duration limit) {
    return drive.runUntilQuiet(limit);
  }

  /** Virtual clock only: see {@link Drive#advanceUntil}. */
  public boolean advanceUntil(BooleanSupplier condition, Duration limit) {
    return drive.advanceUntil(condition, limit);
  }

  /** See {@link Drive#settle}. */
  public void awaitQuiescence() {
    drive.settle();
  }

  /** Counts one more task in flight (an asynchronous send, a transaction check). Lock-free. */
  public void beginWork() {
    work.begin();
  }

  public void endWork() {
    work.end();
  }

  /** Waits, at most {@code timeoutNanos}, for {@code done} (evaluated under the lock, re-evaluated on changes). */
  public boolean awaitUnderLock(BooleanSupplier done, long timeoutNanos) {
    return work.awaitUnderLock(done, timeoutNanos);
  }

  public ReentrantLock lock() {
    return work.lock;
  }

  public void stop() {
    scheduler.stop();
  }

  // ---- topics and sending -----------------------------------------------------------------------

  public void createTopic(String topic, int queueCount) {
    work.lock.lock();
    try {
      topics.create(topic, queueCount);
      groups.refreshQueues();
      groups.pumpAll();
    } finally {
      work.lock.unlock();
    }
  }

  /** Lock-free. */
  public boolean topicExists(String topic) {
    return topics.exists(topic);
  }

  /** Lock-free. */
  public int queueCount(String topic) {
    return topics.queueCount(topic);
  }

  /** The next queue of existing {@code topic} in round-robin order, as RocketMQ's producer picks them. Lock-free. */
  public int selectQueue(String topic) {
    return topics.selectQueue(topic);
  }

  /**
   * Stores {@code message} in queue {@code queueId} of its topic, or schedules it for its due time,
   * unless a simulated fault refuses it; dispatches nothing (call {@link #pumpConsumersOf} once after
   * a run of these). Under the lock.
   */
  public Either<PublishFailure, SendReceipt> accept(Message message, int queueId) {
    return sends.accept(message, queueId);
  }

  /** As {@link #accept}, for a batch: all stored in queue {@code queueId}, or none. Under the lock. */
  public Either<PublishFailure, List<SendReceipt>> acceptAll(List<Message> messages, int queueId) {
    return sends.acceptAll(messages, queueId);
  }

  /** Where replies to requests go. */
  public ReplyRoutes replies() {
    return replies;
  }

  /** Runs {@code action} under the lock once {@code delay} has passed on the broker's clock. */
  public void after(Duration delay, Runnable action) {
    core.at(now().plus(delay), action);
  }

  /** Dispatches for the groups that consume {@code topic} only. Under the lock. */
  public void pumpConsumersOf(String topic) {
    groups.pumpConsumersOf(topic);
  }

  // ---- transactions -------------------------------------------------------------------------------

  /** Holds {@code message} invisibly until {@link #endTransaction}; picks its queue now. */
  public HalfMessage storeHalf(Message message) {
    return transactions.storeHalf(message);
  }

  /** Ends {@code half}'s transaction (UNKNOWN: {@code checkBack} is asked later); {@code checksSoFar} is 0 at first. */
  public void endTransaction(HalfMessage half, TransactionOutcome outcome, int checksSoFar, CheckBack checkBack) {
    transactions.end(half, outcome, checksSoFar, checkBack);
  }

  // ---- groups ---------------------------------------------------------------------------------------

  /**
   * Adds {@code member} to its group and dispatches; throws {@link IllegalStateException} if the group is shaped
   * otherwise, {@link dev.rocketport.messaging.InvalidArgumentException} if a fault plan declares it otherwise.
   */
  public void join(GroupMember member) {
    faults.admit(member.spec());
    work.lock.lock();
    try {
      groups.join(member);
      groups.pumpAll();
    } finally {
      work.lock.unlock();
    }
  }

  /** Removes {@code member} from its group; its queues go to the remaining members. */
  public void leave(GroupMember member) {
    work.lock.lock();
    try {
      groups.leave(member);
      groups.pumpAll();
    } finally {
      work.lock.unlock();
    }
  }

  /** How far {@code group} is behind on each queue of existing {@code topic} (a group that never read it: everything). */
  public Map<Integer, Long> lag(String topic, String group) {
    work.lock.lock();
    try {
      Map<Integer, Long> lag = new LinkedHashMap<>();
      for (int q = 0; q < topics.queueCount(topic); q++) {
        QueueRef ref = new QueueRef(topic, q);
        lag.put(q, topics.log(ref).maxOffset() - groups.committedOffset(group, ref));
      }
      return lag;
    } finally {
      work.lock.unlock();
    }
  }

  public List<StoredMessage> findByKey(String topic, MessageKey key, int max) {
    work.lock.lock();
    try {
      return topics.findByKey(topic, key, max).stream().map(StoredEntry::stored).toList();
    } finally {
      work.lock.unlock();
    }
  }

  // ---- dead letters and groups ---------------------------------------------------------------------

  /** Dead letters: listing and redriving them. */
  public DeadLetterDesk deadLetters() {
    return deadLetterDesk;
  }

  /** Every group that has had a member, with its topic and members now. */
  public List<GroupSummary> groups() {
    work.lock.lock();
    try {
      return groups.summaries();
    } finally {
      work.lock.unlock();
    }
  }
}
