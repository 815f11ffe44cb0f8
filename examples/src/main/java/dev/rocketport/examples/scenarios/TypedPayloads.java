package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.jackson.JsonCodec;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Headers;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.DeadLetter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Typed payloads: orders published as JSON records through a codec and handled as records; a
 * malformed JSON body from a legacy producer is rejected on its first delivery — dead-lettered with
 * the decoder's reason, not retried for hours.
 */
public final class TypedPayloads implements Scenario {
  /** An order line. */
  public record Line(String sku, int quantity) {}

  /** The event the scenario publishes. */
  public record OrderPlaced(String orderId, List<Line> lines) {}

  private static final JsonCodec<OrderPlaced> ORDERS = JsonCodec.of(OrderPlaced.class);

  @Override
  public String name() {
    return "typed";
  }

  @Override
  public String description() {
    return "JSON records through a codec; an undecodable body is rejected at once, with the reason";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("OrdersJson", 2);
    ConsumerGroup group = ctx.group("billing");
    List<OrderPlaced> sent = List.of(new OrderPlaced("o-1", List.of(new Line("sku-1", 2))),
        new OrderPlaced("o-2", List.of(new Line("sku-2", 1), new Line("sku-3", 5))),
        new OrderPlaced("o-3", List.of()));
    List<OrderPlaced> handled = new CopyOnWriteArrayList<>();
    var spec = SubscriptionSpec.builder(topic, group).build();
    try (var subscription = ctx.messaging().subscriber().subscribe(spec, MessageHandler.typed(ORDERS, (order, m) -> {
      handled.add(order);
      return HandlerResult.success();
    }))) {
      sent.forEach(order -> ctx.messaging().publisher().send(Message.builder(topic).payload(order, ORDERS).build()));
      ctx.messaging().publisher().send(Message.builder(topic).body("{\"orderId\": \"o-4\", \"lines\": [")
          .header(Headers.CONTENT_TYPE, JsonCodec.CONTENT_TYPE).build());
      var admin = ctx.messaging().admin();
      boolean done = ctx.await(Duration.ofSeconds(60),
          () -> handled.size() == 3 && admin.deadLetters(group, 10).get().size() == 1);
      List<DeadLetter> letters = admin.deadLetters(group, 10).get();
      DeadLetter letter = letters.isEmpty() ? null : letters.get(0);
      ctx.say("handled " + handled);
      ctx.say("dead letter: " + (letter == null ? "none" : letter.rejectReason().getOrElse("?") + " after "
          + letter.deliveryAttempts() + " attempt(s)"));
      return Outcome.check(done && handled.containsAll(sent) && letter != null && letter.deliveryAttempts() == 1
          && letter.rejectReason().exists(r -> r.startsWith("undecodable payload: not JSON of")),
          handled.size() + " typed orders handled; the malformed one dead-lettered after "
              + (letter == null ? "?" : letter.deliveryAttempts()) + " attempt, reason kept");
    }
  }
}
