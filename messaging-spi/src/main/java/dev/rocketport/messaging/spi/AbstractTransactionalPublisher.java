package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.LocalTransaction;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.TransactionCheck;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionOutcome;
import dev.rocketport.messaging.TransactionResult;
import dev.rocketport.messaging.TransactionalPublisher;
import dev.rocketport.messaging.interception.PublishMode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The base of an adapter's {@link TransactionalPublisher}: runs the runtime's publish interceptors
 * around each send ({@code TRANSACTIONAL} mode), admits the message once (the shared
 * checks for an undelayed message, a closed runtime, the adapter's {@link #admitFurther}) before
 * the adapter stores the half message, and owns the rules for calling application code —
 * {@link #runLocal} and {@link #askChecker}: a throw or a {@code null} outcome is {@code UNKNOWN},
 * left to a later check-back. Subclasses must be thread-safe; closing is theirs.
 */
public abstract class AbstractTransactionalPublisher implements TransactionalPublisher {
  private static final Logger LOG = LoggerFactory.getLogger(AbstractTransactionalPublisher.class);

  /** What a local transaction decided, and why it could not decide if it threw or returned null. */
  public record Decision(TransactionOutcome outcome, Option<String> failure) {}

  private final Capabilities capabilities;
  private final Supplier<Instant> clock;
  private final Admission admission;
  private final PublishInterception interception;

  protected AbstractTransactionalPublisher(AdapterContext context) {
    this.capabilities = context.capabilities();
    this.clock = context.clock();
    this.admission = new Admission(context.closed(), this::admitFurther);
    this.interception = new PublishInterception(context.interceptors().publishInterceptors());
  }

  @Override
  public final Either<PublishFailure, TransactionResult> sendInTransaction(Message message,
      LocalTransaction localTransaction) {
    InvalidArgumentException.requireNonNull(localTransaction, "localTransaction");
    if (interception.isEmpty()) {
      return send(message, localTransaction);
    }
    PublishInterception.Pass pass = interception.before(
        InvalidArgumentException.requireNonNull(message, "message"), PublishMode.TRANSACTIONAL);
    Either<PublishFailure, TransactionResult> outcome = pass.refusal().isDefined()
        ? Either.left(pass.refusal().get()) : send(pass.message(), localTransaction);
    interception.after(pass, outcome.map(TransactionResult::receipt));
    return outcome;
  }

  private Either<PublishFailure, TransactionResult> send(Message message, LocalTransaction localTransaction) {
    return admission.admit(message,
            PublishChecks.checkUndelayed(message, capabilities, clock, "TransactionalPublisher"))
        .flatMap(m -> storeInTransaction(m, localTransaction));
  }

  /** The adapter's own refusal of a valid message (a topic it knows is missing, say); none by default. */
  protected Option<PublishFailure> admitFurther(Message message) {
    return Option.none();
  }

  /**
   * Stores {@code message} as a half message, runs {@code localTransaction} through {@link #runLocal}
   * once it is stored (never if it is not), and ends the transaction with the decision.
   */
  protected abstract Either<PublishFailure, TransactionResult> storeInTransaction(Message message,
      LocalTransaction localTransaction);

  /** Runs the application's local transaction: a throw or a null outcome is {@code UNKNOWN}, with the reason. */
  protected static Decision runLocal(LocalTransaction local, Message message, String transactionId) {
    try {
      TransactionOutcome outcome = local.execute(message, transactionId);
      return outcome != null ? new Decision(outcome, Option.none())
          : new Decision(TransactionOutcome.UNKNOWN, Option.some("local transaction returned null"));
    } catch (Exception e) {
      LOG.warn("local transaction {} threw; the checker will decide", transactionId, e);
      return new Decision(TransactionOutcome.UNKNOWN, Option.some(String.valueOf(e)));
    }
  }

  /** Asks the application's checker: a throw or a null answer is {@code UNKNOWN} (it will be asked again). */
  protected static TransactionOutcome askChecker(TransactionChecker checker, TransactionCheck check) {
    try {
      TransactionOutcome outcome = checker.check(check);
      return outcome != null ? outcome : TransactionOutcome.UNKNOWN;
    } catch (Exception e) {
      LOG.warn("transaction checker threw for {}; will be asked again", check.transactionId(), e);
      return TransactionOutcome.UNKNOWN;
    }
  }
}
