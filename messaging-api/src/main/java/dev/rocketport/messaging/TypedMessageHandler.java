package dev.rocketport.messaging;

/**
 * Application code that handles one message's decoded payload; adapt it with
 * {@link MessageHandler#typed}. Threading and delivery as for {@link MessageHandler}.
 */
@FunctionalInterface
public interface TypedMessageHandler<T> {
  HandlerResult handle(T payload, ReceivedMessage message) throws Exception;
}
