package dev.rocketport.rocketmq.client;

import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.header.QueryConsumerOffsetRequestHeader;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/** Asks a broker for a group's committed offset in one queue. Stateless; thread-safe. */
public final class ConsumerOffsets {
  private ConsumerOffsets() {}

  /** The committed offset, 0 if the group has none there yet. */
  public static long committed(DefaultMQAdminExt admin, String brokerAddress, String group, MessageQueue mq,
      long timeoutMillis) throws Exception {
    QueryConsumerOffsetRequestHeader header = new QueryConsumerOffsetRequestHeader();
    header.setConsumerGroup(group);
    header.setTopic(mq.getTopic());
    header.setQueueId(mq.getQueueId());
    try {
      return Math.max(0, ClientInternals.queryConsumerOffset(admin, brokerAddress, header, timeoutMillis));
    } catch (MQBrokerException e) {
      if (e.getResponseCode() == ResponseCode.QUERY_NOT_FOUND) {
        return 0;
      }
      throw e;
    }
  }
}
