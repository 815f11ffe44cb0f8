package dev.rocketport.inmemory.broker;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Message ids of the in-memory broker: 32 upper-case hex digits, a random 64-bit prefix chosen once
 * per JVM followed by a counter that starts at a random value, so ids are unique across every
 * broker of the JVM and cost no random numbers or formatting per message. Thread-safe.
 */
final class MessageIds {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final long PREFIX;
  private static final AtomicLong COUNTER;

  static {
    SecureRandom random = new SecureRandom();
    PREFIX = random.nextLong();
    COUNTER = new AtomicLong(random.nextLong());
  }

  private MessageIds() {}

  static String next() {
    byte[] id = new byte[32];
    hex(PREFIX, id, 0);
    hex(COUNTER.getAndIncrement(), id, 16);
    return new String(id, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static void hex(long value, byte[] into, int at) {
    for (int i = 15; i >= 0; i--) {
      into[at + i] = HEX[(int) (value & 0xF)];
      value >>>= 4;
    }
  }
}
