package dev.rocketport.inmemory.broker;

/** How a consumer group's queues are shared among its members, as RocketMQ allocates them. Stateless. */
final class Allocation {
  private Allocation() {}

  /** RocketMQ's AllocateMessageQueueAveragely: contiguous blocks, the first members one larger. */
  static int averagely(int queue, int queueCount, int memberCount) {
    if (queueCount <= memberCount) {
      return queue;
    }
    int base = queueCount / memberCount;
    int extra = queueCount % memberCount;
    int bigBlocks = extra * (base + 1);
    return queue < bigBlocks ? queue / (base + 1) : extra + (queue - bigBlocks) / base;
  }
}
