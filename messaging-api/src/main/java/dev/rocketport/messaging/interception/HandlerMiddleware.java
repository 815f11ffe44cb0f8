package dev.rocketport.messaging.interception;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.interception.HandlerContext;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import java.util.List;

/**
 * Wraps a subscription's handler: sees the messages delivered and the verdict, and may answer itself
 * without calling the rest of the chain (short-circuit). Single-message and batch handlers look the
 * same here: a single-message subscription passes a list of one.
 *
 * <p>Order: a runtime's middleware ({@link dev.rocketport.messaging.interception.Interceptors}) runs outermost, in the order given, then the
 * subscription's own ({@link dev.rocketport.messaging.SubscriptionSpec#middleware()}), in the order given, then the handler.
 * A middleware that throws, or answers {@code null}, means {@link HandlerResult#retry()} — as for a
 * handler. Runs on the handler's thread; implementations must be thread-safe.
 */
@FunctionalInterface
public interface HandlerMiddleware {

  /** The verdict on {@code messages}, delivered to the subscription {@code context} describes; {@code next} runs the rest of the chain. */
  HandlerResult handle(HandlerContext context, List<ReceivedMessage> messages, Next next) throws Exception;

  /** The rest of the chain: later middleware, then the handler. */
  @FunctionalInterface
  interface Next {
    HandlerResult handle(List<ReceivedMessage> messages) throws Exception;
  }
}
