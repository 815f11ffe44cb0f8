package dev.rocketport.messaging.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Topic;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {
  private static final Topic TOPIC = Topic.of("values");

  @Test
  void batchesSplitUnderTheLimitKeepingOrder() {
    List<Message> messages = IntStream.range(0, 10)
        .mapToObj(i -> Message.builder(TOPIC).body(new byte[1000]).build()).toList();
    List<List<Integer>> chunks = BatchPlanner.chunks(messages, IntStream.range(0, 10).boxed().toList(), 3500);
    assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6, 7, 8), List.of(9)), chunks);
    chunks.forEach(c -> assertTrue(c.stream().mapToInt(i -> WireRules.encodedSize(messages.get(i))).sum() <= 3500));
  }
}
