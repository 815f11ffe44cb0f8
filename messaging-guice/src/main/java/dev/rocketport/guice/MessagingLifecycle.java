package dev.rocketport.guice;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Messaging;
import java.util.ArrayDeque;
import java.util.Deque;
import org.jspecify.annotations.Nullable;

/**
 * Closes an application's messaging resources in order: everything registered with
 * {@link #register} (subscriptions, say) in reverse order of registration, then the
 * {@link Messaging} runtime, which drains asynchronous sends before closing its clients.
 *
 * <p>It exists beside {@link Messaging#close()} because it also closes what the application registered
 * (subscriptions, say) first, in reverse order — the Guice module binds one per injector.
 *
 * <p>Thread-safe; {@link #close()} is idempotent, and a failure closing one resource does not stop
 * the others (the first failure is rethrown after all were tried). Resources registered after close
 * are closed at once.
 */
public final class MessagingLifecycle implements AutoCloseable {
  private final Messaging messaging;
  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private boolean closed;

  public MessagingLifecycle(Messaging messaging) {
    this.messaging = InvalidArgumentException.requireNonNull(messaging, "messaging");
  }

  public Messaging messaging() {
    return messaging;
  }

  /** Registers {@code resource} to be closed before the runtime; returns it. */
  public <T extends AutoCloseable> T register(T resource) {
    boolean closeNow;
    synchronized (this) {
      closeNow = closed;
      if (!closeNow) {
        resources.push(resource);
      }
    }
    if (closeNow) {
      closeQuietly(resource, null);
    }
    return resource;
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    Deque<AutoCloseable> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayDeque<>(resources);
      resources.clear();
    }
    @Nullable RuntimeException first = null;
    for (AutoCloseable resource : toClose) {
      first = closeQuietly(resource, first);
    }
    first = closeQuietly(messaging, first);
    if (first != null) {
      throw first;
    }
  }

  private static @Nullable RuntimeException closeQuietly(AutoCloseable resource, @Nullable RuntimeException first) {
    try {
      resource.close();
      return first;
    } catch (Exception e) {
      RuntimeException wrapped = e instanceof RuntimeException r ? r : new IllegalStateException(e);
      if (first == null) {
        return wrapped;
      }
      first.addSuppressed(wrapped);
      return first;
    }
  }
}
