package dev.rocketport.spring.listener;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.FailurePolicy;
import dev.rocketport.messaging.Filter;
import dev.rocketport.messaging.RateLimit;
import dev.rocketport.messaging.StartPosition;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.MethodIntrospector;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.env.Environment;

/**
 * Finds the {@link RocketportListener} methods of every bean as it is initialized and turns each
 * into a {@link ListenerEndpoint}: placeholders resolved, spec built, signature checked. A listener
 * that cannot be built fails the bean's creation — and so startup — with a message naming the
 * method and what is wrong. Collects during context startup; read by {@link ListenerContainer}
 * once all beans exist.
 */
public final class ListenerMethods implements BeanPostProcessor, EnvironmentAware {
  private final List<ListenerEndpoint> endpoints = new ArrayList<>();
  private @Nullable Environment environment;

  @Override
  public void setEnvironment(Environment environment) {
    this.environment = environment;
  }

  @Override
  public Object postProcessAfterInitialization(Object bean, String beanName) {
    Class<?> type = AopUtils.getTargetClass(bean);
    Map<Method, RocketportListener> found = MethodIntrospector.selectMethods(type,
        (MethodIntrospector.MetadataLookup<RocketportListener>) m ->
            AnnotatedElementUtils.findMergedAnnotation(m, RocketportListener.class));
    found.forEach((method, listener) -> add(bean, method, listener));
    return bean;
  }

  synchronized List<ListenerEndpoint> endpoints() {
    return List.copyOf(endpoints);
  }

  private synchronized void add(Object bean, Method method, RocketportListener listener) {
    String name = method.getDeclaringClass().getSimpleName() + "." + method.getName()
        + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).toList().toString()
            .replace('[', '(').replace(']', ')');
    SubscriptionSpec spec;
    try {
      spec = spec(listener);
    } catch (IllegalArgumentException e) {
      throw MethodHandlers.refused(name, "is misconfigured: " + e.getMessage());
    }
    endpoints.add(new ListenerEndpoint(name, spec,
        MethodHandlers.subscribe(bean, method, spec, listener.batchSize() > 0, name)));
  }

  private SubscriptionSpec spec(RocketportListener listener) {
    SubscriptionSpec.Builder b = SubscriptionSpec.builder(Topic.of(resolve(listener.topic())),
        ConsumerGroup.of(resolve(listener.group())))
        .deliveryMode(listener.deliveryMode())
        .ordering(listener.ordering());
    String sql = resolve(listener.sql());
    String[] tags = Arrays.stream(listener.tags()).map(this::resolve).toArray(String[]::new);
    if (!sql.isEmpty() && tags.length > 0) {
      throw new IllegalArgumentException("tags and sql are exclusive: a subscription has one filter");
    }
    if (!sql.isEmpty()) {
      b.filter(Filter.sql(sql));
    } else if (tags.length > 0) {
      b.filter(Filter.tags(tags[0], Arrays.copyOfRange(tags, 1, tags.length)));
    }
    if (listener.batchSize() > 0) {
      b.batchSize(listener.batchSize());
    }
    if (listener.concurrency() > 0) {
      b.concurrency(listener.concurrency());
    }
    if (listener.maxRetries() >= 0) {
      b.maxRetries(listener.maxRetries());
    }
    String timeout = resolve(listener.handlerTimeout());
    if (!timeout.isEmpty()) {
      b.handlerTimeout(DurationStyle.detectAndParse(timeout));
    }
    b.startFrom(startPosition(resolve(listener.startFrom())));
    if (listener.rejectOn().length > 0) {
      FailurePolicy.Builder policy = FailurePolicy.builder();
      for (Class<? extends Throwable> type : listener.rejectOn()) {
        policy.reject(type);
      }
      b.failurePolicy(policy.build());
    }
    String rate = resolve(listener.rateLimit());
    if (!rate.isEmpty()) {
      b.rateLimit(RateLimit.perSecond(perSecond(rate)));
    }
    return b.build();
  }

  private static double perSecond(String value) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("rateLimit '" + value + "' is not a number of messages per second");
    }
  }

  private static StartPosition startPosition(String value) {
    if (value.equalsIgnoreCase("earliest")) {
      return StartPosition.earliest();
    }
    if (value.equalsIgnoreCase("latest")) {
      return StartPosition.latest();
    }
    try {
      return StartPosition.at(Instant.parse(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("startFrom '" + value + "' is not earliest, latest or an ISO-8601 instant");
    }
  }

  private String resolve(String value) {
    Environment env = environment;
    return env == null ? value : env.resolveRequiredPlaceholders(value);
  }
}
