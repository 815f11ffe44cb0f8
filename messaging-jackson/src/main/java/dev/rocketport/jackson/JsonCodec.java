package dev.rocketport.jackson;

import dev.rocketport.messaging.Codec;
import dev.rocketport.messaging.DecodeFailure;
import dev.rocketport.messaging.InvalidArgumentException;
import io.vavr.control.Either;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Codec} for JSON payloads ({@value #CONTENT_TYPE}) on Jackson 3: records, ordinary classes
 * and generic types ({@code JsonCodec.of(new TypeReference<List<Order>>() {})}). Decoding a body
 * that is not JSON of the type — malformed, the wrong shape, empty, or JSON {@code null} — returns
 * a {@code Left} with Jackson's description and where in the body it stopped; it never throws.
 * Encoding a value Jackson cannot write throws (reported by
 * {@link dev.rocketport.messaging.Message.Builder#payload} as an invalid payload). Immutable and
 * thread-safe, as Jackson's mappers are once configured.
 */
public final class JsonCodec<T> implements Codec<T> {
  public static final String CONTENT_TYPE = "application/json";
  private static final JsonMapper DEFAULT_MAPPER = JsonMapper.builder().build();

  private final ObjectMapper mapper;
  private final JavaType type;

  private JsonCodec(ObjectMapper mapper, JavaType type) {
    this.mapper = mapper;
    this.type = type;
  }

  /** A codec for {@code type} with Jackson's default JSON mapper. */
  public static <T> JsonCodec<T> of(Class<T> type) {
    return of(DEFAULT_MAPPER, type);
  }

  /** A codec for the generic type {@code type} with Jackson's default JSON mapper. */
  public static <T> JsonCodec<T> of(TypeReference<T> type) {
    return of(DEFAULT_MAPPER, type);
  }

  /** A codec for {@code type} with the application's own (configured) mapper. */
  public static <T> JsonCodec<T> of(ObjectMapper mapper, Class<T> type) {
    InvalidArgumentException.requireNonNull(mapper, "mapper");
    InvalidArgumentException.requireNonNull(type, "type");
    return new JsonCodec<>(mapper, mapper.constructType(type));
  }

  /** A codec for the generic type {@code type} with the application's own (configured) mapper. */
  public static <T> JsonCodec<T> of(ObjectMapper mapper, TypeReference<T> type) {
    InvalidArgumentException.requireNonNull(mapper, "mapper");
    InvalidArgumentException.requireNonNull(type, "type");
    return new JsonCodec<>(mapper, mapper.constructType(type));
  }

  @Override
  public String contentType() {
    return CONTENT_TYPE;
  }

  @Override
  public byte[] encode(T value) {
    return mapper.writeValueAsBytes(InvalidArgumentException.requireNonNull(value, "value"));
  }

  @Override
  public Either<DecodeFailure, T> decode(byte[] body) {
    if (body.length == 0) {
      return Either.left(DecodeFailure.unreadable("body is empty, expected JSON of " + type.toCanonical()));
    }
    try {
      T value = mapper.readValue(body, type);
      return value == null ? Either.left(DecodeFailure.unreadable("body is JSON null, expected " + type.toCanonical()))
          : Either.right(value);
    } catch (JacksonException e) {
      var at = e.getLocation();
      return Either.left(DecodeFailure.unreadable("not JSON of " + type.toCanonical() + ": " + e.getOriginalMessage()
          + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")));
    }
  }

  @Override
  public String toString() {
    return "JsonCodec[" + type.toCanonical() + "]";
  }
}
