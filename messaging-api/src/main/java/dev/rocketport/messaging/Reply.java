package dev.rocketport.messaging;

import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

/**
 * The answer to a request ({@link Requester}): a body and user headers, returned by the replying
 * handler with {@link HandlerResult#reply} and handed to the requester. Headers follow the rules of
 * {@link Headers}. Immutable: the body is copied in and out.
 */
public record Reply(byte[] body, Map<String, String> headers) {
  public Reply {
    body = InvalidArgumentException.requireNonNull(body, "body").clone();
    headers = Headers.checked(headers);
  }

  /** A reply with a UTF-8 text body. */
  public static Reply of(String text) {
    return new Reply(InvalidArgumentException.requireNonNull(text, "body").getBytes(StandardCharsets.UTF_8),
        Map.of());
  }

  /** A reply carrying {@code value} encoded by {@code codec}, as {@link Message.Builder#payload} does. */
  public static <T> Reply of(T value, Codec<T> codec) {
    return new Reply(Payloads.encode(value, codec), Map.of(Headers.CONTENT_TYPE, codec.contentType()));
  }

  @Override
  public byte[] body() {
    return body.clone();
  }

  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** The body decoded by {@code codec}, as {@link Message#payload} does. */
  public <T> Either<DecodeFailure, T> payload(Codec<T> codec) {
    return Payloads.decode(body, headers, codec);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reply r && Arrays.equals(body, r.body) && headers.equals(r.headers);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(body) + headers.hashCode();
  }

  @Override
  public String toString() {
    return "Reply[body=" + body.length + " bytes, headers=" + headers + "]";
  }
}
