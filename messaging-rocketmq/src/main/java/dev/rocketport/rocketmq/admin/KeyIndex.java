package dev.rocketport.rocketmq.admin;

import java.util.Comparator;
import java.util.List;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * The brokers' message-key index: the messages of a physical topic carrying a key, oldest first. The
 * index is built as the broker stores messages, a moment after a send returns. Thread-safe.
 */
final class KeyIndex {
  private final DefaultMQAdminExt admin;

  KeyIndex(DefaultMQAdminExt admin) {
    this.admin = admin;
  }

  /** At most {@code max} messages of {@code physicalTopic} carrying {@code key}; none is an empty list. */
  List<MessageExt> find(String physicalTopic, String key, int max) throws Exception {
    List<MessageExt> found;
    try {
      found = admin.queryMessage(physicalTopic, key, max, 0, Long.MAX_VALUE).getMessageList();
    } catch (MQClientException e) {
      // the admin client reports "nothing found" as an exception
      if (e.getResponseCode() == ResponseCode.NO_MESSAGE || String.valueOf(e.getMessage()).contains("no message")) {
        return List.of();
      }
      throw e;
    }
    return found.stream().filter(m -> m.getTopic().equals(physicalTopic))
        .sorted(Comparator.comparingLong(MessageExt::getStoreTimestamp)).limit(max).toList();
  }
}
