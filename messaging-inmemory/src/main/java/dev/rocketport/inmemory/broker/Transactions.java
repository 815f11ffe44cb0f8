package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.TransactionOutcome;

/**
 * RocketMQ's half messages, in memory: a half message is held invisibly; COMMIT appends it to its
 * queue, ROLLBACK discards it, UNKNOWN asks the producer's {@link CheckBack} first after
 * {@link InMemoryConfig#transactionTimeout()} and then every
 * {@link InMemoryConfig#transactionCheckInterval()}, at most {@link InMemoryConfig#transactionMaxChecks()}
 * times, after which the message is abandoned (never delivered). Thread-safe.
 */
final class Transactions {
  private final GroupHost host;
  private final Topics topics;
  private final Journal journal;
  private final InMemoryConfig config;

  Transactions(GroupHost host, Topics topics, Journal journal, InMemoryConfig config) {
    this.host = host;
    this.topics = topics;
    this.journal = journal;
    this.config = config;
  }

  HalfMessage storeHalf(Message message) {
    String topic = message.topic().name();
    HalfMessage half = new HalfMessage(message, host.nextMessageId(), host.nextTransactionId(),
        topics.selectQueue(topic), host.now());
    journal.record(half.bornTime(), half.messageId(), Journal.Kind.HALF_STORED, half.transactionId());
    return half;
  }

  /** Ends {@code half}'s transaction with {@code outcome}, decided after {@code checksSoFar} check-backs. */
  void end(HalfMessage half, TransactionOutcome outcome, int checksSoFar, CheckBack checkBack) {
    if (checksSoFar > 0) {
      journal.record(host.now(), half.messageId(), Journal.Kind.CHECKED, checksSoFar + ": " + outcome);
    }
    if (outcome != TransactionOutcome.UNKNOWN && host.simulated()
        && host.faults().roll(Fault.LOST_TRANSACTION_END, host.now(), half.messageId())) {
      checkBackLater(half, checksSoFar, checkBack); // the one-way end request never arrived
      return;
    }
    switch (outcome) {
      case COMMIT -> {
        journal.record(host.now(), half.messageId(), Journal.Kind.COMMITTED, half.transactionId());
        host.append(new QueueRef(half.message().topic().name(), half.queueId()), half.message(), half.messageId(),
            half.bornTime(), 0);
      }
      case ROLLBACK -> journal.record(host.now(), half.messageId(), Journal.Kind.ROLLED_BACK, half.transactionId());
      case UNKNOWN -> checkBackLater(half, checksSoFar, checkBack);
    }
  }

  /** Asks {@code checkBack} after the timeout (or the interval), or abandons {@code half} after the last check. */
  private void checkBackLater(HalfMessage half, int checksSoFar, CheckBack checkBack) {
    if (checksSoFar >= config.transactionMaxChecks()) {
      journal.record(host.now(), half.messageId(), Journal.Kind.ABANDONED,
          "no decision after " + checksSoFar + " checks");
      return;
    }
    var wait = checksSoFar == 0 ? config.transactionTimeout() : config.transactionCheckInterval();
    host.at(host.now().plus(wait), () -> checkBack.check(half, checksSoFar + 1));
  }
}
