package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.interception.PublishEvent;
import dev.rocketport.messaging.interception.PublishInterceptor;
import dev.rocketport.messaging.interception.PublishMode;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a runtime's {@link PublishInterceptor}s around one publish, as that interface promises:
 * {@code beforePublish} in order until one refuses (or throws), {@code afterPublish} in reverse order
 * for every interceptor asked. Immutable; thread-safe.
 */
final class PublishInterception {
  private static final Logger LOG = LoggerFactory.getLogger(PublishInterception.class);

  /** A publish on its way: the message as the interceptors left it, a refusal if any, and how many were asked. */
  record Pass(Message message, PublishMode mode, Option<PublishFailure> refusal, int asked, long startNanos) {}

  private final List<PublishInterceptor> interceptors;

  PublishInterception(List<PublishInterceptor> interceptors) {
    this.interceptors = List.copyOf(interceptors);
  }

  boolean isEmpty() {
    return interceptors.isEmpty();
  }

  Pass before(Message message, PublishMode mode) {
    long start = System.nanoTime();
    Message current = message;
    for (int i = 0; i < interceptors.size(); i++) {
      PublishInterceptor interceptor = interceptors.get(i);
      Either<PublishFailure.Refused, Message> verdict;
      try {
        verdict = interceptor.beforePublish(current, mode);
      } catch (RuntimeException e) {
        LOG.warn("publish interceptor {} threw; the message is refused", name(interceptor), e);
        verdict = interceptor.refuse("threw " + e);
      }
      if (verdict == null || verdict.isRight() && verdict.get() == null
          || verdict.isLeft() && verdict.getLeft() == null) {
        verdict = interceptor.refuse("answered null");
      }
      if (verdict.isLeft()) {
        return new Pass(current, mode, Option.some(verdict.getLeft()), i + 1, start);
      }
      current = verdict.get();
    }
    return new Pass(current, mode, Option.none(), interceptors.size(), start);
  }

  void after(Pass pass, Either<PublishFailure, SendReceipt> outcome) {
    after(pass, outcome.swap().toOption(), outcome.toOption());
  }

  void after(Pass pass, Option<PublishFailure> failure, Option<SendReceipt> receipt) {
    PublishEvent event = new PublishEvent(pass.message(), pass.mode(), failure, receipt,
        Duration.ofNanos(System.nanoTime() - pass.startNanos()));
    for (int i = pass.asked() - 1; i >= 0; i--) {
      try {
        interceptors.get(i).afterPublish(event);
      } catch (RuntimeException e) {
        LOG.warn("publish interceptor {} threw after a publish; ignored", name(interceptors.get(i)), e);
      }
    }
  }

  private static String name(PublishInterceptor interceptor) {
    return interceptor.getClass().getName();
  }
}
