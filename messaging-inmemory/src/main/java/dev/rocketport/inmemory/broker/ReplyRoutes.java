package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.Reply;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where replies to in-memory requests go: per request message id, its requester's callback, kept
 * for the request's reply window (as RocketMQ's broker pushes a reply to the client the request
 * names). Thread-safe: the routes are guarded by the broker lock.
 */
public final class ReplyRoutes {
  private final Work work;
  private final BrokerCore core;
  private final Map<String, Consumer<Reply>> routes = new HashMap<>();

  ReplyRoutes(Work work, BrokerCore core) {
    this.work = work;
    this.core = core;
  }

  /**
   * Routes a reply to the message {@code messageId} to {@code requester} for {@code window}, after
   * which a reply is dropped. Under the broker lock, together with the {@code accept} of the request,
   * so that no handler can answer before the route exists.
   */
  public void expect(String messageId, Consumer<Reply> requester, Duration window) {
    routes.put(messageId, requester);
    core.at(core.now().plus(window), () -> routes.remove(messageId));
  }

  /** Hands {@code reply} to the requester of {@code messageId}; false if that is not a routed request. */
  public boolean reply(String messageId, Reply reply) {
    Consumer<Reply> requester;
    work.lock.lock();
    try {
      requester = routes.get(messageId);
    } finally {
      work.lock.unlock();
    }
    if (requester == null) {
      return false;
    }
    requester.accept(reply);
    return true;
  }
}
