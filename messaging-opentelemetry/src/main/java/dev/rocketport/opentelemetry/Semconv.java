package dev.rocketport.opentelemetry;

import dev.rocketport.messaging.interception.PublishMode;
import io.opentelemetry.api.common.AttributeKey;
import java.util.Locale;

/** The attribute names of OpenTelemetry's messaging semantic conventions that Rocketport's spans carry. */
final class Semconv {
  private Semconv() {}

  static final String ROCKETMQ = "rocketmq";
  static final String TRACEPARENT = "traceparent";
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
  static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
  static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  static final AttributeKey<Long> BODY_SIZE = AttributeKey.longKey("messaging.message.body.size");
  static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
  static final AttributeKey<Long> DELIVERY_COUNT = AttributeKey.longKey("messaging.rocketmq.message.delivery_count");
  static final AttributeKey<String> TAG = AttributeKey.stringKey("messaging.rocketmq.message.tag");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> PUBLISH_MODE = AttributeKey.stringKey("rocketport.publish.mode");
  static final AttributeKey<String> VERDICT = AttributeKey.stringKey("rocketport.verdict");

  private static final String[] MODE_NAMES = java.util.Arrays.stream(PublishMode.values())
      .map(mode -> mode.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);

  /** The value of {@link #PUBLISH_MODE} for {@code mode}. */
  static String modeName(PublishMode mode) {
    return MODE_NAMES[mode.ordinal()];
  }
}
