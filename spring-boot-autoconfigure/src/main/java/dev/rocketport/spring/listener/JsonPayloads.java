package dev.rocketport.spring.listener;

import dev.rocketport.jackson.JsonCodec;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.TypedMessageHandler;

/** Typed JSON payloads for listener methods; loaded only when {@code rocketport-messaging-jackson} is present. Stateless. */
final class JsonPayloads {
  private JsonPayloads() {}

  @SuppressWarnings("unchecked")
  static MessageHandler handler(Class<?> type, TypedMessageHandler<Object> handler) {
    return MessageHandler.typed((JsonCodec<Object>) JsonCodec.of(type), handler);
  }
}
