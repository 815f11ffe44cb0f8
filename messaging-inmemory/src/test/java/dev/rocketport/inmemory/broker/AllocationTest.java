package dev.rocketport.inmemory.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationTest {

  @Test
  void allocateAveragelyMatchesRocketMq() {
    // 8 queues, 3 members: RocketMQ gives 3, 3, 2 contiguous queues.
    int[] owners = new int[8];
    for (int q = 0; q < 8; q++) {
      owners[q] = Allocation.averagely(q, 8, 3);
    }
    assertEquals(List.of(0, 0, 0, 1, 1, 1, 2, 2), java.util.Arrays.stream(owners).boxed().toList());
    assertEquals(1, Allocation.averagely(1, 2, 5));
  }
}
