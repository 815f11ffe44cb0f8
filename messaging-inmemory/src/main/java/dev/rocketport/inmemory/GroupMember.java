package dev.rocketport.inmemory;

import dev.rocketport.messaging.SubscriptionSpec;
import java.util.List;

/**
 * What a consumer group needs of one of its members: the group dispatches runs of messages to a
 * member through this interface, and the member reports back to the group — so the group model
 * never depends on the subscription that implements it. Called under the broker lock.
 */
interface GroupMember {

  SubscriptionSpec spec();

  boolean isActive();

  /** Whether the member can take another run now. */
  boolean hasFreeSlot();

  /** Messages handed to one handler thread at a time. */
  int runLength();

  /** The member's own queues in broadcasting (each member consumes every queue). */
  List<ProcessQueue<GroupMember>> broadcastQueues();

  /** Hands {@code batch} of {@code pq} to a handler thread. */
  void start(ProcessQueue<GroupMember> pq, List<StoredEntry> batch);
}
