package dev.rocketport.spring.boot.autoconfigure;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Starts the RocketMQ adapter from {@code rocketport.rocketmq.*}. Loaded only when the adapter is on
 * the class path and chosen. A value the adapter refuses fails startup naming the property
 * ({@code rocketport.rocketmq.send-timeout}, say), before any client starts. Stateless.
 */
final class RocketMqRuntimes {
  private static final String PREFIX = "rocketport.rocketmq.";

  private RocketMqRuntimes() {}

  static Messaging start(RocketportProperties properties, Interceptors interceptors) {
    return RocketMqMessaging.start(config(properties), interceptors);
  }

  static String transactionGroup(RocketportProperties properties) {
    return config(properties).transactionGroup();
  }

  static RocketMqConfig config(RocketportProperties properties) {
    RocketportProperties.RocketMq p = properties.getRocketmq();
    String nameServer = p.getNameServer();
    if (nameServer == null || nameServer.isBlank()) {
      throw new InvalidConfigurationPropertyValueException(PREFIX + "name-server", nameServer,
          "a name server address (host:port[;host:port…]) is required with rocketport.adapter=rocketmq");
    }
    try {
      RocketMqConfig.Builder b = RocketMqConfig.builder(nameServer);
      set(p.getProducerGroup(), b::producerGroup);
      set(properties.getTransactionGroup(), b::transactionGroup);
      set(p.getSendTimeout(), b::sendTimeout);
      set(p.getSendRetries(), b::sendRetries);
      set(p.getAsyncMaxInFlight(), b::asyncMaxInFlight);
      set(p.getCloseTimeout(), b::closeTimeout);
      set(p.getNamespace(), b::namespace);
      set(p.getMaxMessageSize(), b::maxMessageSize);
      set(p.getPollNameServerInterval(), b::pollNameServerInterval);
      set(p.getCoalesceSends(), b::coalesceSends);
      set(p.getUseTls(), b::useTls);
      String accessKey = p.getAccessKey();
      if (accessKey != null) {
        String secretKey = p.getSecretKey();
        b.credentials(accessKey, secretKey == null ? "" : secretKey);
      }
      return b.build();
    } catch (InvalidArgumentException e) {
      String property = property(e.field());
      throw new InvalidConfigurationPropertyValueException(property, valueOf(properties, e.field()), e.problem());
    }
  }

  private static <T> void set(@Nullable T value, Consumer<T> setter) {
    if (value != null) {
      setter.accept(value);
    }
  }

  /** The property behind a configuration field: {@code sendTimeout} → {@code rocketport.rocketmq.send-timeout}. */
  static String property(String field) {
    if (field.equals("transactionGroup")) {
      return "rocketport.transaction-group";
    }
    return PREFIX + field.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static @Nullable Object valueOf(RocketportProperties properties, String field) {
    RocketportProperties.RocketMq p = properties.getRocketmq();
    return switch (field) {
      case "producerGroup" -> p.getProducerGroup();
      case "transactionGroup" -> properties.getTransactionGroup();
      case "sendTimeout" -> p.getSendTimeout();
      case "sendRetries" -> p.getSendRetries();
      case "asyncMaxInFlight" -> p.getAsyncMaxInFlight();
      case "closeTimeout" -> p.getCloseTimeout();
      case "namespace" -> p.getNamespace();
      case "maxMessageSize" -> p.getMaxMessageSize();
      case "pollNameServerInterval" -> p.getPollNameServerInterval();
      case "nameServer" -> p.getNameServer();
      case "accessKey" -> p.getAccessKey();
      default -> null;
    };
  }
}
