package dev.rocketport.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * The round trip of a lone synchronous send: one thread sends one message at a time and waits for
 * it, so nothing queues and no batching can help; what is left is each way's own cost per send
 * (send coalescing must add nothing here). Measured after the bench's warm-up, in rounds that take
 * the ways in turn, so that none gains from going first or last. Not thread-safe.
 */
final class LoneSends {
  /** One way's figures: the median and the 99th percentile round trip, in microseconds. */
  record RoundTrip(double p50Micros, double p99Micros) {}

  private LoneSends() {}

  private static final int ROUNDS = 10;

  /** Each way's round trip over {@code sends} sends (after a tenth as many unrecorded ones per way). */
  static Map<String, RoundTrip> measure(Map<String, Workloads> ways, int sends) throws Exception {
    record Way(String name, Workload workload, Histogram histogram) {}
    List<Way> opened = new ArrayList<>();
    try {
      for (Map.Entry<String, Workloads> way : ways.entrySet()) {
        Way w = new Way(way.getKey(), way.getValue().create(Scenario.NORMAL_SYNC), new Histogram(3));
        opened.add(w);
        run(w.workload(), sends / ROUNDS, new Histogram(3));
      }
      for (int round = 0; round < ROUNDS; round++) {
        for (Way way : opened) {
          run(way.workload(), sends / ROUNDS, way.histogram());
        }
      }
    } finally {
      for (Way way : opened) {
        way.workload().close();
      }
    }
    Map<String, RoundTrip> trips = new LinkedHashMap<>();
    for (Way way : opened) {
      trips.put(way.name(), new RoundTrip(way.histogram().getValueAtPercentile(50) / 1000.0,
          way.histogram().getValueAtPercentile(99) / 1000.0));
    }
    return trips;
  }

  private static void run(Workload workload, int sends, Histogram into) throws Exception {
    Workload.Completion ignore = (intended, messages, ok) -> { };
    for (int i = 0; i < sends; i++) {
      long start = System.nanoTime();
      workload.tick(start, ignore);
      into.recordValue(System.nanoTime() - start);
    }
  }

  static String markdown(Map<String, RoundTrip> trips) {
    StringBuilder md = new StringBuilder("\n### Lone synchronous send (one thread, one message at a time)\n\n"
        + "| way | p50 µs | p99 µs |\n|---|---:|---:|\n");
    trips.forEach((way, trip) -> md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", way,
        trip.p50Micros(), trip.p99Micros())));
    return md.toString();
  }
}
