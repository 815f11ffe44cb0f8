package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.spi.PublishChecks;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import org.apache.rocketmq.client.Validators;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageConst;
import org.junit.jupiter.api.Test;

/**
 * The API's rules (which keeps no client types) against the client's own constants: every property
 * name RocketMQ 5.5 reserves is refused as a header, every group name it reserves is refused as a
 * group, and the length limits agree — so the in-memory adapter refuses what the broker would.
 */
class ClientConstantsTest {

  private static Set<String> stringConstants(Class<?> type, java.util.function.Predicate<String> fieldName)
      throws IllegalAccessException {
    Set<String> values = new TreeSet<>();
    for (Field f : type.getFields()) {
      if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && fieldName.test(f.getName())) {
        values.add((String) f.get(null));
      }
    }
    return values;
  }

  @Test
  void everyPropertyNameTheClientReservesIsRefusedAsAHeader() throws Exception {
    Set<String> reserved = stringConstants(MessageConst.class, name -> name.startsWith("PROPERTY_"));
    reserved.addAll(MessageConst.STRING_HASH_SET);
    assertTrue(reserved.size() > 50, "found the client's constants: " + reserved);
    Topic topic = Topic.of("any");
    for (String name : reserved) {
      assertThrows(InvalidArgumentException.class, () -> Message.builder(topic).header(name, "v"),
          "header '" + name + "' is reserved by RocketMQ");
    }
  }

  @Test
  void everyGroupNameTheClientReservesIsRefused() throws Exception {
    Set<String> reserved = stringConstants(MixAll.class, name -> name.endsWith("_GROUP") || name.equals("CID_SYS_RMQ_TRANS"));
    reserved.add(MixAll.CID_RMQ_SYS_PREFIX + "custom");
    assertTrue(reserved.contains("DEFAULT_CONSUMER") && reserved.contains("DEFAULT_PRODUCER"), reserved.toString());
    for (String name : reserved) {
      assertThrows(InvalidArgumentException.class, () -> ConsumerGroup.of(name), "group '" + name + "'");
      assertThrows(InvalidArgumentException.class, () -> ProducerGroup.of(name), "producer group '" + name + "'");
    }
  }

  @Test
  void lengthLimitsAgreeWithTheClient() {
    assertEquals(Validators.GROUP_MAX_LENGTH, ConsumerGroup.MAX_LENGTH);
    assertEquals(Validators.TOPIC_MAX_LENGTH, Topic.MAX_LENGTH);
    assertEquals(Short.MAX_VALUE, PublishChecks.MAX_PROPERTIES_BYTES);
  }
}
