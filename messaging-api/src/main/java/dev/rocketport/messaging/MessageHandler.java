package dev.rocketport.messaging;

/**
 * Application code that handles one message. Called from adapter threads: concurrently (up to the
 * subscription's concurrency) for {@link Ordering#CONCURRENT}, one at a time per queue for
 * {@link Ordering#ORDERLY}. Must be thread-safe accordingly. Delivery is at least once: make
 * handling idempotent (the message id is stable across redeliveries).
 */
@FunctionalInterface
public interface MessageHandler {
  HandlerResult handle(ReceivedMessage message) throws Exception;
}
