package dev.rocketport.idempotency;

import java.time.Duration;

/**
 * Remembers whose effects happened, for {@link IdempotentHandling}: a key is claimed before the effect
 * runs, then completed (the effect happened) or released (it did not). A claim is a lease: a holder
 * that crashes leaves a claim that expires after {@code lease}, so a redelivery can take it over.
 * Completed keys are kept for the store's retention; after that a redelivery would run the effect
 * again. Implementations are thread-safe and atomic per key across every process that shares them;
 * a failing store throws (the message is then retried).
 */
public interface IdempotencyStore {

  /** What {@link #claim} found. */
  enum Claim {
    /** The caller holds the key now and must complete or release it. */
    ACQUIRED,
    /** The key's effect happened already. */
    DONE,
    /** Another holder's lease on the key has not expired. */
    BUSY
  }

  /** Tries to take {@code key} for {@code lease}. */
  Claim claim(String key, Duration lease);

  /** The effect of {@code key}, claimed by the caller, happened: remember it. */
  void complete(String key);

  /** The effect of {@code key}, claimed by the caller, did not happen: forget the claim. */
  void release(String key);
}
