package dev.rocketport.messaging;

import io.vavr.control.Either;
import java.util.Locale;
import java.util.Map;

/** Encoding and decoding typed payloads, shared by {@link Message} and {@link Reply}. Stateless. */
final class Payloads {
  private Payloads() {}

  /** {@code value} encoded by {@code codec}; a value it cannot encode throws {@link InvalidArgumentException} on {@code payload}. */
  static <T> byte[] encode(T value, Codec<T> codec) {
    InvalidArgumentException.requireNonNull(value, "payload");
    InvalidArgumentException.requireNonNull(codec, "codec");
    byte[] encoded;
    try {
      encoded = codec.encode(value);
    } catch (RuntimeException e) {
      // the codec's exception (a Jackson type, say) is not passed on as the cause: no library type escapes
      throw new InvalidArgumentException("payload", "cannot be encoded as " + codec.contentType() + ": "
          + e.getMessage());
    }
    return InvalidArgumentException.requireNonNull(encoded, "payload (encoded)");
  }

  /**
   * {@code body} decoded by {@code codec}; a failure if the {@value Headers#CONTENT_TYPE} header
   * names another media type (compared without parameters and case) or the codec refuses the body.
   */
  static <T> Either<DecodeFailure, T> decode(byte[] body, Map<String, String> headers, Codec<T> codec) {
    InvalidArgumentException.requireNonNull(codec, "codec");
    String declared = headers.get(Headers.CONTENT_TYPE);
    if (declared != null && !mediaType(declared).equals(mediaType(codec.contentType()))) {
      return Either.left(new DecodeFailure.WrongContentType(declared, codec.contentType()));
    }
    return codec.decode(body);
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
