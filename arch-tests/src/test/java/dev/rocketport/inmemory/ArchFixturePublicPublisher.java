package dev.rocketport.inmemory;

import dev.rocketport.messaging.BatchResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.SendReceipt;
import io.vavr.control.Either;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Breaks "adapter internals are hidden" on purpose; only {@code RulesCanFailTest} imports it. */
public final class ArchFixturePublicPublisher implements Publisher {
  @Override
  public Either<PublishFailure, SendReceipt> send(Message message) {
    return Either.left(new PublishFailure.Closed("fixture"));
  }

  @Override
  public CompletionStage<Either<PublishFailure, SendReceipt>> sendAsync(Message message) {
    return java.util.concurrent.CompletableFuture.completedFuture(send(message));
  }

  @Override
  public Either<PublishFailure, dev.rocketport.messaging.Dispatched> sendOneway(Message message) {
    return send(message).map(r -> new dev.rocketport.messaging.Dispatched(r.messageId(), r.topic()));
  }

  @Override
  public BatchResult sendBatch(List<Message> messages) {
    return new BatchResult(List.of(send(messages.get(0))));
  }
}
