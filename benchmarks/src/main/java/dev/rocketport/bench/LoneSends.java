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
 * (send coalescing must add nothing here). Measured after the bench's warm-up with the ways taking
 * turns send by send, the first of each turn rotating, so that a drift of the machine (a broker
 * flush, a collection) falls on every way alike and none gains from going first. Not thread-safe.
 */
final class LoneSends {
  /** One way's figures: the median and the 99th percentile round trip, in microseconds. */
  record RoundTrip(double p50Micros, double p99Micros) {}

  private LoneSends() {}

  /** Each way's round trip over {@code sends} sends (after a tenth as many unrecorded ones per way). */
  static Map<String, RoundTrip> measure(Map<String, Workloads> ways, int sends) throws Exception {
    record Way(String name, Workload workload, Histogram histogram) {}
    List<Way> opened = new ArrayList<>();
    try {
      for (Map.Entry<String, Workloads> way : ways.entrySet()) {
        Way w = new Way(way.getKey(), way.getValue().create(Scenario.NORMAL_SYNC), new Histogram(3));
        opened.add(w);
        for (int i = 0; i < sends / 10; i++) {
          sendOne(w.workload(), new Histogram(3));
        }
      }
      for (int i = 0; i < sends; i++) {
        for (int turn = 0; turn < opened.size(); turn++) {
          Way way = opened.get((i + turn) % opened.size());
          sendOne(way.workload(), way.histogram());
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

  private static final Workload.Completion IGNORE = (intended, messages, ok) -> { };

  private static void sendOne(Workload workload, Histogram into) throws Exception {
    long start = System.nanoTime();
    workload.tick(start, IGNORE);
    into.recordValue(System.nanoTime() - start);
  }

  static String markdown(Map<String, RoundTrip> trips) {
    StringBuilder md = new StringBuilder("\n### Lone synchronous send (one thread, one message at a time)\n\n"
        + "| way | p50 µs | p99 µs |\n|---|---:|---:|\n");
    trips.forEach((way, trip) -> md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f |%n", way,
        trip.p50Micros(), trip.p99Micros())));
    RoundTrip raw = trips.get("raw");
    RoundTrip ours = trips.get("rocketport");
    if (raw != null && ours != null) {
      md.append(String.format(Locale.ROOT, "%nRocketport / raw, p50: **%.2f**%n", ours.p50Micros() / raw.p50Micros()));
    }
    return md.toString();
  }
}
