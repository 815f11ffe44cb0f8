package dev.rocketport.inmemory.broker;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One queue's append-only log with bounded retention: offsets grow forever, but only the newest
 * {@code retention} entries are kept (RocketMQ keeps by age on disk; memory is the limit here). A
 * reader behind the oldest kept offset skips ahead to it, as RocketMQ corrects an offset that fell
 * off. Guarded by the broker lock.
 */
final class QueueLog {
  private final int retention;
  private List<StoredEntry> entries = new ArrayList<>();
  private long base;

  QueueLog(int retention) {
    this.retention = retention;
  }

  /** The oldest offset still stored. */
  long minOffset() {
    return base;
  }

  /** The offset the next entry will get (the number of entries ever appended). */
  long maxOffset() {
    return base + entries.size();
  }

  /** The entry at {@code offset}, which must be within [minOffset, maxOffset). */
  StoredEntry get(long offset) {
    return entries.get((int) (offset - base));
  }

  /** The offset of the first stored entry stored at or after {@code instant}; {@link #maxOffset()} if none. */
  long offsetAt(Instant instant) {
    int low = 0;
    int high = entries.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (entries.get(mid).storeTime().isBefore(instant)) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return base + low;
  }

  void append(StoredEntry entry) {
    entries.add(entry);
    if (entries.size() > retention + retention / 4) {
      int drop = entries.size() - retention;
      entries = new ArrayList<>(entries.subList(drop, entries.size()));
      base += drop;
    }
  }
}
