package dev.rocketport.messaging;

import io.vavr.control.Either;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Converts typed payloads to message bodies and back, for {@link Message.Builder#payload} and
 * {@link Message#payload}. Implementations must be thread-safe. {@link #encode} may throw for a
 * value it cannot represent (the builder reports it as an {@link InvalidArgumentException} on
 * {@code payload}); {@link #decode} never throws for bad input: it returns a
 * {@link DecodeFailure#unreadable} saying what is wrong with the body.
 */
public interface Codec<T> {

  /** The media type of encoded bodies, sent as the {@value Headers#CONTENT_TYPE} header. */
  String contentType();

  byte[] encode(T value);

  Either<DecodeFailure, T> decode(byte[] body);

  /** UTF-8 text; decoding fails on malformed UTF-8 rather than substituting characters. */
  static Codec<String> utf8() {
    return Utf8Codec.INSTANCE;
  }

  /** The {@link #utf8()} codec. */
  enum Utf8Codec implements Codec<String> {
    INSTANCE;

    @Override
    public String contentType() {
      return "text/plain; charset=utf-8";
    }

    @Override
    public byte[] encode(String value) {
      return InvalidArgumentException.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Either<DecodeFailure, String> decode(byte[] body) {
      try {
        return Either.right(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString());
      } catch (CharacterCodingException e) {
        return Either.left(DecodeFailure.unreadable("body is not valid UTF-8: " + e));
      }
    }
  }
}
