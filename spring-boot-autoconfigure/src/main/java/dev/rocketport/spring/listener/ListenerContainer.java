package dev.rocketport.spring.listener;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the context's {@code @RocketportListener} subscriptions: starts them last, once every bean
 * (and the web server) is up, and stops them first, before the messaging runtime closes — each
 * close waits for its running handlers, so Boot's graceful shutdown finishes in-flight work.
 * Startup is all or nothing: two listeners that subscribe one group differently, or one that
 * cannot subscribe (its topic does not exist, say), fail startup naming the method, and the
 * subscriptions already started are closed. Thread-safe.
 */
public final class ListenerContainer implements SmartLifecycle {
  private static final Logger LOG = LoggerFactory.getLogger(ListenerContainer.class);
  /** Late to start, early to stop: after the web server, before anything that publishes goes away. */
  static final int PHASE = Integer.MAX_VALUE - 1000;

  private final ListenerMethods methods;
  private final Subscriber subscriber;
  private final List<Subscription> running = new ArrayList<>();

  public ListenerContainer(ListenerMethods methods, Subscriber subscriber) {
    this.methods = methods;
    this.subscriber = subscriber;
  }

  @Override
  public synchronized void start() {
    List<ListenerEndpoint> endpoints = methods.endpoints();
    checkGroupsAlike(endpoints);
    for (ListenerEndpoint endpoint : endpoints) {
      try {
        running.add(endpoint.subscribe().apply(subscriber));
      } catch (RuntimeException e) {
        stop();
        throw new IllegalStateException("@RocketportListener " + endpoint.method() + " could not subscribe "
            + describe(endpoint.spec()) + ": " + reason(e), e);
      }
      LOG.info("listening: {} as {}", describe(endpoint.spec()), endpoint.method());
    }
  }

  @Override
  public synchronized void stop() {
    for (int i = running.size() - 1; i >= 0; i--) {
      running.get(i).close();
    }
    running.clear();
  }

  @Override
  public synchronized boolean isRunning() {
    return !running.isEmpty();
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** The listeners of this context, each with whether its subscription runs. */
  public synchronized List<Listener> listeners() {
    List<Listener> all = new ArrayList<>();
    for (ListenerEndpoint endpoint : methods.endpoints()) {
      boolean active = running.stream().anyMatch(s -> s.spec().equals(endpoint.spec()) && s.isActive());
      all.add(new Listener(endpoint.method(), endpoint.spec(), active));
    }
    return all;
  }

  /** A listener method, its subscription's spec, and whether that subscription runs. Immutable. */
  public record Listener(String method, SubscriptionSpec spec, boolean running) {}

  private static void checkGroupsAlike(List<ListenerEndpoint> endpoints) {
    Map<String, ListenerEndpoint> first = new HashMap<>();
    for (ListenerEndpoint endpoint : endpoints) {
      SubscriptionSpec spec = endpoint.spec();
      ListenerEndpoint earlier = first.putIfAbsent(spec.group().name(), endpoint);
      if (earlier != null && !shape(earlier.spec()).equals(shape(spec))) {
        throw new IllegalStateException("@RocketportListener " + endpoint.method() + " and " + earlier.method()
            + " are members of group '" + spec.group() + "' but subscribe differently (" + shape(spec) + " vs "
            + shape(earlier.spec()) + "); every member of a group must subscribe alike");
      }
    }
  }

  private static String shape(SubscriptionSpec spec) {
    return "topic " + spec.topic() + ", filter " + spec.filter() + ", " + spec.deliveryMode() + ", " + spec.ordering();
  }

  private static String describe(SubscriptionSpec spec) {
    return "topic '" + spec.topic() + "' as group '" + spec.group() + "'";
  }

  private static String reason(RuntimeException e) {
    if (e instanceof InvalidArgumentException invalid && invalid.field().equals("topic")) {
      return "the topic does not exist (create it on the broker, or list it under rocketport.topics)";
    }
    return String.valueOf(e.getMessage());
  }
}
