package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.ReceivedMessage;
import java.util.List;

/**
 * An application's handler as {@link AbstractSubscriber} hands it to an adapter: it never throws and
 * never returns {@code null} (both became {@link HandlerResult#retry()}). Thread-safe if the
 * application's handler is.
 */
@FunctionalInterface
public interface GuardedHandler {

  /** The verdict on {@code messages} (exactly one for a single-message subscription). */
  HandlerResult handle(List<ReceivedMessage> messages);
}
