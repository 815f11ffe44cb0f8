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

  /**
   * A handler that decodes each message with {@code codec} and hands the payload to {@code handler}.
   * A message that cannot be decoded ({@link Message#payload}) is {@linkplain HandlerResult#reject
   * rejected} with the decode failure as the reason — never retried, since no retry can fix it — and
   * {@code handler} is not called.
   */
  static <T> MessageHandler typed(Codec<T> codec, TypedMessageHandler<T> handler) {
    InvalidArgumentException.requireNonNull(codec, "codec");
    InvalidArgumentException.requireNonNull(handler, "handler");
    return message -> {
      var payload = message.message().payload(codec);
      if (payload.isLeft()) {
        return HandlerResult.reject(Reasons.fit("undecodable payload: " + payload.getLeft().description()));
      }
      return handler.handle(payload.get(), message);
    };
  }
}
