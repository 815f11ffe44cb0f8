package dev.rocketport.rocketmq.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.help.FAQUrl;
import org.apache.rocketmq.remoting.exception.RemotingConnectException;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.exception.RemotingSendRequestException;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.apache.rocketmq.remoting.exception.RemotingTooMuchRequestException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.junit.jupiter.api.Test;

/**
 * Every {@link PublishFailure} the adapter makes of what the client throws, listed with the client
 * conditions that lead to it (as the client builds them: wrapped in {@code MQClientException}s with
 * or without error codes), and the property that matters: whenever the request may have reached the
 * broker, the failure's outcome is unknown — for one attempt, and for any sequence of attempts.
 */
class FailureMappingTest {
  private static final Topic TOPIC = Topic.of("orders");
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  /** A client condition: what the client throws, what Rocketport must say, and whether the request may have reached the broker. */
  record Condition(String name, Throwable thrown, Class<? extends PublishFailure> expected, boolean mayHaveReachedBroker) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static MQClientException sendFailed(Throwable cause, int code) {
    MQClientException e = new MQClientException("Send [3] times, still failed, cost [3010]ms, Topic: orders, "
        + "BrokersSent: [b, b, b]" + FAQUrl.suggestTodo(FAQUrl.SEND_MSG_FAILED), cause);
    e.setResponseCode(code);
    return e;
  }

  static final List<Condition> CONDITIONS = List.of(
      new Condition("response timeout", new RemotingTimeoutException("wait response on the channel <b> timeout, 3000(ms)"),
          PublishFailure.Timeout.class, true),
      new Condition("sync resend exhausted after a timeout (the issue's crash case)",
          sendFailed(new RemotingTimeoutException("wait response timeout"), 10001 + 5), PublishFailure.Timeout.class, true),
      new Condition("async wait response timeout",
          new MQClientException("wait response timeout, cost=3001", new RemotingTimeoutException("timeout")),
          PublishFailure.Timeout.class, true),
      new Condition("request written partly, channel failed",
          new RemotingSendRequestException("<b>", new java.io.IOException("Connection reset by peer")),
          PublishFailure.BrokerUnavailable.class, true),
      new Condition("async send request failed",
          new MQClientException("send request failed", new RemotingSendRequestException("<b>")),
          PublishFailure.BrokerUnavailable.class, true),
      new Condition("connection closed while waiting for the answer",
          new MQClientException("unknown reason", new RemotingException("connection closed")),
          PublishFailure.BrokerUnavailable.class, true),
      new Condition("interrupted while waiting", new InterruptedException(), PublishFailure.BrokerUnavailable.class, true),
      new Condition("unrecognised error", new IllegalStateException("boom"), PublishFailure.BrokerUnavailable.class,
          true),
      new Condition("connect failed", new RemotingConnectException("127.0.0.1:1"), PublishFailure.BrokerUnavailable.class,
          false),
      new Condition("resend exhausted after connect failures",
          sendFailed(new RemotingConnectException("127.0.0.1:1"), 10001), PublishFailure.BrokerUnavailable.class, false),
      new Condition("client deadline passed before writing",
          new RemotingTooMuchRequestException("sendDefaultImpl call timeout"), PublishFailure.Timeout.class, false),
      new Condition("broker busy (flow control)",
          new MQBrokerException(ResponseCode.SYSTEM_BUSY, "[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control"),
          PublishFailure.Rejected.class, false),
      new Condition("broker busy inside the client's resend wrapper",
          sendFailed(new MQBrokerException(ResponseCode.SYSTEM_BUSY, "[REJECTREQUEST]system busy"), ResponseCode.SYSTEM_BUSY),
          PublishFailure.Rejected.class, false),
      new Condition("broker illegal message",
          new MQBrokerException(ResponseCode.MESSAGE_ILLEGAL, "msg properties length limit 32KB"),
          PublishFailure.Rejected.class, false),
      new Condition("broker has no such topic", new MQBrokerException(ResponseCode.TOPIC_NOT_EXIST, "topic not exist"),
          PublishFailure.TopicNotFound.class, false),
      new Condition("no route", new MQClientException(10005, "No route info of this topic: orders"),
          PublishFailure.TopicNotFound.class, false),
      new Condition("no route (ordered send)", new MQClientException("No route info for this topic, orders", null),
          PublishFailure.TopicNotFound.class, false),
      new Condition("producer shut down", new MQClientException("The producer service state not OK, SHUTDOWN_ALREADY", null),
          PublishFailure.Closed.class, false),
      new Condition("client validation", new MQClientException(-1, "the message body size over max value"),
          PublishFailure.Rejected.class, false),
      new Condition("broker missing from the client's table", new MQClientException("The broker[b] not exist", null),
          PublishFailure.BrokerUnavailable.class, false),
      new Condition("route lookup could not reach the name server (the client wraps it so)",
          new IllegalStateException(new RemotingTimeoutException("wait response on the channel <ns> timeout, 3000(ms)")),
          PublishFailure.BrokerUnavailable.class, false));

  @Test
  void everyClientConditionMapsToItsFailureAndUnknownWhereTheRequestMayHaveReachedTheBroker() {
    for (Condition c : CONDITIONS) {
      SendOutcomes.AttemptFailure attempt = SendOutcomes.classify(c.thrown(), TOPIC, TIMEOUT);
      PublishFailure failure = attempt.failure();
      assertEquals(c.expected(), failure.getClass(), c.name() + ": " + failure);
      assertEquals(c.mayHaveReachedBroker(), attempt.uncertain(), c.name() + ": what is known about the request");
      if (c.mayHaveReachedBroker()) {
        assertTrue(failure.outcomeUnknown(), c.name() + " may have reached the broker, yet " + failure
            + " says nothing was stored");
      } else if (failure instanceof PublishFailure.BrokerUnavailable) {
        assertFalse(failure.outcomeUnknown(), c.name() + " cannot have reached the broker, yet " + failure
            + " says it may have been stored");
      }
    }
    Thread.interrupted();
  }

  @Provide
  Arbitrary<List<Condition>> attempts() {
    return Arbitraries.of(CONDITIONS).list().ofMinSize(1).ofMaxSize(6);
  }

  @Property(tries = 300)
  void aSendWithAnyAttemptThatMayHaveReachedTheBrokerIsNeverReportedAsNotStored(
      @ForAll("attempts") @Size(min = 1) List<Condition> attempts,
      @ForAll boolean resendUncertain) {
    AtomicInteger made = new AtomicInteger();
    Either<PublishFailure, String> sent = new Resends(TOPIC, Duration.ofMillis(40), 3, resendUncertain)
        .run(timeout -> {
          int i = made.getAndIncrement();
          throw asException(attempts.get(Math.min(i, attempts.size() - 1)).thrown());
        }, () -> { });
    Thread.interrupted();
    boolean reached = attempts.subList(0, Math.min(made.get(), attempts.size())).stream()
        .anyMatch(Condition::mayHaveReachedBroker);
    assertTrue(sent.isLeft());
    if (reached) {
      assertTrue(sent.getLeft().outcomeUnknown(), attempts + " (" + made + " made) became " + sent.getLeft());
    } else if (sent.getLeft() instanceof PublishFailure.BrokerUnavailable) {
      assertFalse(sent.getLeft().outcomeUnknown(), "no attempt of " + attempts + " can have reached the broker, yet "
          + sent.getLeft() + " says it may have been stored");
    }
    if (!resendUncertain) {
      long uncertainBeforeLast = attempts.subList(0, Math.max(0, Math.min(made.get(), attempts.size()) - 1)).stream()
          .filter(Condition::mayHaveReachedBroker).count();
      assertEquals(0, uncertainBeforeLast, "no resend after an uncertain attempt: " + attempts + ", " + made + " made");
    }
  }

  private static Exception asException(Throwable t) {
    return t instanceof Exception e ? e : new RuntimeException(t);
  }
}
