package dev.rocketport.bench.faults;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Scenario e: asynchronous sends are started as fast as the runtime admits them and the runtime is
 * closed while they are in flight. Every stage must complete (acknowledged or failed, none left
 * hanging) by the time {@code close()} returns, and every acknowledged message must be stored.
 * Recovery is how long {@code close()} took.
 */
final class CloseUnderLoadScenario {
  private CloseUnderLoadScenario() {}

  /**
   * @param runtimes opens a runtime on the broker under test (called twice: the closed one, then the auditor)
   */
  static FaultRow run(String adapter, Supplier<Messaging> runtimes, Topic topic, FaultSizes sizes) throws Exception {
    Tally tally = new Tally();
    List<CompletableFuture<Either<PublishFailure, SendReceipt>>> stages = new ArrayList<>(sizes.asyncInFlight());
    Messaging messaging = runtimes.get();
    for (int i = 0; i < sizes.asyncInFlight(); i++) {
      String body = "e-" + i;
      stages.add(messaging.publisher().sendAsync(Message.of(topic, body)).toCompletableFuture()
          .whenComplete((outcome, error) -> {
            if (error == null) {
              tally.record(body, outcome);
            }
          }));
    }
    long inFlight = stages.stream().filter(s -> !s.isDone()).count();
    long closing = System.nanoTime();
    messaging.close();
    Duration closeTook = Duration.ofNanos(System.nanoTime() - closing);
    long pending = stages.stream().filter(s -> !s.isDone()).count();
    if (pending > 0) {
      throw new IllegalStateException(pending + " send stages still pending after close() returned");
    }
    // a stage completed exceptionally breaks the publisher's contract: this throws
    CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).get(1, TimeUnit.SECONDS);
    Map<String, Integer> stored;
    try (Messaging auditor = runtimes.get()) {
      stored = Audit.stored(auditor, topic, tally.acknowledged(), Duration.ofSeconds(120));
    }
    return FaultRow.of("e. close under load", adapter, tally, stored, closeTook,
        inFlight + " in flight at close; failures " + tally.failureKinds());
  }
}
