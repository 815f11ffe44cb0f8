package dev.rocketport.messaging;

import io.vavr.control.Either;

/**
 * Publishes a message atomically with a local transaction (RocketMQ's two-phase "half message"
 * protocol): the message is stored invisibly, the {@link LocalTransaction} runs, and its outcome
 * commits or rolls back the message. Subscribers never see a rolled-back message, and see a
 * committed one exactly as if it had been sent normally. An {@code UNKNOWN} outcome is resolved
 * later by the {@link TransactionChecker} given when the publisher was created.
 *
 * <p>If the half message cannot be stored, the local transaction does <em>not</em> run and the
 * failure is returned. Delayed messages are rejected ({@link PublishFailure.InvalidMessage} on
 * {@code delay}); null arguments throw {@link InvalidArgumentException}; a local transaction that
 * throws counts as {@code UNKNOWN}. Thread-safe. Closed with its {@link Messaging} runtime; after
 * that, sends return {@link PublishFailure.Closed} and pending check-backs are no longer answered by
 * this process.
 */
public interface TransactionalPublisher {

  Either<PublishFailure, TransactionResult> sendInTransaction(Message message, LocalTransaction localTransaction);
}
