package dev.rocketport.middleware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.inmemory.broker.InMemoryConfig;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.interception.Interceptors;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The built-in middleware on the in-memory adapter (virtual clock). */
class BuiltInMiddlewareTest {
  private static final Duration PATIENCE = Duration.ofHours(1);

  private static InMemoryMessaging runtime(Interceptors interceptors) {
    return InMemoryMessaging.virtualClock(InMemoryConfig.defaults(), interceptors);
  }

  private static Topic topic(InMemoryMessaging messaging, String name) {
    return messaging.admin().createTopic(Topic.of(name), 2).get();
  }

  @Test
  void correlationAndCausationIdsFollowTheChainOfHandledMessages() {
    Map<String, ReceivedMessage> seen = new ConcurrentHashMap<>();
    try (InMemoryMessaging messaging = runtime(CorrelationIds.interceptors())) {
      Topic orders = topic(messaging, "orders");
      Topic invoices = topic(messaging, "invoices");
      Topic mails = topic(messaging, "mails");
      messaging.subscriber().subscribe(SubscriptionSpec.builder(orders, ConsumerGroup.of("billing")).build(), m -> {
        seen.put("order", m);
        messaging.publisher().send(Message.of(invoices, "invoice"));
        return HandlerResult.success();
      });
      messaging.subscriber().subscribe(SubscriptionSpec.builder(invoices, ConsumerGroup.of("mailer")).build(), m -> {
        seen.put("invoice", m);
        messaging.publisher().sendAsync(Message.of(mails, "mail"));
        return HandlerResult.success();
      });
      messaging.subscriber().subscribe(SubscriptionSpec.builder(mails, ConsumerGroup.of("outbox")).build(), m -> {
        seen.put("mail", m);
        return HandlerResult.success();
      });
      String orderId = messaging.publisher().send(Message.of(orders, "order")).get().messageId();
      assertTrue(messaging.broker().advanceUntil(() -> seen.size() == 3, PATIENCE), "all three handled: " + seen.keySet());
      assertTrue(seen.get("order").header(CorrelationIds.CORRELATION_ID).isEmpty(), "nothing stamps a send outside a handler");
      assertEquals(orderId, seen.get("invoice").header(CorrelationIds.CORRELATION_ID).get());
      assertEquals(orderId, seen.get("invoice").header(CorrelationIds.CAUSATION_ID).get());
      assertEquals(orderId, seen.get("mail").header(CorrelationIds.CORRELATION_ID).get());
      assertEquals(seen.get("invoice").messageId(), seen.get("mail").header(CorrelationIds.CAUSATION_ID).get());
      assertTrue(CorrelationIds.current().isEmpty(), "no context leaks to the caller's thread");
    }
  }

  @Test
  void theMdcNamesTheMessageWhileItsHandlerRunsAndIsRestoredAfter() {
    Map<String, String> during = new ConcurrentHashMap<>();
    List<Map<String, String>> after = new CopyOnWriteArrayList<>();
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    try (InMemoryMessaging messaging = runtime(Interceptors.builder().handler(new MdcContext())
        .handler((context, messages, next) -> {
          HandlerResult result = next.handle(messages);
          var left = MDC.getCopyOfContextMap();
          after.add(left == null ? Map.of() : left);
          return result;
        }).build())) {
      Topic topic = topic(messaging, "logged");
      messaging.subscriber().subscribe(SubscriptionSpec.builder(topic, ConsumerGroup.of("loggers")).build(), m -> {
        during.putAll(MDC.getCopyOfContextMap());
        return HandlerResult.success();
      });
      String id = messaging.publisher().send(Message.builder(topic).body("log me")
          .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01").build()).get().messageId();
      assertTrue(messaging.broker().advanceUntil(() -> !during.isEmpty(), PATIENCE));
      assertEquals(Map.of("messageId", id, "topic", "logged", "group", "loggers", "attempt", "1", "traceId", traceId),
          during);
      assertTrue(messaging.broker().advanceUntil(() -> after.size() == 1, PATIENCE));
    }
    assertTrue(MdcContext.traceId("garbage").isEmpty());
  }
}
