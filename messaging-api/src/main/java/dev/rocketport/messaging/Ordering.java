package dev.rocketport.messaging;

/**
 * {@code CONCURRENT}: messages are handled in parallel with no order; a failure is retried later
 * on the retry ladder while the queue moves on. {@code ORDERLY}: each queue is handled by one
 * thread at a time, in queue order; a failure suspends the queue and retries the same message in
 * place, so order is never broken; after the maximum retries the message goes to the dead-letter
 * topic and the queue continues.
 */
public enum Ordering {
  CONCURRENT, ORDERLY
}
