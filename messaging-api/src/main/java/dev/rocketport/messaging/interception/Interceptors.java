package dev.rocketport.messaging.interception;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.interception.HandlerMiddleware;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.interception.PublishInterceptor;
import java.util.ArrayList;
import java.util.List;

/**
 * What a runtime applies to every subscription and every publish: {@link HandlerMiddleware} (outermost
 * first), {@link PublishInterceptor}s (in order before, in reverse order after) and
 * {@link CircuitListener}s (in order). Given to an adapter's runtime when it is created (or
 * contributed through the Guice modules' multibinders). Immutable.
 */
public record Interceptors(List<HandlerMiddleware> handlerMiddleware, List<PublishInterceptor> publishInterceptors,
    List<CircuitListener> circuitListeners) {
  private static final Interceptors NONE = new Interceptors(List.of(), List.of(), List.of());

  public Interceptors {
    handlerMiddleware = copy(handlerMiddleware, "handlerMiddleware");
    publishInterceptors = copy(publishInterceptors, "publishInterceptors");
    circuitListeners = copy(circuitListeners, "circuitListeners");
  }

  public static Interceptors none() {
    return NONE;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** These, then {@code others}' (which thus run inside these). */
  public Interceptors plus(Interceptors others) {
    InvalidArgumentException.requireNonNull(others, "others");
    List<HandlerMiddleware> handlers = new ArrayList<>(handlerMiddleware);
    handlers.addAll(others.handlerMiddleware);
    List<PublishInterceptor> publish = new ArrayList<>(publishInterceptors);
    publish.addAll(others.publishInterceptors);
    List<CircuitListener> listeners = new ArrayList<>(circuitListeners);
    listeners.addAll(others.circuitListeners);
    return new Interceptors(handlers, publish, listeners);
  }

  private static <T> List<T> copy(List<T> list, String field) {
    InvalidArgumentException.requireNonNull(list, field);
    for (T item : list) {
      InvalidArgumentException.requireNonNull(item, field + " entry");
    }
    return List.copyOf(list);
  }

  /** Single-threaded builder; each call checks its argument at once. */
  public static final class Builder {
    private final List<HandlerMiddleware> handlers = new ArrayList<>();
    private final List<PublishInterceptor> publish = new ArrayList<>();
    private final List<CircuitListener> listeners = new ArrayList<>();

    private Builder() {}

    /** Adds {@code middleware} inside the middleware added so far. */
    public Builder handler(HandlerMiddleware middleware) {
      handlers.add(InvalidArgumentException.requireNonNull(middleware, "middleware"));
      return this;
    }

    /** Adds {@code interceptor} after the interceptors added so far. */
    public Builder publish(PublishInterceptor interceptor) {
      publish.add(InvalidArgumentException.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** Adds {@code listener} after the listeners added so far. */
    public Builder circuitListener(CircuitListener listener) {
      listeners.add(InvalidArgumentException.requireNonNull(listener, "listener"));
      return this;
    }

    public Interceptors build() {
      return new Interceptors(handlers, publish, listeners);
    }
  }
}
