package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.Ordering;

/**
 * A failure the simulated broker injects at the rate a {@link FaultPlan} gives it. Each is one that
 * RocketMQ itself produces; its javadoc says where. A fault never breaks the contract: delivery stays
 * at-least-once, an orderly queue stays in order, nothing stored is lost, retries and dead letters
 * keep their rules.
 */
public enum Fault {
  /**
   * A queue moves to another member while a message of it is in flight, and the new owner reads it
   * again from the committed offset: both handle it. RocketMQ's rebalance drops the old owner's
   * process queue without waiting ({@code RebalanceImpl.updateProcessQueueTableInRebalance}); the old
   * consumer's result is then ignored. Concurrent clustering only: an orderly consumer holds the
   * queue's lock on the broker, and broadcasting does not rebalance. Rate per such hand-over.
   */
  REBALANCE_DUPLICATE("rebalanceDuplicate"),
  /**
   * A member "crashes" after handling a run: what it handled since the offsets were last persisted
   * is delivered again (RocketMQ's client persists consumer offsets every 5 s,
   * {@code persistConsumerOffsetInterval}). Every mode; an orderly queue replays in order. Rate per
   * handler run.
   */
  CRASH_REDELIVERY("crashRedelivery"),
  /**
   * A send is stored but its answer is lost: the sender gets {@code PublishFailure.Timeout} (outcome
   * unknown), and the message is delivered. RocketMQ: a {@code RemotingTimeoutException} after the
   * broker wrote the message. Rate per send.
   */
  SEND_STORED_UNKNOWN("sendStoredUnknown"),
  /**
   * A send is lost before the broker stores it, and the sender gets {@code PublishFailure.Timeout}
   * (outcome unknown). Rate per send.
   */
  SEND_LOST_UNKNOWN("sendLostUnknown"),
  /**
   * The broker becomes unreachable for a while (up to {@link FaultPlan#maxOutage()}): sends fail with
   * {@code PublishFailure.BrokerUnavailable}, nothing is delivered, and then it recovers. RocketMQ: a
   * broker restart or network partition. Rate per send (the send that meets the outage fails).
   */
  BROKER_OUTAGE("brokerOutage"),
  /**
   * A delayed message or a retry arrives late, by up to {@link FaultPlan#maxLateness()}, never early.
   * RocketMQ's timer and delay-level queues deliver at or after the due time, later under load. Rate
   * per timed message.
   */
  LATE_DELIVERY("lateDelivery"),
  /**
   * Handler calls that are ready at once run in an order the seed chooses instead of the order they
   * became ready: across queues, members and groups. Every mode (an orderly queue has one call in
   * flight at a time, so its order stands). Rate per scheduling choice.
   */
  INTERLEAVING("interleaving"),
  /**
   * Messages of one concurrent queue are handled out of their order (RocketMQ's concurrent consumer
   * hands each message of a pulled batch to its own thread). Concurrent subscriptions only. Rate per
   * scheduling choice.
   */
  REORDERING("reordering"),
  /**
   * A transaction's commit or rollback never reaches the broker (RocketMQ sends it one-way): the
   * broker checks back with the producer's checker as for an unknown outcome. Rate per commit or
   * rollback.
   */
  LOST_TRANSACTION_END("lostTransactionEnd");

  private final String field;

  Fault(String field) {
    this.field = field;
  }

  /** The fault's name as a field of the plan, as errors name it. */
  public String field() {
    return field;
  }

  /** Whether RocketMQ can produce this fault for a subscription of this mode and ordering. */
  public boolean possibleFor(DeliveryMode mode, Ordering ordering) {
    return switch (this) {
      case REBALANCE_DUPLICATE -> mode == DeliveryMode.CLUSTERING && ordering == Ordering.CONCURRENT;
      case REORDERING -> ordering == Ordering.CONCURRENT;
      default -> true;
    };
  }
}
