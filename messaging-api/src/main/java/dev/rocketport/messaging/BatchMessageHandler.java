package dev.rocketport.messaging;

import java.util.List;

/**
 * Handles up to {@link SubscriptionSpec#batchSize()} messages at once (never an empty list). The
 * verdict applies to the whole batch: on {@code retry()} every message of it is redelivered. The
 * messages of one call come from one queue, in queue order. Threading as for {@link MessageHandler}.
 */
@FunctionalInterface
public interface BatchMessageHandler {
  HandlerResult handle(List<ReceivedMessage> messages) throws Exception;
}
