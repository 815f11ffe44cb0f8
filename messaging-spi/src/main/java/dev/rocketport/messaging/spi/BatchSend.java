package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.BatchResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The shape of {@code Publisher.sendBatch} shared by every adapter: whole-batch rejections, per-entry
 * checks, splitting under the size limit, and per-entry results put back in order. The adapter
 * supplies how one entry is admitted and how one chunk is sent. For adapter authors.
 */
public final class BatchSend {
  private BatchSend() {}

  /** Sends one chunk (indexes into the batch); returns one result per index, in order. */
  @FunctionalInterface
  public interface ChunkSender {
    List<Either<PublishFailure, SendReceipt>> send(List<Integer> chunk);
  }

  public static BatchResult send(List<Message> messages, int sizeLimit,
      Function<Message, Option<PublishFailure>> admit, ChunkSender sender) {
    Option<PublishFailure> shape = PublishChecks.checkBatchShape(messages);
    @SuppressWarnings("unchecked")
    Either<PublishFailure, SendReceipt>[] results = new Either[messages.size()];
    if (shape.isDefined()) {
      Arrays.fill(results, Either.left(shape.get()));
      return new BatchResult(Arrays.asList(results));
    }
    List<Integer> valid = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      Option<PublishFailure> refused = admit.apply(messages.get(i));
      if (refused.isDefined()) {
        results[i] = Either.left(refused.get());
      } else {
        valid.add(i);
      }
    }
    for (List<Integer> chunk : BatchPlanner.chunks(messages, valid, sizeLimit)) {
      List<Either<PublishFailure, SendReceipt>> sent = sender.send(chunk);
      for (int i = 0; i < chunk.size(); i++) {
        results[chunk.get(i)] = sent.get(i);
      }
    }
    return new BatchResult(Arrays.asList(results));
  }
}
