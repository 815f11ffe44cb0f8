package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.BatchResult;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.ShardingKey;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The base of an adapter's {@link Publisher} and {@link OrderedPublisher}: every public method admits
 * the message once — the shared {@link PublishChecks}, then a closed runtime, then the adapter's own
 * {@link #admitFurther} — and only an admitted message reaches the adapter's {@code store…} methods.
 * Batches are planned by {@link BatchSend}: the adapter stores one chunk of one topic at a time.
 *
 * <p>Subclasses must be thread-safe and must never throw from the {@code store…} methods for a
 * condition of the broker or the network: those are values. Closing is the adapter's business; the
 * base only refuses sends once {@code closed} reports true.
 */
public abstract class AbstractPublisher implements Publisher, OrderedPublisher {
  private final Capabilities capabilities;
  private final Supplier<Instant> clock;
  private final Admission admission;

  /**
   * @param clock the adapter's notion of now, against which delays are checked
   * @param closed whether the runtime is closed; sends are refused with {@link PublishFailure.Closed} once it is
   */
  protected AbstractPublisher(Capabilities capabilities, Supplier<Instant> clock, BooleanSupplier closed) {
    this.capabilities = capabilities;
    this.clock = clock;
    this.admission = new Admission(closed, this::admitFurther);
  }

  @Override
  public final Either<PublishFailure, SendReceipt> send(Message message) {
    return admit(message, PublishChecks.check(message, capabilities, clock)).flatMap(this::store);
  }

  @Override
  public final Either<PublishFailure, SendReceipt> send(Message message, ShardingKey shardingKey) {
    InvalidArgumentException.requireNonNull(shardingKey, "shardingKey");
    return admit(message, PublishChecks.checkUndelayed(message, capabilities, clock, "OrderedPublisher"))
        .flatMap(m -> storeOrdered(m, shardingKey));
  }

  @Override
  public final CompletionStage<Either<PublishFailure, SendReceipt>> sendAsync(Message message) {
    return admit(message, PublishChecks.check(message, capabilities, clock))
        .fold(refused -> CompletableFuture.completedFuture(Either.left(refused)), this::storeAsync);
  }

  @Override
  public final Option<PublishFailure> sendOneway(Message message) {
    return admit(message, PublishChecks.check(message, capabilities, clock))
        .fold(Option::some, this::storeOneway);
  }

  @Override
  public final BatchResult sendBatch(List<Message> messages) {
    return BatchSend.send(messages, capabilities.maxMessageSize(),
        m -> admit(m, PublishChecks.check(m, capabilities, clock)).swap().toOption(),
        chunk -> storeChunk(chunk.stream().map(messages::get).toList()));
  }

  private Either<PublishFailure, Message> admit(Message message, Option<PublishFailure> invalid) {
    return admission.admit(message, invalid);
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
  protected abstract Option<PublishFailure> storeOneway(Message message);

  /**
   * Stores admitted, undelayed messages of one topic that fit the size limit together, as one batch;
   * returns one result per message, in order.
   */
  protected abstract List<Either<PublishFailure, SendReceipt>> storeChunk(List<Message> chunk);
}
