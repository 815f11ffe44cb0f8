package dev.rocketport.spring.listener;

import dev.rocketport.messaging.DeliveryMode;
import dev.rocketport.messaging.Ordering;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as a subscription's handler: the context subscribes it once it is ready and
 * closes it before the messaging runtime closes (in-flight calls finish first, as Boot's graceful
 * shutdown expects). String attributes take property placeholders ({@code "${orders.topic}"}).
 *
 * <p>The method takes one parameter: {@code ReceivedMessage}; {@code String} (the body as UTF-8);
 * {@code byte[]} (the body); or any other type, decoded from JSON ({@code rocketport-messaging-jackson}
 * on the class path; a body that is not that JSON is dead-lettered at once with the reason). With
 * {@link #batchSize()} above 0 it takes {@code List<ReceivedMessage>}. It returns
 * {@code HandlerResult}, or {@code void} for success; an exception it throws means retry. Delivery
 * is at least once. A method with another signature, a topic that does not exist, or two listeners
 * that subscribe one group differently fail startup naming the method.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RocketportListener {
  /** The topic to consume. */
  String topic();

  /** The consumer group this listener is a member of. */
  String group();

  DeliveryMode deliveryMode() default DeliveryMode.CLUSTERING;

  Ordering ordering() default Ordering.CONCURRENT;

  /** Only messages with one of these tags; empty for all (unless {@link #sql()} is set). */
  String[] tags() default {};

  /** Only messages whose headers match this SQL92 expression; empty for none. */
  String sql() default "";

  /** Messages per call; 0 for one message per call (then the method takes one message). */
  int batchSize() default 0;

  /** Handler threads; 0 for the spec's default. */
  int concurrency() default 0;

  /** Redeliveries before a message is dead-lettered; -1 for the spec's default (RocketMQ's 16). */
  int maxRetries() default -1;

  /** How long one call may run (a duration like {@code "30s"}); empty for no limit. */
  String handlerTimeout() default "";

  /** Where a new group starts: {@code earliest}, {@code latest}, or an ISO-8601 instant. */
  String startFrom() default "earliest";

  /** Exceptions that dead-letter the message at once instead of being retried ({@code FailurePolicy.reject}). */
  Class<? extends Throwable>[] rejectOn() default {};

  /** At most this many messages per second ({@code RateLimit}, e.g. {@code "50"}); empty for no limit. */
  String rateLimit() default "";
}
