package dev.rocketport.rocketmq.grpc.client;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.SendReceipt;
import io.vavr.control.Option;
import org.apache.rocketmq.client.java.impl.producer.SendReceiptImpl;

/** Reads {@code rocketmq-client-java}'s send receipt into Rocketport's. Stateless. */
public final class Receipts {
  private Receipts() {}

  /**
   * The receipt of {@code message}; no offset where the stored position is not final (a delayed
   * message). The proxy picks the queue itself and does not report it: the queue is not reported.
   */
  public static SendReceipt of(org.apache.rocketmq.client.apis.producer.SendReceipt receipt, Message message) {
    Option<Long> offset = receipt instanceof SendReceiptImpl impl && message.delay().isEmpty()
        ? Option.some(impl.getOffset()) : Option.none();
    return new SendReceipt(receipt.getMessageId().toString(), message.topic(), SendReceipt.QUEUE_NOT_REPORTED, offset);
  }
}
