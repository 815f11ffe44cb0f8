package dev.rocketport.bench;

import org.HdrHistogram.Histogram;

/**
 * One measured step at a target rate: what was achieved and the latency distribution (from each
 * message's intended send time), in microseconds. Immutable.
 */
record StepResult(double targetRate, double throughput, long p50Micros, long p99Micros, long p999Micros,
    long maxMicros, long messages, long failures) {

  static StepResult of(double targetRate, double seconds, Histogram histogram, long failures) {
    return new StepResult(targetRate, histogram.getTotalCount() / seconds,
        histogram.getValueAtPercentile(50) / 1000, histogram.getValueAtPercentile(99) / 1000,
        histogram.getValueAtPercentile(99.9) / 1000, histogram.getMaxValue() / 1000, histogram.getTotalCount(),
        failures);
  }

  boolean withinBound(long boundMicros) {
    return messages > 0 && failures == 0 && p99Micros <= boundMicros;
  }
}
