package dev.rocketport.bench.faults;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * Ordered publishing over keys {@code k0…k15} in turn from one thread (bodies
 * {@code prefix-key-seq}, every outcome into a {@link Tally}), and the check of what an orderly
 * subscription handed over: per key, the acknowledged messages must first arrive in the order they
 * were sent. What that leaves open is what RocketMQ leaves open: a message whose send had an unknown
 * outcome may arrive anywhere or not at all, and a redelivery after a failover repeats a stretch
 * already seen. Thread-safe.
 */
final class KeyedOrder {
  private static final int KEYS = 16;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
  private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
  private final String prefix;
  private final Thread thread;

  private KeyedOrder(OrderedPublisher publisher, Topic topic, String prefix, Tally tally) {
    this.prefix = prefix;
    thread = new Thread(() -> {
      for (long seq = 0; running.get(); seq++) {
        String key = "k" + (seq % KEYS);
        String body = prefix + "-" + key + "-" + seq;
        var outcome = publisher.send(Message.of(topic, body), ShardingKey.of(key));
        tally.record(body, outcome);
        if (outcome.isRight()) {
          acknowledged.add(body);
        } else {
          LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
      }
    }, "fault-load-" + prefix + "-ordered");
    thread.setDaemon(true);
  }

  static KeyedOrder start(OrderedPublisher publisher, Topic topic, String prefix, Tally tally) {
    KeyedOrder order = new KeyedOrder(publisher, topic, prefix, tally);
    order.thread.start();
    return order;
  }

  /** The orderly subscription's handler: notes each of this load's messages as it arrives, in turn. */
  MessageHandler recorder() {
    return message -> {
      String body = message.bodyAsString();
      if (body.startsWith(prefix + "-k")) {
        int dash = body.lastIndexOf('-');
        String key = body.substring(prefix.length() + 1, dash);
        arrivals.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>())).add(Long.parseLong(body.substring(dash + 1)));
      }
      return HandlerResult.success();
    };
  }

  void stop() throws InterruptedException {
    running.set(false);
    thread.join();
  }

  /** Acknowledged messages that have not arrived yet. */
  long missing() {
    return acknowledged.stream().filter(body -> {
      int dash = body.lastIndexOf('-');
      List<Long> seen = arrivals.get(body.substring(prefix.length() + 1, dash));
      return seen == null || !seen.contains(Long.parseLong(body.substring(dash + 1)));
    }).count();
  }

  /** Keys whose acknowledged messages first arrived out of the order they were sent in, with the sequences. */
  Map<String, List<Long>> outOfOrder() {
    Map<String, List<Long>> violations = new ConcurrentHashMap<>();
    arrivals.forEach((key, seen) -> {
      List<Long> firsts = new ArrayList<>();
      synchronized (seen) {
        seen.stream().distinct().filter(seq -> acknowledged.contains(prefix + "-" + key + "-" + seq))
            .forEach(firsts::add);
      }
      for (int i = 1; i < firsts.size(); i++) {
        if (firsts.get(i) < firsts.get(i - 1)) {
          violations.put(key, firsts);
          break;
        }
      }
    });
    return violations;
  }

  long acknowledgedCount() {
    return acknowledged.size();
  }
}
