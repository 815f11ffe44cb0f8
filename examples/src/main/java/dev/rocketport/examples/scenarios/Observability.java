package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.examples.SpanCollector;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.health.Health;
import dev.rocketport.middleware.CorrelationIds;
import io.micrometer.core.instrument.search.Search;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * See inside a chain: an order is handled by billing, whose handler publishes an invoice, handled by
 * a mailer. The invoice carries the order's id as correlation and causation id; the runtime's meters
 * count the publishes and handler calls; the four spans (send, process, send, process) form one
 * trace, printed as a tree; the health check lists both subscriptions. (The composition root
 * installed tracing, the meters, the correlation ids and the MDC middleware.)
 */
public final class Observability implements Scenario {
  @Override
  public String name() {
    return "observability";
  }

  @Override
  public String description() {
    return "publish → handle → publish: correlation ids carried, meters counted, health reported";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic orders = ctx.topic("ObsOrders", 2);
    Topic invoices = ctx.topic("ObsInvoices", 2);
    AtomicReference<ReceivedMessage> invoice = new AtomicReference<>();
    var subscriber = ctx.messaging().subscriber();
    try (var billing = subscriber.subscribe(SubscriptionSpec.builder(orders, ctx.group("billing")).build(), order -> {
          ctx.messaging().publisher().send(Message.of(invoices, "invoice for " + order.bodyAsString()));
          return HandlerResult.success();
        });
        var mailer = subscriber.subscribe(SubscriptionSpec.builder(invoices, ctx.group("mailer")).build(), m -> {
          invoice.set(m);
          return HandlerResult.success();
        })) {
      String orderId = ctx.messaging().publisher().send(Message.of(orders, "order 42")).get().messageId();
      boolean arrived = ctx.await(Duration.ofSeconds(60), () -> invoice.get() != null);
      if (!arrived) {
        return Outcome.check(false, "the invoice never arrived");
      }
      ReceivedMessage received = Objects.requireNonNull(invoice.get());
      String correlation = received.header(CorrelationIds.CORRELATION_ID).getOrElse("none");
      String causation = received.header(CorrelationIds.CAUSATION_ID).getOrElse("none");
      ctx.say("invoice " + received.messageId() + ": correlation-id " + correlation + ", causation-id " + causation);
      long published = count(Search.in(ctx.meters()).name("rocketport.publish").tag("outcome", "success")
          .tag("topic", orders.name())) + count(Search.in(ctx.meters()).name("rocketport.publish")
          .tag("outcome", "success").tag("topic", invoices.name()));
      boolean handled = ctx.await(Duration.ofSeconds(10), () -> count(Search.in(ctx.meters()).name("rocketport.handle")
          .tag("verdict", "success").tag("topic", invoices.name())) == 1);
      long handleCalls = count(Search.in(ctx.meters()).name("rocketport.handle").tag("verdict", "success")
          .tag("topic", orders.name())) + (handled ? 1 : 0);
      ctx.say("meters: rocketport.publish (success) " + published + ", rocketport.handle (success) " + handleCalls);
      boolean traced = ctx.await(Duration.ofSeconds(10),
          () -> !ctx.spans().named("process " + invoices.name()).isEmpty());
      String traceId = traced ? ctx.spans().named("process " + invoices.name()).get(0).getTraceId() : "none";
      var trace = ctx.spans().trace(traceId);
      SpanCollector.tree(trace).forEach(line -> ctx.say("trace " + traceId.substring(0, 8) + ": " + line));
      Health health = ctx.messaging().healthCheck().check();
      long subscriptions = health.components().stream().filter(c -> c.name().startsWith("subscription")).count();
      health.components().forEach(c -> ctx.say("health: " + c.name() + " " + c.status() + " — " + c.detail()));
      boolean correlated = correlation.equals(orderId) && causation.equals(orderId);
      boolean oneTrace = trace.size() == 4 && SpanCollector.tree(trace).size() == 4
          && SpanCollector.tree(trace).get(3).startsWith("      process ");
      return Outcome.check(correlated && published == 2 && handleCalls == 2 && oneTrace
              && health.status() == Health.Status.UP && subscriptions >= 2 && billing.isActive() && mailer.isActive(),
          "correlated: " + correlated + "; published " + published + ", handled " + handleCalls + "; one trace of "
              + trace.size() + " spans, 4 deep: " + oneTrace + "; health " + health.status() + ", "
              + subscriptions + " subscriptions");
    }
  }

  private static long count(Search search) {
    var timer = search.timer();
    return timer == null ? 0 : timer.count();
  }
}
