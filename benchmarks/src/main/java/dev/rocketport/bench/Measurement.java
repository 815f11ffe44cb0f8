package dev.rocketport.bench;

import org.HdrHistogram.Histogram;

/**
 * The raw record of one or more open-loop windows at one target rate: the latency histogram (ns),
 * the measured seconds and the failed messages. Repetitions of a rate are {@linkplain #plus merged}
 * before percentiles are taken, so a stall that hits one repetition weighs as much as it really did.
 * Not thread-safe; owned by the bench's main thread once its window ended.
 */
record Measurement(double targetRate, double seconds, Histogram histogram, long failures) {

  /** This window and {@code other} (same target rate) as one. */
  Measurement plus(Measurement other) {
    Histogram merged = histogram.copy();
    merged.add(other.histogram);
    return new Measurement(targetRate, seconds + other.seconds, merged, failures + other.failures);
  }

  StepResult result() {
    return StepResult.of(targetRate, seconds, histogram, failures);
  }
}
