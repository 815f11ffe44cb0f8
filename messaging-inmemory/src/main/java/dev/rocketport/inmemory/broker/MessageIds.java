package dev.rocketport.inmemory.broker;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids of an in-memory broker: 32 upper-case hex digits, a 64-bit prefix followed by a
 * counter. {@link #unique()} ids share a random prefix chosen once per JVM and a counter that starts
 * at a random value, so they are unique across every broker of the JVM and cost no random numbers or
 * formatting per message; {@link #seeded} ids repeat for the same seed, as a simulation's history
 * must. Thread-safe.
 */
final class MessageIds {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final MessageIds UNIQUE;

  static {
    SecureRandom random = new SecureRandom();
    UNIQUE = new MessageIds(random.nextLong(), random.nextLong(), false);
  }

  private final long prefix;
  private final AtomicLong counter;
  private final boolean seeded;
  private final AtomicLong transactions = new AtomicLong();

  private MessageIds(long prefix, long start, boolean seeded) {
    this.prefix = prefix;
    this.counter = new AtomicLong(start);
    this.seeded = seeded;
  }

  static MessageIds unique() {
    return UNIQUE;
  }

  /** Ids derived from {@code seed}, counting from 0. */
  static MessageIds seeded(long seed) {
    return new MessageIds(seed, 0, true);
  }

  String next() {
    byte[] id = new byte[32];
    hex(prefix, id, 0);
    hex(counter.getAndIncrement(), id, 16);
    return new String(id, StandardCharsets.ISO_8859_1);
  }

  /** A transaction id: a random UUID, or for seeded ids one derived from the seed. */
  String transactionId() {
    return seeded ? new UUID(prefix, transactions.getAndIncrement()).toString() : UUID.randomUUID().toString();
  }

  private static void hex(long value, byte[] into, int at) {
    for (int i = 15; i >= 0; i--) {
      into[at + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
  }
}
