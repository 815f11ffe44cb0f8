package dev.rocketport.rocketmq.client;

import io.vavr.control.Option;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;

/**
 * Recognises an ACL refusal among the client's exceptions. RocketMQ answers both a failed
 * authentication or authorization and a broker or topic that is not writable ("sending message is
 * forbidden") with {@code NO_PERMISSION}; only the first is an access denial, which no resend or
 * other broker can cure. Stateless; thread-safe.
 */
public final class AccessDenials {
  private AccessDenials() {}

  /**
   * The broker's account of the denial, if {@code error} or one of its causes is one: the deepest,
   * since the client wraps the broker's answer in summaries of its own with the same code.
   */
  public static Option<String> of(Throwable error) {
    Option<String> denial = Option.none();
    for (Throwable e = error; e != null; e = e.getCause() == e ? null : e.getCause()) {
      int code = e instanceof MQBrokerException broker ? broker.getResponseCode()
          : e instanceof MQClientException client ? client.getResponseCode() : -1;
      if (code == ResponseCode.NO_PERMISSION) {
        String detail = e instanceof MQBrokerException broker ? broker.getErrorMessage()
            : ((MQClientException) e).getErrorMessage();
        if (detail != null && !detail.contains("forbidden")) {
          denial = Option.some(detail.strip());
        }
      }
    }
    return denial;
  }
}
