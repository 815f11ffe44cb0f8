package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Tracing: messages can be found by business key. */
public abstract class KeyCases extends TckCases {

  private List<StoredMessage> find(Topic topic, String key) {
    return messaging().admin().findByKey(topic, MessageKey.of(key), 32).get();
  }

  @Test
  @DisplayName("messages are found by each of their keys, with their ids and bodies")
  void findByKey() {
    Topic topic = ctx().topic();
    SendReceipt first = ctx().sent(Message.builder(topic).body("created").key("order-77").key("cust-1").build());
    SendReceipt second = ctx().sent(Message.builder(topic).body("paid").key("order-77").build());
    ctx().sent(Message.builder(topic).body("other").key("order-78").build());
    ctx().await("both messages of order-77 indexed", () -> find(topic, "order-77").size() == 2);
    List<StoredMessage> found = find(topic, "order-77");
    assertEquals(List.of(first.messageId(), second.messageId()).stream().sorted().toList(),
        found.stream().map(StoredMessage::messageId).sorted().toList());
    ctx().await("the message by its second key", () -> find(topic, "cust-1").size() == 1);
    assertEquals("created", find(topic, "cust-1").get(0).message().bodyAsString());
  }

  @Test
  @DisplayName("an unknown key finds nothing")
  void unknownKey() {
    Topic topic = ctx().topic();
    ctx().sent(Message.builder(topic).body("x").key("known").build());
    ctx().await("the known key indexed", () -> find(topic, "known").size() == 1);
    assertTrue(find(topic, "unknown").isEmpty());
  }

  @Test
  @DisplayName("looking up a key on a missing topic is TopicNotFound")
  void missingTopic() {
    Topic missing = ctx().missingTopic();
    assertEquals(new AdminFailure.TopicNotFound(missing),
        messaging().admin().findByKey(missing, MessageKey.of("k"), 10).getLeft());
  }
}
