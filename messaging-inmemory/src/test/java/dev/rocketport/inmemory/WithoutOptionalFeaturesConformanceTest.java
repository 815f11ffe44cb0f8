package dev.rocketport.inmemory;

import dev.rocketport.messaging.BatchMessageHandler;
import dev.rocketport.messaging.BatchResult;
import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Dispatched;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.TransactionalPublisher;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.messaging.health.HealthCheck;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.spi.CapabilityChecks;
import dev.rocketport.messaging.spi.SubscribeChecks;
import dev.rocketport.messaging.spi.UnavailableRequester;
import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.messaging.tck.MessagingConformanceSuite;
import io.vavr.control.Either;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The whole conformance suite on an adapter that lacks the optional {@link dev.rocketport.messaging.Feature}s
 * a proxy-only gRPC deployment lacks, and SQL filters — the in-memory one, declaring only
 * {@code ADMIN} and failing fast as such an adapter must: proof that the suite's capability branches
 * are real and that an adapter without those features can pass it.
 */
class WithoutOptionalFeaturesConformanceTest extends MessagingConformanceSuite {

  @Override
  protected AdapterFixture createFixture() {
    return new InMemoryFixture() {
      @Override
      public Messaging newMessaging(Interceptors interceptors) {
        return new WithoutOptionalFeatures(super.newMessaging(interceptors));
      }
    };
  }

  /** A runtime declaring no optional feature: subscriptions are checked against that before they start. */
  private static final class WithoutOptionalFeatures implements Messaging, Subscriber {
    private final Messaging delegate;
    private final Capabilities capabilities;
    private final Publisher publisher;

    WithoutOptionalFeatures(Messaging delegate) {
      this.delegate = delegate;
      Capabilities full = delegate.capabilities();
      this.capabilities = new Capabilities(full.adapter() + " without optional features",
          EnumSet.of(Feature.ADMIN), full.maxMessageSize(), full.maxDelay(), full.retryLadder());
      this.publisher = new WithoutBatches(delegate.publisher(), capabilities);
    }

    @Override
    public Subscription subscribe(SubscriptionSpec spec, MessageHandler handler) {
      SubscribeChecks.check(spec, handler, capabilities, false, java.time.Instant.now());
      return delegate.subscriber().subscribe(spec, handler);
    }

    @Override
    public Subscription subscribeBatch(SubscriptionSpec spec, BatchMessageHandler handler) {
      SubscribeChecks.check(spec, handler, capabilities, false, java.time.Instant.now());
      return delegate.subscriber().subscribeBatch(spec, handler);
    }

    @Override
    public Publisher publisher() {
      return publisher;
    }

    @Override
    public OrderedPublisher orderedPublisher() {
      return delegate.orderedPublisher();
    }

    @Override
    public TransactionalPublisher transactionalPublisher(ProducerGroup group, TransactionChecker checker) {
      return delegate.transactionalPublisher(group, checker);
    }

    @Override
    public Subscriber subscriber() {
      return this;
    }

    @Override
    public dev.rocketport.messaging.Requester requester() {
      return new UnavailableRequester(capabilities);
    }

    @Override
    public MessagingAdmin admin() {
      return delegate.admin();
    }

    @Override
    public Capabilities capabilities() {
      return capabilities;
    }

    @Override
    public HealthCheck healthCheck() {
      return delegate.healthCheck();
    }

    @Override
    public void close() {
      delegate.close();
    }
  }

  /** A publisher refusing batches, as an adapter without {@link Feature#BATCH_SEND} must. */
  private record WithoutBatches(Publisher delegate, Capabilities capabilities) implements Publisher {
    @Override
    public Either<PublishFailure, SendReceipt> send(Message message) {
      return delegate.send(message);
    }

    @Override
    public CompletionStage<Either<PublishFailure, SendReceipt>> sendAsync(Message message) {
      return delegate.sendAsync(message);
    }

    @Override
    public Either<PublishFailure, Dispatched> sendOneway(Message message) {
      return delegate.sendOneway(message);
    }

    @Override
    public BatchResult sendBatch(List<Message> messages) {
      CapabilityChecks.require(capabilities, Feature.BATCH_SEND, "Publisher.sendBatch");
      return delegate.sendBatch(messages);
    }
  }
}
