package dev.rocketport.spring.listener;

import dev.rocketport.messaging.BatchMessageHandler;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Turns a listener method into a handler by its signature — {@code ReceivedMessage}, {@code String},
 * {@code byte[]}, a JSON payload type, or {@code List<ReceivedMessage>} for batches; returning
 * {@code HandlerResult} or {@code void} (success) — and refuses any other signature with a message
 * naming the method. What the method throws is rethrown to the runtime, which redelivers. Stateless.
 */
final class MethodHandlers {
  private static final boolean JSON = ClassUtils.isPresent("dev.rocketport.jackson.JsonCodec",
      MethodHandlers.class.getClassLoader());

  private MethodHandlers() {}

  static Function<Subscriber, Subscription> subscribe(Object bean, Method method, SubscriptionSpec spec,
      boolean batch, String name) {
    Class<?> returns = method.getReturnType();
    if (returns != void.class && returns != HandlerResult.class) {
      throw refused(name, "returns " + returns.getSimpleName() + "; it must return HandlerResult or void");
    }
    if (method.getParameterCount() != 1) {
      throw refused(name, "takes " + method.getParameterCount() + " parameters; it must take exactly one");
    }
    ReflectionUtils.makeAccessible(method);
    Class<?> type = method.getParameterTypes()[0];
    if (batch) {
      if (!isListOfReceived(method.getGenericParameterTypes()[0])) {
        throw refused(name, "has batchSize set, so it must take List<ReceivedMessage>, not " + type.getSimpleName());
      }
      BatchMessageHandler handler = messages -> call(bean, method, messages);
      return subscriber -> subscriber.subscribeBatch(spec, handler);
    }
    MessageHandler handler = single(bean, method, type, name);
    return subscriber -> subscriber.subscribe(spec, handler);
  }

  private static MessageHandler single(Object bean, Method method, Class<?> type, String name) {
    if (type == ReceivedMessage.class) {
      return message -> call(bean, method, message);
    }
    if (type == String.class) {
      return message -> call(bean, method, message.bodyAsString());
    }
    if (type == byte[].class) {
      return message -> call(bean, method, message.message().body());
    }
    if (type == List.class) {
      throw refused(name, "takes a List; set batchSize to receive batches");
    }
    if (!JSON) {
      throw refused(name, "takes " + type.getSimpleName() + ", a payload type, which needs "
          + "rocketport-messaging-jackson on the class path (or take ReceivedMessage, String or byte[])");
    }
    return JsonPayloads.handler(type, (payload, message) -> call(bean, method, payload));
  }

  private static boolean isListOfReceived(Type type) {
    return type instanceof ParameterizedType p && p.getRawType() == List.class
        && p.getActualTypeArguments()[0] == ReceivedMessage.class;
  }

  private static HandlerResult call(Object bean, Method method, Object argument) throws Exception {
    try {
      @Nullable Object result = method.invoke(bean, argument);
      return result instanceof HandlerResult verdict ? verdict : HandlerResult.success();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  static IllegalStateException refused(String method, String why) {
    return new IllegalStateException("@RocketportListener " + method + " " + why);
  }
}
