package dev.rocketport.rocketmq;

import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.remoting.exception.RemotingConnectException;
import org.apache.rocketmq.remoting.exception.RemotingException;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.apache.rocketmq.remoting.exception.RemotingTooMuchRequestException;

/**
 * Turns what the RocketMQ client returned or threw into Rocketport's outcome: only
 * {@code SEND_OK} is success; other statuses are {@link PublishFailure.NotDurable}; a missing route
 * is {@link PublishFailure.TopicNotFound}; timeouts, connection failures and broker refusals get
 * their own failures. Stateless; thread-safe.
 */
final class SendOutcomes {
  private SendOutcomes() {}

  static Either<PublishFailure, SendReceipt> of(SendResult result, Topic topic, boolean finalOffset) {
    if (result.getSendStatus() != SendStatus.SEND_OK) {
      return Either.left(new PublishFailure.NotDurable(result.getSendStatus().name()));
    }
    String id = result.getMsgId();
    int queue = result.getMessageQueue().getQueueId();
    return Either.right(new SendReceipt(id, topic, queue,
        finalOffset ? Option.some(result.getQueueOffset()) : Option.none()));
  }

  static PublishFailure failure(Throwable error, Topic topic, Duration timeout) {
    Throwable e = error;
    while (e instanceof MQClientException client && client.getCause() != null && client.getResponseCode() <= 0) {
      if (isMissingRoute(client)) {
        return new PublishFailure.TopicNotFound(topic);
      }
      e = client.getCause();
    }
    if (e instanceof MQClientException client) {
      if (isMissingRoute(client)) {
        return new PublishFailure.TopicNotFound(topic);
      }
      if (String.valueOf(client.getErrorMessage()).contains("service state not OK")) {
        return new PublishFailure.Closed("the producer is not running");
      }
      return new PublishFailure.Rejected("CLIENT_" + client.getResponseCode(), client.getErrorMessage());
    }
    if (e instanceof MQBrokerException broker) {
      return new PublishFailure.Rejected("BROKER_" + broker.getResponseCode(), String.valueOf(broker.getErrorMessage()));
    }
    if (e instanceof RemotingTimeoutException || e instanceof RemotingTooMuchRequestException) {
      return new PublishFailure.Timeout(timeout, e.getMessage());
    }
    if (e instanceof RemotingConnectException || e instanceof RemotingException) {
      return new PublishFailure.BrokerUnavailable(e.getMessage());
    }
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new PublishFailure.BrokerUnavailable("interrupted while waiting for the broker");
    }
    return new PublishFailure.BrokerUnavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  private static boolean isMissingRoute(MQClientException e) {
    String message = String.valueOf(e.getErrorMessage()) + " " + e.getMessage();
    return message.contains("No route info of this topic") || message.contains("topic not exist");
  }
}
