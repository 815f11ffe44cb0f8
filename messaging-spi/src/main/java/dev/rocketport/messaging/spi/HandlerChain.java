package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.BatchMessageHandler;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.interception.HandlerContext;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import java.util.List;

/** A handler inside its middleware: the first of {@code chain} outermost. Stateless. */
final class HandlerChain {
  private HandlerChain() {}

  static BatchMessageHandler around(BatchMessageHandler handler, SubscriptionSpec spec, List<HandlerMiddleware> chain) {
    HandlerContext context = new HandlerContext(spec.topic(), spec.group(), spec.deliveryMode(), spec.ordering(),
        spec.maxDeliveryAttempts());
    HandlerMiddleware.Next next = handler::handle;
    for (int i = chain.size() - 1; i >= 0; i--) {
      HandlerMiddleware middleware = chain.get(i);
      HandlerMiddleware.Next inner = next;
      next = messages -> middleware.handle(context, messages, inner);
    }
    return next::handle;
  }
}
