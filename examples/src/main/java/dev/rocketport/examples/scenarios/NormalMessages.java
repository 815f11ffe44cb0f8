package dev.rocketport.examples.scenarios;

import dev.rocketport.examples.Collector;
import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Seed case 1: sync, async and one-way sends. Unlike the seed, the async sends are awaited before
 * anything is closed, so none is lost.
 */
public final class NormalMessages implements Scenario {
  @Override
  public String name() {
    return "normal";
  }

  @Override
  public String description() {
    return "sync, async (every callback awaited) and one-way sends";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic topic = ctx.topic("TopicTest", 4);
    Collector collector = new Collector();
    try (var subscription = ctx.messaging().subscriber()
        .subscribe(SubscriptionSpec.builder(topic, ctx.group("normal")).build(), collector)) {
      var publisher = ctx.messaging().publisher();
      SendReceipt sync = publisher.send(Message.of(topic, "Hello RocketMQ")).getOrElseThrow(this::fail);
      ctx.say("sync send: " + sync.messageId());
      List<CompletableFuture<Either<PublishFailure, SendReceipt>>> async = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        async.add(publisher.sendAsync(Message.of(topic, "Async message " + i)).toCompletableFuture());
      }
      long asyncOk = async.stream().map(CompletableFuture::join).filter(Either::isRight).count();
      ctx.say("async sends completed: " + asyncOk + "/10 (all awaited before going on)");
      boolean onewayHandedOver = publisher.sendOneway(Message.of(topic, "Oneway message")).isRight();
      boolean allArrived = ctx.await(Duration.ofSeconds(60), () -> collector.size() >= 12);
      return Outcome.check(asyncOk == 10 && onewayHandedOver && allArrived,
          "sync id " + sync.messageId().substring(0, 12) + "…, async " + asyncOk + "/10, one-way handed over: "
              + onewayHandedOver + ", received " + collector.size() + "/12");
    }
  }

  private IllegalStateException fail(PublishFailure failure) {
    return new IllegalStateException(failure.description());
  }
}
