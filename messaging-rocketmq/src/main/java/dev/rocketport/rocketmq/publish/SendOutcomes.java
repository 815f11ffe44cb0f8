package dev.rocketport.rocketmq.publish;

import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import dev.rocketport.rocketmq.client.AccessDenials;
import dev.rocketport.rocketmq.client.ExceptionDetails;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Set;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.remoting.exception.RemotingConnectException;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.apache.rocketmq.remoting.exception.RemotingTooMuchRequestException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * Turns what the RocketMQ client returned or threw for <em>one</em> send attempt into Rocketport's
 * outcome. Only {@code SEND_OK} is success; other statuses are {@link PublishFailure.NotDurable}.
 * A failure is classified by what is known about the request, whichever exception carried it (the
 * client wraps its causes in {@code MQClientException}s, error code or not): the broker's answer
 * (a refusal) or a failure before anything was written is definite; a timeout, a dropped
 * connection, an interrupted wait or anything unrecognised may have reached the broker, so it is a
 * failure whose {@link PublishFailure#outcomeUnknown()} is true. Each failure also says whether a
 * resend may help. Stateless; thread-safe.
 */
public final class SendOutcomes {
  private SendOutcomes() {}

  /** What may follow a failed attempt. */
  enum Next {
    /** The broker refused under load (flow control): nothing was stored; resend after a pause. */
    BACK_OFF,
    /** This broker or connection failed; another attempt (perhaps on another broker) may succeed. */
    OTHER_BROKER,
    /** A resend would fail the same way. */
    STOP
  }

  /**
   * One attempt's failure, whether the request may have reached the broker ({@code uncertain}; the
   * failure's own {@link PublishFailure#outcomeUnknown()} may be true without it, conservatively),
   * and what may follow it.
   */
  record AttemptFailure(PublishFailure failure, boolean uncertain, Next next) {
    static AttemptFailure definite(PublishFailure failure, Next next) {
      return new AttemptFailure(failure, false, next);
    }

    static AttemptFailure uncertain(PublishFailure failure, Next next) {
      return new AttemptFailure(failure, true, next);
    }
  }

  /** Broker refusals that another broker, or the same one a moment later, may not repeat (the client's own retry set). */
  private static final Set<Integer> BROKER_MAY_RECOVER = Set.of(ResponseCode.SERVICE_NOT_AVAILABLE,
      ResponseCode.SYSTEM_ERROR, ResponseCode.NO_PERMISSION, ResponseCode.GO_AWAY);

  static Either<PublishFailure, SendReceipt> of(SendResult result, Topic topic, boolean finalOffset) {
    if (result.getSendStatus() != SendStatus.SEND_OK) {
      return Either.left(new PublishFailure.NotDurable(result.getSendStatus().name()));
    }
    String id = result.getMsgId();
    int queue = result.getMessageQueue().getQueueId();
    return Either.right(new SendReceipt(id, topic, queue,
        finalOffset ? Option.some(result.getQueueOffset()) : Option.none()));
  }

  /** The failure of one attempt that threw {@code error}. */
  static PublishFailure failure(Throwable error, Topic topic, Duration timeout) {
    return classify(error, topic, timeout).failure();
  }

  public static AttemptFailure classify(Throwable error, Topic topic, Duration timeout) {
    String denial = AccessDenials.of(error).getOrNull();
    if (denial != null) {
      return AttemptFailure.definite(new PublishFailure.AccessDenied(topic, denial), Next.STOP);
    }
    Throwable e = error;
    while (e instanceof MQClientException client && client.getCause() != null) {
      if (isMissingRoute(client)) {
        return AttemptFailure.definite(new PublishFailure.TopicNotFound(topic), Next.STOP);
      }
      e = client.getCause();
    }
    if (e instanceof MQClientException client) {
      return clientRefusal(client, topic);
    }
    if (e instanceof OrderedQueues.QueueUnavailable) {
      return AttemptFailure.definite(PublishFailure.BrokerUnavailable.unreached(ExceptionDetails.of(e)), Next.STOP);
    }
    if (e instanceof MQBrokerException broker) {
      return brokerRefusal(broker, topic);
    }
    if (e instanceof RemotingTooMuchRequestException) {
      // the client's own limit (its deadline before writing, or its async request permits): nothing was written
      return AttemptFailure.definite(new PublishFailure.Timeout(timeout, ExceptionDetails.of(e)), Next.BACK_OFF);
    }
    if (e instanceof RemotingTimeoutException) {
      return AttemptFailure.uncertain(new PublishFailure.Timeout(timeout, ExceptionDetails.of(e)), Next.OTHER_BROKER);
    }
    if (e instanceof RemotingConnectException) {
      // no connection, so nothing was written
      return AttemptFailure.definite(PublishFailure.BrokerUnavailable.unreached(ExceptionDetails.of(e)),
          Next.OTHER_BROKER);
    }
    if (e instanceof RemotingException) {
      return AttemptFailure.uncertain(new PublishFailure.BrokerUnavailable(ExceptionDetails.of(e)), Next.OTHER_BROKER);
    }
    if (e instanceof IllegalStateException && e.getCause() instanceof RemotingException lookup) {
      // the client's route lookup wraps a name server it could not reach so; no broker was asked, and
      // a resend would wait for the name server as long again
      return AttemptFailure.definite(PublishFailure.BrokerUnavailable.unreached("the name server did not answer the "
          + "route lookup: " + ExceptionDetails.of(lookup)), Next.STOP);
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return AttemptFailure.uncertain(new PublishFailure.BrokerUnavailable("interrupted while waiting for the broker"),
          Next.STOP);
    }
    return AttemptFailure.uncertain(
        new PublishFailure.BrokerUnavailable(e.getClass().getSimpleName() + ": " + ExceptionDetails.of(e)), Next.STOP);
  }

  /** Refusals the client makes itself, before anything is written. */
  private static AttemptFailure clientRefusal(MQClientException client, Topic topic) {
    String text = String.valueOf(client.getErrorMessage());
    if (isMissingRoute(client)) {
      return AttemptFailure.definite(new PublishFailure.TopicNotFound(topic), Next.STOP);
    }
    if (text.contains("service state not OK")) {
      return AttemptFailure.definite(new PublishFailure.Closed("the producer is not running"), Next.STOP);
    }
    if (text.contains("not exist")) {
      // "The broker[…] not exist": the route names a broker the client has no address for
      return AttemptFailure.definite(PublishFailure.BrokerUnavailable.unreached(text), Next.OTHER_BROKER);
    }
    return AttemptFailure.definite(new PublishFailure.Rejected("CLIENT_" + client.getResponseCode(), text), Next.STOP);
  }

  /** The broker answered without storing the message. */
  private static AttemptFailure brokerRefusal(MQBrokerException broker, Topic topic) {
    int code = broker.getResponseCode();
    if (code == ResponseCode.TOPIC_NOT_EXIST) {
      return AttemptFailure.definite(new PublishFailure.TopicNotFound(topic), Next.STOP);
    }
    PublishFailure rejected = new PublishFailure.Rejected("BROKER_" + code, String.valueOf(broker.getErrorMessage()));
    if (code == ResponseCode.SYSTEM_BUSY) {
      return AttemptFailure.definite(rejected, Next.BACK_OFF);
    }
    return AttemptFailure.definite(rejected, BROKER_MAY_RECOVER.contains(code) ? Next.OTHER_BROKER : Next.STOP);
  }

  private static boolean isMissingRoute(MQClientException e) {
    String message = String.valueOf(e.getErrorMessage()) + " " + ExceptionDetails.of(e);
    return message.contains("No route info of this topic") || message.contains("No route info for this topic")
        || message.contains("topic not exist");
  }
}
