package dev.rocketport.spring.boot.autoconfigure;

import dev.rocketport.messaging.health.HealthCheck;
import dev.rocketport.micrometer.RocketportMetrics;
import dev.rocketport.opentelemetry.RocketportTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/**
 * Rocketport's observability, each part wired when what it needs is present: a {@link MeterRegistry}
 * bean (and {@code rocketport-messaging-micrometer}) → Rocketport's meters ({@code rocketport.publish},
 * {@code rocketport.handle}, …); an {@link OpenTelemetry} bean (and
 * {@code rocketport-messaging-opentelemetry}) → producer and consumer spans; Spring Boot's health
 * module (Actuator) → a {@code rocketport} health indicator, and Actuator's endpoints → the
 * {@code rocketport} endpoint ({@link RocketportEndpoint}). Tracing runs outside metrics, so a
 * publish's meter includes its span.
 */
@AutoConfiguration(before = RocketportAutoConfiguration.class, afterName = {
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
    "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration"})
public class RocketportObservabilityConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({RocketportMetrics.class, MeterRegistry.class})
  @ConditionalOnBean(MeterRegistry.class)
  static class Metrics {
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    RocketportMetrics rocketportMetrics(MeterRegistry registry) {
      return RocketportMetrics.on(registry);
    }

    @Bean
    @Order(2)
    InterceptorsContribution rocketportMetricsInterceptors(RocketportMetrics metrics) {
      return new InterceptorsContribution(metrics.interceptors());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({RocketportTracing.class, OpenTelemetry.class})
  @ConditionalOnBean(OpenTelemetry.class)
  static class Tracing {
    @Bean
    @ConditionalOnMissingBean
    RocketportTracing rocketportTracing(OpenTelemetry openTelemetry) {
      return RocketportTracing.create(openTelemetry);
    }

    @Bean
    @Order(1)
    InterceptorsContribution rocketportTracingInterceptors(RocketportTracing tracing) {
      return new InterceptorsContribution(tracing.interceptors());
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
  static class Endpoint {
    @Bean
    @ConditionalOnMissingBean
    @org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint
    RocketportEndpoint rocketportEndpoint(dev.rocketport.messaging.Messaging messaging,
        dev.rocketport.messaging.admin.MessagingAdmin admin, dev.rocketport.spring.listener.ListenerContainer listeners) {
      return new RocketportEndpoint(messaging, admin, listeners);
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "rocketportHealthIndicator")
    RocketportHealthIndicator rocketportHealthIndicator(org.springframework.beans.factory.ObjectProvider<HealthCheck> check) {
      return new RocketportHealthIndicator(check);
    }
  }
}
