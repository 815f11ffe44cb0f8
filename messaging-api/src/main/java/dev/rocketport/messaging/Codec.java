package dev.rocketport.messaging;

import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;

/**
 * Converts typed payloads to message bodies and back. Implementations must be thread-safe and
 * stateless. Decoding never throws for bad input: it returns a {@code Left} describing the problem.
 */
public interface Codec<T> {

  byte[] encode(T value);

  Either<String, T> decode(byte[] body);

  /** UTF-8 text; decoding fails on malformed UTF-8 rather than substituting characters. */
  static Codec<String> utf8() {
    return Utf8Codec.INSTANCE;
  }

  /** The {@link #utf8()} codec. */
  enum Utf8Codec implements Codec<String> {
    INSTANCE;

    @Override
    public byte[] encode(String value) {
      return InvalidArgumentException.requireNonNull(value, "value").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Either<String, String> decode(byte[] body) {
      try {
        return Either.right(StandardCharsets.UTF_8.newDecoder()
            .decode(java.nio.ByteBuffer.wrap(body)).toString());
      } catch (java.nio.charset.CharacterCodingException e) {
        return Either.left("body is not valid UTF-8: " + e);
      }
    }
  }
}
