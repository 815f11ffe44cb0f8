package dev.rocketport.bench;

import dev.rocketport.embedded.ChildProcessRocketMq;
import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.inmemory.InMemoryConfig;
import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.rocketmq.RocketMqConfig;
import dev.rocketport.rocketmq.RocketMqMessaging;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.common.MQVersion;

/**
 * {@code rocketport bench}: each scenario three ways on the same broker (a real RocketMQ broker in
 * its own JVM on loopback) — the raw client, the Rocketport RocketMQ adapter, the in-memory adapter —
 * each by a closed-loop capacity probe followed by open-loop steps at fractions of that capacity.
 * Writes {@code report.json}, {@code report.md} and PNG charts.
 */
public final class BenchMain {
  private BenchMain() {}

  public static void main(String[] args) throws Exception {
    if (System.getProperty("rocketport.rocketmq.log.level") == null) {
      System.setProperty("rocketport.rocketmq.log.level", "OFF");
    }
    if (System.getProperty("rmq.logback.configurationFile") == null) {
      // the raw client starts before any Rocketport class could point RocketMQ's logging somewhere quiet
      System.setProperty("rmq.logback.configurationFile", "rocketport-rocketmq-logback.xml");
    }
    List<String> arguments = List.of(args);
    if (!arguments.isEmpty() && arguments.get(0).equals("bench")) {
      arguments = arguments.subList(1, arguments.size());
    }
    System.exit(run(arguments, System.out, System.err));
  }

  static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("rocketport bench: " + e.getMessage());
      err.printf(BenchOptions.USAGE, ids());
      return 2;
    }
    if (options.help()) {
      out.printf(BenchOptions.USAGE, ids());
      return 0;
    }
    Path store = Files.createTempDirectory("rocketport-bench-");
    List<SeriesResult> results = new ArrayList<>();
    out.println("starting a RocketMQ broker in its own JVM…");
    try (ChildProcessRocketMq broker = ChildProcessRocketMq.start(store)) {
      long coalescable = options.scenarios().stream().filter(Scenario::coalescable).count();
      Progress progress = new Progress(err, (int) (options.scenarios().size() * 3 + coalescable));
      try (RawWorkloads raw = new RawWorkloads(broker.nameServerAddress(), options.payload());
           Messaging rocketport = RocketMqMessaging.start(RocketMqConfig.builder(broker.nameServerAddress()).build());
           Messaging coalescing = RocketMqMessaging.start(RocketMqConfig.builder(broker.nameServerAddress())
               .producerGroup("rocketport-coalescing").coalesceSends(true).build());
           Messaging inMemory = InMemoryMessaging.wallClock(
               InMemoryConfig.defaults().withJournalCapacity(0).withMaxMessagesPerQueue(20_000))) {
        Map<String, Workloads> implementations = new LinkedHashMap<>();
        implementations.put("raw", raw);
        implementations.put("rocketport", new PortWorkloads(rocketport, options.payload()));
        implementations.put("inmemory", new PortWorkloads(inMemory, options.payload()));
        Workloads coalesced = new PortWorkloads(coalescing, options.payload());
        progress.show("warming up the broker and the JIT");
        for (var impl : implementations.values()) {
          try (Workload warm = impl.create(Scenario.NORMAL_ASYNC)) {
            new OpenLoopRunner(1).probe(warm, options.warmUp().multipliedBy(4), 2_000);
          }
        }
        for (Scenario scenario : options.scenarios()) {
          for (var impl : implementations.entrySet()) {
            progress.show(scenario.id() + " / " + impl.getKey());
            results.add(measure(scenario, impl.getKey(), impl.getValue(), options, progress));
            progress.advance(scenario.id() + " / " + impl.getKey() + " done");
          }
          if (scenario.coalescable()) {
            results.add(measure(scenario, "rocketport+coalescing", coalesced, options, progress));
            progress.advance(scenario.id() + " / rocketport+coalescing done");
          }
        }
      }
      progress.finish();
      broker.kill();
    } finally {
      EmbeddedRocketMq.deleteRecursively(store);
    }
    Report.write(options.out(), machine(options), options, results);
    out.println(Report.markdown(machine(options), results));
    out.println("reports: " + options.out().toAbsolutePath() + "/report.{json,md} and one PNG per scenario");
    return 0;
  }

  private static SeriesResult measure(Scenario scenario, String name, Workloads workloads, BenchOptions options,
      Progress progress) {
    OpenLoopRunner runner = new OpenLoopRunner(options.threadsFor(scenario));
    List<StepResult> steps = new ArrayList<>();
    double capacity = 0;
    try (Workload workload = workloads.create(scenario)) {
      if (scenario == Scenario.E2E_NORMAL || scenario == Scenario.E2E_ORDERED) {
        // a new consumer needs ~1.5 s before its first message: let it settle before measuring
        runner.probe(workload, Duration.ofSeconds(2), 2_000);
      }
      capacity = runner.probe(workload, options.probe(), 2_000);
      for (double fraction : options.fractions()) {
        double ticks = Math.max(1, capacity * fraction / workload.messagesPerTick());
        progress.show(String.format("%s / %s @ %,.0f msg/s", scenario.id(), name, ticks * workload.messagesPerTick()));
        steps.add(runner.run(workload, ticks, options.warmUp(), options.step()));
      }
      return new SeriesResult(scenario, name, capacity, steps, null);
    } catch (Exception e) {
      return new SeriesResult(scenario, name, capacity, steps, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static Map<String, String> machine(BenchOptions options) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("cores", String.valueOf(Runtime.getRuntime().availableProcessors()));
    m.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
    m.put("rocketmq", MQVersion.getVersionDesc(MQVersion.CURRENT_VERSION));
    m.put("broker", "single master in a child JVM on loopback, ASYNC_FLUSH, ASYNC_MASTER");
    m.put("payload", options.payload() + " bytes");
    m.put("run", options.quick() ? "quick" : "full");
    return m;
  }

  private static String ids() {
    return String.join(", ", java.util.Arrays.stream(Scenario.values()).map(Scenario::id).toList());
  }
}
