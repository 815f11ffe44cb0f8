package dev.rocketport.messaging;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A message to publish: topic, body, optional tag, business keys, user headers and an optional
 * delivery delay. Build one with {@link #builder(Topic)}.
 *
 * <p>Immutable and thread-safe: the body is copied in and {@link #body()} returns a copy (use
 * {@link #bodyBuffer()} for a read-only view without copying). Every field is validated when the
 * message is built; an illegal value throws {@link InvalidArgumentException} naming the field.
 * The size limit depends on the adapter and is checked when the message is published
 * ({@link PublishFailure.MessageTooLarge}).
 */
public record Message(
    Topic topic, byte[] body, Option<Tag> tag, List<MessageKey> keys, Map<String, String> headers,
    Option<DeliveryDelay> delay) {

  public Message {
    InvalidArgumentException.requireNonNull(topic, "topic");
    body = InvalidArgumentException.requireNonNull(body, "body").clone();
    InvalidArgumentException.requireNonNull(tag, "tag");
    keys = List.copyOf(InvalidArgumentException.requireNonNull(keys, "keys"));
    headers = Headers.checked(headers);
    InvalidArgumentException.requireNonNull(delay, "delay");
  }

  public static Builder builder(Topic topic) {
    return new Builder(topic);
  }

  /** A message with a UTF-8 text body and nothing else. */
  public static Message of(Topic topic, String body) {
    return builder(topic).body(body).build();
  }

  /** A copy of the body. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** A read-only view of the body, without copying. */
  public ByteBuffer bodyBuffer() {
    return ByteBuffer.wrap(body).asReadOnlyBuffer();
  }

  public int bodyLength() {
    return body.length;
  }

  /** The body decoded as UTF-8. */
  public String bodyAsString() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /**
   * The body decoded by {@code codec}; a failure if the {@value Headers#CONTENT_TYPE} header names
   * another media type than the codec's (a message without the header is decoded as is, so payloads
   * from producers that do not set it can be read) or if the codec refuses the body.
   */
  public <T> Either<DecodeFailure, T> payload(Codec<T> codec) {
    return Payloads.decode(body, headers, codec);
  }

  /** A builder pre-filled with this message's fields. */
  public Builder toBuilder() {
    Builder b = new Builder(topic).body(body);
    tag.forEach(b::tag);
    keys.forEach(b::key);
    headers.forEach(b::header);
    delay.forEach(b::delay);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Message m && topic.equals(m.topic) && Arrays.equals(body, m.body) && tag.equals(m.tag)
        && keys.equals(m.keys) && headers.equals(m.headers) && delay.equals(m.delay);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(body) + java.util.Objects.hash(topic, tag, keys, headers, delay);
  }

  @Override
  public String toString() {
    return "Message[topic=" + topic + ", body=" + body.length + " bytes, tag=" + tag.getOrNull() + ", keys=" + keys
        + ", headers=" + headers + ", delay=" + delay.getOrNull() + "]";
  }

  /** Fluent, single-threaded builder; {@link #build()} validates and may be called repeatedly. */
  public static final class Builder {
    private final Topic topic;
    private byte[] body = new byte[0];
    private @Nullable Tag tag;
    private List<MessageKey> keys = List.of();
    private Map<String, String> headers = Map.of();
    private @Nullable DeliveryDelay delay;

    private Builder(Topic topic) {
      this.topic = InvalidArgumentException.requireNonNull(topic, "topic");
    }

    public Builder body(byte[] body) {
      this.body = InvalidArgumentException.requireNonNull(body, "body").clone();
      return this;
    }

    public Builder body(String utf8) {
      this.body = InvalidArgumentException.requireNonNull(utf8, "body").getBytes(StandardCharsets.UTF_8);
      return this;
    }

    /**
     * Sets the body to {@code value} encoded by {@code codec} and the {@value Headers#CONTENT_TYPE}
     * header to the codec's media type. A value the codec cannot encode throws
     * {@link InvalidArgumentException} on {@code payload}.
     */
    public <T> Builder payload(T value, Codec<T> codec) {
      byte[] encoded = Payloads.encode(value, codec);
      header(Headers.CONTENT_TYPE, codec.contentType());
      this.body = encoded;
      return this;
    }

    public Builder tag(Tag tag) {
      this.tag = InvalidArgumentException.requireNonNull(tag, "tag");
      return this;
    }

    public Builder tag(String tag) {
      return tag(new Tag(tag));
    }

    public Builder key(MessageKey key) {
      InvalidArgumentException.requireNonNull(key, "key");
      if (keys.isEmpty()) {
        keys = new ArrayList<>(2);
      }
      keys.add(key);
      return this;
    }

    public Builder key(String key) {
      return key(new MessageKey(key));
    }

    public Builder header(String name, String value) {
      Headers.checkName(name);
      Headers.checkValue(name, value);
      if (headers.isEmpty()) {
        headers = new LinkedHashMap<>();
      }
      headers.put(name, value);
      return this;
    }

    public Builder delay(DeliveryDelay delay) {
      this.delay = InvalidArgumentException.requireNonNull(delay, "delay");
      return this;
    }

    public Builder deliverAfter(Duration duration) {
      return delay(new DeliveryDelay.After(duration));
    }

    public Builder deliverAt(Instant instant) {
      return delay(new DeliveryDelay.At(instant));
    }

    public Builder deliverAfter(DelayLevel level) {
      return delay(new DeliveryDelay.Level(level));
    }

    public Message build() {
      return new Message(topic, body, Option.of(tag), keys, headers, Option.of(delay));
    }
  }
}
