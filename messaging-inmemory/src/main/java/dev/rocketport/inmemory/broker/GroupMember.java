package dev.rocketport.inmemory.broker;

import dev.rocketport.messaging.SubscriptionSpec;

/**
 * What the broker model needs of one member of a consumer group — a subscription on the client
 * side. The model dispatches {@link Run}s to members through this interface, so it never depends on
 * the subscription that implements it. Every method is called under the broker lock.
 */
public interface GroupMember {

  SubscriptionSpec spec();

  boolean isActive();

  /** Whether the member is paused: it takes no further run (and holds the one it has). */
  boolean paused();

  /** Whether the member can take another run now. */
  boolean hasFreeSlot();

  /** Whether the handler takes one message at a time (then a run holds several, each with its own verdict). */
  boolean single();

  /** Hands {@code run} to a handler thread; the member counts it until {@link #runEnded()}. */
  void start(Run run);

  /** A run handed out by {@link #start} ended without a successor: the member's slot is free again. */
  void runEnded();
}
