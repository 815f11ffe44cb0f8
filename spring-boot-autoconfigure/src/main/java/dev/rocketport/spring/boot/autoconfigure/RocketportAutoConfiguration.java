package dev.rocketport.spring.boot.autoconfigure;

import dev.rocketport.inmemory.InMemoryBroker;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Requester;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionalPublisher;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.messaging.health.HealthCheck;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.interception.PublishInterceptor;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.spring.listener.ListenerContainer;
import dev.rocketport.spring.listener.ListenerMethods;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires Rocketport into a Spring Boot application: the runtime of the adapter
 * {@code rocketport.adapter} names, every port as a bean, {@code @RocketportListener} methods,
 * topics to create at startup, and — by presence — meters, tracing and an Actuator health
 * indicator ({@link RocketportObservabilityConfiguration}). Every bean backs off when the
 * application defines its own. Handler middleware and publish interceptors defined as beans apply
 * to the whole runtime, in bean order, inside tracing and metrics. The runtime closes when the
 * context does, after the listeners stopped (so in-flight handlers finish and their sends drain).
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration"})
@EnableConfigurationProperties(RocketportProperties.class)
public class RocketportAutoConfiguration {

  /** The runtime's interceptors: tracing and metrics (when present) outermost, then the application's beans. */
  @Bean
  @ConditionalOnMissingBean
  Interceptors rocketportInterceptors(ObjectProvider<InterceptorsContribution> observability,
      ObjectProvider<HandlerMiddleware> middleware, ObjectProvider<PublishInterceptor> interceptors) {
    Interceptors all = Interceptors.none();
    for (InterceptorsContribution contribution : observability.orderedStream().toList()) {
      all = all.plus(contribution.interceptors());
    }
    Interceptors.Builder application = Interceptors.builder();
    middleware.orderedStream().forEach(application::handler);
    interceptors.orderedStream().forEach(application::publish);
    return all.plus(application.build());
  }

  /** The RocketMQ adapter, the default. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RocketMqMessaging.class)
  @ConditionalOnProperty(name = "rocketport.adapter", havingValue = "rocketmq", matchIfMissing = true)
  static class RocketMqAdapter {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Messaging rocketportMessaging(RocketportProperties properties, Interceptors interceptors) {
      return RocketMqRuntimes.start(properties, interceptors);
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionGroup rocketportTransactionGroup(RocketportProperties properties) {
      return new TransactionGroup(RocketMqRuntimes.transactionGroup(properties));
    }
  }

  /** The in-memory adapter, and its broker as a bean (a test advances its virtual clock). */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(InMemoryBroker.class)
  @ConditionalOnProperty(name = "rocketport.adapter", havingValue = "inmemory")
  static class InMemoryAdapter {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    InMemoryBroker rocketportInMemoryBroker(RocketportProperties properties) {
      return InMemoryRuntimes.broker(properties);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    Messaging rocketportMessaging(InMemoryBroker broker, Interceptors interceptors) {
      return InMemoryRuntimes.start(broker, interceptors);
    }

    @Bean
    @ConditionalOnMissingBean
    TransactionGroup rocketportTransactionGroup(RocketportProperties properties) {
      String group = properties.getTransactionGroup();
      return new TransactionGroup(group != null ? group : InMemoryRuntimes.DEFAULT_TRANSACTION_GROUP);
    }
  }

  /** Fails startup, naming the missing module, when the chosen adapter is not on the class path. */
  @Bean
  @ConditionalOnMissingBean(Messaging.class)
  Messaging rocketportMissingAdapter(RocketportProperties properties) {
    String module = properties.getAdapter() == RocketportProperties.Adapter.INMEMORY
        ? "rocketport-messaging-inmemory" : "rocketport-messaging-rocketmq";
    throw new IllegalStateException("rocketport.adapter=" + properties.getAdapter().name().toLowerCase(java.util.Locale.ROOT)
        + " needs " + module + " on the class path");
  }

  @Bean
  @ConditionalOnMissingBean
  Publisher rocketportPublisher(Messaging messaging) {
    return messaging.publisher();
  }

  /** Only the ordered port: adapters implement both publishers on one object, which must not also match {@code Publisher}. */
  @Bean
  @ConditionalOnMissingBean
  OrderedPublisher rocketportOrderedPublisher(Messaging messaging) {
    OrderedPublisher ordered = messaging.orderedPublisher();
    return ordered::send;
  }

  @Bean
  @ConditionalOnMissingBean
  Subscriber rocketportSubscriber(Messaging messaging) {
    return messaging.subscriber();
  }

  @Bean
  @ConditionalOnMissingBean
  Requester rocketportRequester(Messaging messaging) {
    return messaging.requester();
  }

  @Bean
  @ConditionalOnMissingBean
  MessagingAdmin rocketportAdmin(Messaging messaging) {
    return messaging.admin();
  }

  @Bean
  @ConditionalOnMissingBean
  HealthCheck rocketportHealthCheck(Messaging messaging) {
    return messaging.healthCheck();
  }

  @Bean
  @ConditionalOnMissingBean
  Capabilities rocketportCapabilities(Messaging messaging) {
    return messaging.capabilities();
  }

  /** The transactional publisher, once the application defines the {@link TransactionChecker} that answers check-backs. */
  @Bean
  @ConditionalOnBean(TransactionChecker.class)
  @ConditionalOnMissingBean
  TransactionalPublisher rocketportTransactionalPublisher(Messaging messaging, TransactionGroup group,
      TransactionChecker checker) {
    return messaging.transactionalPublisher(ProducerGroup.of(group.name()), checker);
  }

  @Bean
  TopicCreation rocketportTopicCreation(RocketportProperties properties, MessagingAdmin admin) {
    return new TopicCreation(List.copyOf(properties.getTopics()), admin);
  }

  /** Finds {@code @RocketportListener} methods; static, as a bean post-processor must be. */
  @Bean
  static ListenerMethods rocketportListenerMethods() {
    return new ListenerMethods();
  }

  /** The listeners' lifecycle; it depends on {@code topics} so that those exist before any listener subscribes. */
  @Bean
  ListenerContainer rocketportListenerContainer(ListenerMethods methods, Subscriber subscriber,
      TopicCreation topics) {
    return new ListenerContainer(methods, subscriber);
  }
}
