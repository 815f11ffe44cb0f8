package dev.rocketport.messaging.spi;

import dev.rocketport.messaging.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a batch into chunks whose estimated encoded size ({@link WireRules#encodedSize})
 * stays within a limit, keeping the messages' order. Each chunk is a list of indexes into the
 * original list, so per-entry results can be put back in place. Stateless and thread-safe.
 */
public final class BatchPlanner {
  private BatchPlanner() {}

  /** Chunks of indexes of {@code messages} (all of which must fit the limit on their own). */
  public static List<List<Integer>> chunks(List<Message> messages, List<Integer> indexes, int limit) {
    List<List<Integer>> chunks = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    long size = 0;
    for (int index : indexes) {
      int entrySize = WireRules.encodedSize(messages.get(index));
      if (!current.isEmpty() && size + entrySize > limit) {
        chunks.add(current);
        current = new ArrayList<>();
        size = 0;
      }
      current.add(index);
      size += entrySize;
    }
    if (!current.isEmpty()) {
      chunks.add(current);
    }
    return chunks;
  }
}
