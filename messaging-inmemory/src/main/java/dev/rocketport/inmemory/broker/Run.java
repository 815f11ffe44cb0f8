package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.spi.Disposition;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Messages of one queue handed to one handler thread of a {@link GroupMember}: a batch, or for a
 * single-message member a run of consecutive messages handled one by one, as RocketMQ's client
 * consumes a pulled batch. The member calls the handler on {@link #messages()} and reports the
 * verdicts with {@link #complete}, which may hand it the queue's next run. Used by one thread at a time.
 */
public final class Run {
  private final Object queue;
  private final List<ReceivedMessage> messages;
  /** The consumer group's side: applies the verdicts (taking the broker lock) and returns the next run or null. */
  private final Function<List<Disposition>, @Nullable Run> completion;

  Run(Object queue, List<ReceivedMessage> messages, Function<List<Disposition>, @Nullable Run> completion) {
    this.queue = queue;
    this.messages = messages;
    this.completion = completion;
  }

  /** The queue the run comes from, as an identity only (a simulation orders calls per queue). */
  public Object queue() {
    return queue;
  }

  /** The messages as the handler sees them, each with its delivery attempt. */
  public List<ReceivedMessage> messages() {
    return messages;
  }

  /**
   * Applies the handler's verdicts: one per message for a single-message member (an orderly run may
   * stop at its first redelivery, leaving the rest for later), otherwise one for the whole batch.
   * Returns the queue's next run for this thread, or null once the member's slot is free again.
   */
  public @Nullable Run complete(List<Disposition> verdicts) {
    return completion.apply(verdicts);
  }
}
