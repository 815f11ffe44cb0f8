package dev.rocketport.rocketmq.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

class DistinctMembersTest {
  private static final List<MessageQueue> QUEUES = IntStream.range(0, 4)
      .mapToObj(q -> new MessageQueue("orders", "broker-0", q)).toList();

  @Test
  void aMemberListedTwiceByTheBrokerStillTakesEveryQueueItShouldHave() {
    assertEquals(QUEUES, new DistinctMembers().allocate("g", "a", QUEUES, List.of("a", "a")));
  }

  @Test
  void membersShareQueuesEvenlyHoweverOftenEachIsListed() {
    DistinctMembers members = new DistinctMembers();
    List<String> listed = List.of("a", "b", "b");
    assertEquals(QUEUES.subList(0, 2), members.allocate("g", "a", QUEUES, listed));
    assertEquals(QUEUES.subList(2, 4), members.allocate("g", "b", QUEUES, listed));
  }
}
