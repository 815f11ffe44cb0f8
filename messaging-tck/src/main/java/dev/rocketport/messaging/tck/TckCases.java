package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.UnsupportedFeatureException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;

/**
 * Base of every group of conformance cases: access to the shared {@link TckContext} and small
 * helpers. Each nested class of {@link MessagingConformanceSuite} extends one subclass and declares
 * nothing else; the suite's resolver supplies the context.
 */
public abstract class TckCases {
  private TckContext context;

  @BeforeEach
  void bindContext(TckContext context) {
    this.context = context.forCase();
  }

  /** This case's view of the suite's shared context (bound before each case). */
  protected TckContext ctx() {
    return context;
  }

  @AfterEach
  void closeCaseResources() {
    ctx().afterCase();
  }

  protected Messaging messaging() {
    return ctx().messaging();
  }

  protected Publisher publisher() {
    return messaging().publisher();
  }

  protected Inbox inbox() {
    return new Inbox(ctx().fixture()::now);
  }

  /** A spec for a fresh group on {@code topic}, closing within 10 s. */
  protected SubscriptionSpec.Builder spec(Topic topic) {
    return SubscriptionSpec.builder(topic, ctx().group()).closeTimeout(Duration.ofSeconds(10));
  }

  protected Subscription subscribe(SubscriptionSpec spec, Inbox inbox) {
    return ctx().track(messaging().subscriber().subscribe(spec, inbox.handler()));
  }

  protected Subscription subscribe(SubscriptionSpec.Builder spec, Inbox inbox) {
    return subscribe(spec.build(), inbox);
  }

  /**
   * The fail-fast form of a case about an optional {@code feature}: if the adapter lacks it, asserts
   * that {@code attempt} throws {@link UnsupportedFeatureException} naming it and returns true (the
   * case ends there); if the adapter has it, returns false and the case goes on.
   */
  protected boolean refusedWithout(Feature feature, Executable attempt) {
    if (messaging().capabilities().supports(feature)) {
      return false;
    }
    UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, attempt,
        () -> messaging().capabilities().adapter() + " lacks " + feature + " but did not refuse it");
    assertEquals(feature, e.feature());
    return true;
  }

  protected static Message text(Topic topic, String body) {
    return Message.of(topic, body);
  }
}
