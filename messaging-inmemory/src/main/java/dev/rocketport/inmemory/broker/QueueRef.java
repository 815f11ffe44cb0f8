package dev.rocketport.inmemory.broker;

/**
 * A queue of the in-memory broker: a topic name (which may be a system name such as
 * {@code %RETRY%group}) and a queue id. Immutable.
 */
record QueueRef(String topic, int queueId) {
  static String retryTopic(String group) {
    return "%RETRY%" + group;
  }

  static String deadLetterTopic(String group) {
    return "%DLQ%" + group;
  }
}
