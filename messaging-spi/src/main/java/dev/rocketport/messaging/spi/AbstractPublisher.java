package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.BatchResult;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Dispatched;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import dev.rocketport.messaging.interception.PublishMode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The base of an adapter's {@link Publisher} and {@link OrderedPublisher}: every public method runs
 * the runtime's {@link dev.rocketport.messaging.interception.PublishInterceptor}s around the publish, and admits
 * the message once — the shared {@link PublishChecks}, then a closed runtime, then the adapter's own
 * {@link #admitFurther} — before it reaches the adapter's {@code store…} methods. Batches are planned
 * by {@link BatchSend}: the adapter stores one chunk of one topic at a time.
 *
 * <p>Subclasses must be thread-safe and must never throw from the {@code store…} methods for a
 * condition of the broker or the network: those are values. Closing is the adapter's business; the
 * base only refuses sends once {@code closed} reports true.
 */
public abstract class AbstractPublisher implements Publisher, OrderedPublisher {
  private final Capabilities capabilities;
  private final Supplier<Instant> clock;
  private final Admission admission;
  private final PublishInterception interception;

  /** Sends are refused with {@link PublishFailure.Closed} once the context's runtime is closed. */
  protected AbstractPublisher(AdapterContext context) {
    this.capabilities = context.capabilities();
    this.clock = context.clock();
    this.admission = new Admission(context.closed(), this::admitFurther);
    this.interception = new PublishInterception(context.interceptors().publishInterceptors());
  }

  @Override
  public final Either<PublishFailure, SendReceipt> send(Message message) {
    return intercepted(message, PublishMode.SYNC, m -> admit(m).flatMap(this::store));
  }

  @Override
  public final Either<PublishFailure, SendReceipt> send(Message message, ShardingKey shardingKey) {
    InvalidArgumentException.requireNonNull(shardingKey, "shardingKey");
    return intercepted(message, PublishMode.ORDERED,
        m -> admission.admit(m, PublishChecks.checkUndelayed(m, capabilities, clock, "OrderedPublisher"))
            .flatMap(admitted -> storeOrdered(admitted, shardingKey)));
  }

  @Override
  public final CompletionStage<Either<PublishFailure, SendReceipt>> sendAsync(Message message) {
    if (interception.isEmpty()) {
      return admit(message).fold(refused -> CompletableFuture.completedFuture(Either.left(refused)), this::storeAsync);
    }
    PublishInterception.Pass pass = interception.before(required(message), PublishMode.ASYNC);
    CompletionStage<Either<PublishFailure, SendReceipt>> sent = pass.refusal()
        .map(refused -> (CompletionStage<Either<PublishFailure, SendReceipt>>) CompletableFuture.completedFuture(
            Either.<PublishFailure, SendReceipt>left(refused)))
        .getOrElse(() -> admit(pass.message())
            .fold(refused -> CompletableFuture.completedFuture(Either.left(refused)), this::storeAsync));
    return sent.thenApply(outcome -> {
      interception.after(pass, outcome);
      return outcome;
    });
  }

  @Override
  public final Either<PublishFailure, Dispatched> sendOneway(Message message) {
    if (interception.isEmpty()) {
      return admit(message).flatMap(this::storeOneway);
    }
    PublishInterception.Pass pass = interception.before(required(message), PublishMode.ONEWAY);
    Either<PublishFailure, Dispatched> outcome = pass.refusal().<Either<PublishFailure, Dispatched>>map(Either::left)
        .getOrElse(() -> admit(pass.message()).flatMap(this::storeOneway));
    interception.after(pass, outcome.swap().toOption(), Option.none());
    return outcome;
  }

  @Override
  public final BatchResult sendBatch(List<Message> messages) {
    CapabilityChecks.require(capabilities, Feature.BATCH_SEND, "Publisher.sendBatch");
    if (interception.isEmpty()) {
      return BatchSend.send(messages, capabilities.maxMessageSize(), m -> admit(m).swap().toOption(),
          chunk -> storeChunk(chunk.stream().map(messages::get).toList()));
    }
    PublishChecks.checkBatchShape(messages);
    List<PublishInterception.Pass> passes = new ArrayList<>(messages.size());
    Map<Message, PublishFailure> refused = new IdentityHashMap<>();
    for (Message message : messages) {
      PublishInterception.Pass pass = interception.before(message, PublishMode.BATCH);
      passes.add(pass);
      pass.refusal().forEach(failure -> refused.put(pass.message(), failure));
    }
    List<Message> sent = passes.stream().map(PublishInterception.Pass::message).toList();
    BatchResult result = BatchSend.send(sent, capabilities.maxMessageSize(),
        m -> refused.containsKey(m) ? Option.of(refused.get(m)) : admit(m).swap().toOption(),
        chunk -> storeChunk(chunk.stream().map(sent::get).toList()));
    for (int i = 0; i < passes.size(); i++) {
      interception.after(passes.get(i), result.entries().get(i));
    }
    return result;
  }

  private Either<PublishFailure, SendReceipt> intercepted(Message message, PublishMode mode,
      Function<Message, Either<PublishFailure, SendReceipt>> send) {
    if (interception.isEmpty()) {
      return send.apply(message);
    }
    PublishInterception.Pass pass = interception.before(required(message), mode);
    Either<PublishFailure, SendReceipt> outcome = pass.refusal().isDefined() ? Either.left(pass.refusal().get())
        : send.apply(pass.message());
    interception.after(pass, outcome);
    return outcome;
  }

  private static Message required(Message message) {
    return InvalidArgumentException.requireNonNull(message, "message");
  }

  private Either<PublishFailure, Message> admit(Message message) {
    return admission.admit(message, PublishChecks.check(message, capabilities, clock));
  }

  /** The adapter's own refusal of a valid message (a topic it knows is missing, say); none by default. */
  protected Option<PublishFailure> admitFurther(Message message) {
    return Option.none();
  }

  /** Stores an admitted message and waits for the outcome, at most the send timeout. */
  protected abstract Either<PublishFailure, SendReceipt> store(Message message);

  /** Stores an admitted, undelayed message in the queue {@code shardingKey} selects. */
  protected abstract Either<PublishFailure, SendReceipt> storeOrdered(Message message, ShardingKey shardingKey);

  /** Stores an admitted message without waiting; the stage must complete normally, with the outcome. */
  protected abstract CompletionStage<Either<PublishFailure, SendReceipt>> storeAsync(Message message);

  /** Hands an admitted message over without an acknowledgement; the failure that kept it from leaving, if any. */
  protected abstract Either<PublishFailure, Dispatched> storeOneway(Message message);

  /**
   * Stores admitted, undelayed messages of one topic that fit the size limit together, as one batch;
   * returns one result per message, in order.
   */
  protected abstract List<Either<PublishFailure, SendReceipt>> storeChunk(List<Message> chunk);
}
