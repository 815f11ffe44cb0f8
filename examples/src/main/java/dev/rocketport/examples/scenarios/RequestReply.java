package dev.rocketport.examples.scenarios;

import java.util.Set;
import dev.rocketport.messaging.Feature;
import dev.rocketport.examples.Scenario;
import dev.rocketport.examples.ScenarioContext;
import dev.rocketport.jackson.JsonCodec;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.Reply;
import dev.rocketport.messaging.RequestFailure;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Request-reply: a price service answers quote requests (JSON both ways) through a subscription
 * whose handler returns the reply; five concurrent requests each get their own answer. A request
 * nobody answers fails with a typed timeout.
 */
public final class RequestReply implements Scenario {
  /** What the requester asks. */
  public record QuoteRequest(String sku, int quantity) {}

  /** What the price service answers. */
  public record Quote(String sku, long totalCents) {}

  private static final JsonCodec<QuoteRequest> REQUESTS = JsonCodec.of(QuoteRequest.class);
  private static final JsonCodec<Quote> QUOTES = JsonCodec.of(Quote.class);

  @Override
  public String name() {
    return "request-reply";
  }

  @Override
  public Set<Feature> requires() {
    return Set.of(Feature.REQUEST_REPLY);
  }

  @Override
  public String description() {
    return "five concurrent quote requests answered by a replying handler; an unanswered one times out";
  }

  @Override
  public Outcome run(ScenarioContext ctx) {
    Topic prices = ctx.topic("PriceRequests", 2);
    var spec = SubscriptionSpec.builder(prices, ctx.group("price-service")).build();
    try (var service = ctx.messaging().subscriber().subscribe(spec, MessageHandler.typed(REQUESTS, (request, m) ->
        HandlerResult.reply(Reply.of(new Quote(request.sku(), 250L * request.quantity()), QUOTES))))) {
      var requester = ctx.messaging().requester();
      List<CompletableFuture<Either<RequestFailure, Reply>>> asked = List.of(1, 2, 3, 4, 5).stream()
          .map(n -> requester.request(Message.builder(prices).payload(new QuoteRequest("sku-" + n, n), REQUESTS)
              .build(), Duration.ofSeconds(30)).toCompletableFuture()).toList();
      boolean answered = ctx.await(Duration.ofSeconds(60), () -> asked.stream().allMatch(CompletableFuture::isDone));
      List<Quote> quotes = asked.stream().map(CompletableFuture::join)
          .map(r -> r.flatMap(reply -> reply.payload(QUOTES).mapLeft(d -> (RequestFailure) null)).getOrNull())
          .toList();
      ctx.say("quotes: " + quotes);
      boolean matched = true;
      for (int n = 1; n <= 5; n++) {
        matched &= new Quote("sku-" + n, 250L * n).equals(quotes.get(n - 1));
      }
      Topic nobody = ctx.topic("UnansweredRequests", 1);
      var unanswered = requester.request(Message.of(nobody, "anyone?"), Duration.ofSeconds(2)).toCompletableFuture();
      boolean timedOut = ctx.await(Duration.ofSeconds(30), unanswered::isDone)
          && unanswered.join().fold(f -> f instanceof RequestFailure.TimedOut, reply -> false);
      ctx.say("unanswered request: " + unanswered.join().fold(RequestFailure::description, Reply::toString));
      return Outcome.check(answered && matched && timedOut && requester.pending() == 0,
          "5 of 5 replies matched to their requests; the unanswered request failed typed: TimedOut after 2 s");
    }
  }
}
