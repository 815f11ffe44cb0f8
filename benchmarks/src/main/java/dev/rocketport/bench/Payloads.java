package dev.rocketport.bench;

import java.nio.ByteBuffer;

/** Message bodies of the configured size carrying their intended send time in the first 8 bytes. */
final class Payloads {
  private Payloads() {}

  static byte[] stamped(int size, long intendedNanos) {
    byte[] body = new byte[Math.max(8, size)];
    ByteBuffer.wrap(body).putLong(intendedNanos);
    return body;
  }

  static long intendedOf(byte[] body) {
    return ByteBuffer.wrap(body).getLong();
  }
}
