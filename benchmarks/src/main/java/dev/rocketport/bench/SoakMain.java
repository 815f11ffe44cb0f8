package dev.rocketport.bench;

import dev.rocketport.embedded.ChildProcessRocketMq;
import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.EmbeddedSettings;
import dev.rocketport.bench.faults.Runtimes;
import dev.rocketport.embedded.FaultCluster;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code rocketport soak --minutes N [--rate R] [--chaos] [--out DIR]}: a bounded soak of the RocketMQ
 * adapter against a broker in its own JVM (test timings: 1 s retry levels) — see {@link SoakRun} —
 * or, with {@code --chaos}, against a replicated group behind fault-injecting links, with a second consumer-group member in
 * a JVM of its own and a fault every minute ({@link Chaos}); writes {@code soak.json} and {@code soak.png} and exits 0 only if no
 * acknowledged message was lost.
 */
public final class SoakMain {
  private SoakMain() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.out, System.err));
  }

  /** Runs the command line ({@link SoakCommand}); returns the exit code (2 for bad usage). */
  static int run(List<String> args, PrintStream out, PrintStream err) {
    return CommandLines.execute(new SoakCommand((minutes, rate, chaos, dir) -> chaos ? chaos(minutes, rate, dir, out)
        : soak(minutes, rate, dir, out)), "soak", args, out, err);
  }

  static int soak(int minutes, int rate, Path dir, PrintStream out) throws Exception {
    Path store = Files.createTempDirectory("rocketport-soak-");
    out.printf("soak: %d min at %d msg/s against a broker in its own JVM…%n", minutes, rate);
    SoakRun.Result result;
    try (ChildProcessRocketMq broker = ChildProcessRocketMq.start(store, BenchAdapters.BROKER_JVM);
        RocketMqMessaging messaging = RocketMqMessaging.start(RocketMqConfig.builder(broker.nameServerAddress())
            .retryLadder(RetryLadder.of(EmbeddedSettings.forTests().delayLevels())).build())) {
      SoakRun run = new SoakRun(messaging, out);
      result = run.run(Duration.ofMinutes(minutes), rate, Duration.ofSeconds(10));
      trace(broker.nameServerAddress(), run, result, out);
    } finally {
      EmbeddedRocketMq.deleteRecursively(store);
    }
    return report(minutes, rate, result, List.of(), dir, out);
  }

  /** The soak with {@link Chaos}: a replicated group behind fault-injecting links, a fault every minute. */
  static int chaos(int minutes, int rate, Path dir, PrintStream out) throws Exception {
    Path store = Files.createTempDirectory("rocketport-chaos-soak-");
    out.printf("soak: %d min at %d msg/s, a fault every minute, against a replicated group (master, replica, "
        + "controller) behind faulty links…%n", minutes, rate);
    SoakRun.Result result;
    List<Chaos.Injected> injected;
    try (FaultCluster cluster = FaultCluster.startReplicatedBehindLinks(store, 2);
        RocketMqMessaging messaging = Runtimes.start(cluster.clientNameServerAddress())) {
      SoakRun run = new SoakRun(messaging, out);
      try (SoakMember member = SoakMember.start(cluster.clientNameServerAddress(), run.topic(), run.group(),
          run::recordHandled)) {
        Chaos chaos = Chaos.start(cluster, member, Duration.ofMinutes(1), Duration.ofMinutes(minutes),
            run::lastAckNanos, out);
        try {
          result = run.run(Duration.ofMinutes(minutes), rate, Duration.ofSeconds(10));
        } finally {
          chaos.stop();
        }
        injected = chaos.injected();
      }
      trace(cluster.clientNameServerAddress(), run, result, out);
    } finally {
      EmbeddedRocketMq.deleteRecursively(store);
    }
    return report(minutes, rate, result, injected, dir, out);
  }

  /** Prints where the copies of the lost messages are, if any were lost, while the brokers still run. */
  private static void trace(String nameServer, SoakRun run, SoakRun.Result result, PrintStream out) {
    if (result.lost() > 0) {
      LossTrace.of(nameServer, run.topic(), run.group(), result.lostSequences()).forEach(out::println);
    }
  }

  private static int report(int minutes, int rate, SoakRun.Result result, List<Chaos.Injected> injected, Path dir,
      PrintStream out) throws java.io.IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("soak.json"), json(minutes, rate, result, injected));
    SoakChart.write(result.samples(), dir.resolve("soak.png"));
    injected.forEach(f -> out.printf("fault at %d s: %s%s, held %.1f s, %s recovered in %d ms%n", f.atSecond(),
        f.fault(), f.broker() < 0 ? "" : " on member " + f.broker(), f.held().toMillis() / 1000.0,
        f.broker() < 0 ? "consumption" : "publishing", f.recovery().toMillis()));
    out.println(summary(result));
    out.println("report: " + dir.toAbsolutePath() + "/soak.{json,png}");
    return result.lost() == 0 ? 0 : 1;
  }

  /** The heap after collection, averaged over the first and the last quarter of the samples. */
  private static double[] heapEnds(List<SoakRun.Sample> samples) {
    int quarter = Math.max(1, samples.size() / 4);
    double first = samples.subList(0, quarter).stream().mapToDouble(SoakRun.Sample::heapMiB).average().orElse(0);
    double last = samples.subList(samples.size() - quarter, samples.size()).stream()
        .mapToDouble(SoakRun.Sample::heapMiB).average().orElse(0);
    return new double[] {first, last};
  }

  static String summary(SoakRun.Result r) {
    double[] heap = heapEnds(r.samples());
    var samples = r.samples();
    return String.format("soak: published %,d (refused %d), handled %,d, poison dead-lettered %d, lost %d, "
        + "duplicates %d, drained in %d s; heap after GC %.1f MiB (first quarter) → %.1f MiB (last quarter); "
        + "threads %d → %d", r.published(), r.refused(), r.handled(), r.deadLettered(), r.lost(), r.duplicates(),
        r.drained().toSeconds(), heap[0], heap[1], samples.get(0).threads(), samples.get(samples.size() - 1).threads())
        + (r.lost() > 0 ? "; lost messages (sequence, kind): " + r.lostSequences().stream()
            .map(seq -> seq + " (" + SoakHandling.kind(seq) + ")").collect(Collectors.joining(", ")) : "");
  }

  private static String json(int minutes, int rate, SoakRun.Result r, List<Chaos.Injected> injected) {
    String faults = injected.stream().map(f -> String.format(java.util.Locale.ROOT,
        "{\"atSecond\": %d, \"fault\": \"%s\", \"broker\": %d, \"heldMillis\": %d, \"recoveryMillis\": %d}",
        f.atSecond(), f.fault(), f.broker(), f.held().toMillis(), f.recovery().toMillis()))
        .collect(Collectors.joining(",\n    "));
    double[] heap = heapEnds(r.samples());
    String samples = r.samples().stream().map(s -> String.format(java.util.Locale.ROOT,
        "{\"second\": %d, \"heapMiB\": %.1f, \"threads\": %d, \"published\": %d, \"handled\": %d, "
            + "\"lag\": %d, \"deadLetters\": %d}", s.second(), s.heapMiB(), s.threads(), s.published(),
        s.handled(), s.lag(), s.deadLetters())).collect(Collectors.joining(",\n    "));
    return String.format(java.util.Locale.ROOT, "{\n  \"minutes\": %d,\n  \"ratePerSecond\": %d,\n"
        + "  \"published\": %d,\n  \"refused\": %d,\n  \"handled\": %d,\n  \"deadLettered\": %d,\n"
        + "  \"lost\": %d,\n  \"duplicates\": %d,\n  \"drainedSeconds\": %d,\n"
        + "  \"heapMiBFirstQuarter\": %.1f,\n  \"heapMiBLastQuarter\": %.1f,\n  \"faults\": [\n    %s\n  ],\n"
        + "  \"samples\": [\n    %s\n  ]\n}\n",
        minutes, rate, r.published(), r.refused(), r.handled(), r.deadLettered(), r.lost(), r.duplicates(),
        r.drained().toSeconds(), heap[0], heap[1], faults, samples);
  }
}
