package dev.rocketport.bench;

import dev.rocketport.embedded.FaultCluster;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * The chaos of {@code rocketport soak --chaos}: every {@code every} until {@code length} has passed,
 * one fault from the table in turn, always on the master of a replicated group of two started behind
 * links ({@link FaultCluster#startReplicatedBehindLinks}): the master killed ({@code kill -9}), so the
 * controller promotes the replica, then restarted on its store to rejoin as a replica; its
 * connections reset after every request for 5 s; a black hole for 10 s; and the consumer group's other
 * member ({@link SoakMember}) killed and replaced. A broker fault's recovery is the time from its lift
 * (for a kill: the kill itself, the failover being the recovery) to the next acknowledged publish,
 * read from {@code lastAck}; after a kill, the next fault waits until the old master is back in sync.
 * A consumer kill's recovery is the time until its replacement handled a message. Runs on a thread of
 * its own; {@link #stop()} lifts the fault in force and waits for the thread.
 */
final class Chaos {
  /**
   * One fault injected: its name, the broker (-1 for a consumer kill), when (seconds into the soak), how
   * long, and the recovery after it.
   */
  record Injected(String fault, int broker, long atSecond, Duration held, Duration recovery) {}

  private static final List<String> FAULTS = List.of("master kill -9, failover, restart",
      "reset after each request (5 s)", "black hole (10 s)", "consumer process kill -9, replaced");
  private static final int CONSUMER_KILL = 3;
  private static final Duration RESET = Duration.ofSeconds(5);
  private static final Duration BLACK_HOLE = Duration.ofSeconds(10);
  private static final Duration RECOVERY_PATIENCE = Duration.ofSeconds(120);

  private final FaultCluster cluster;
  private final SoakMember member;
  private final Duration every;
  private final LongSupplier lastAck;
  private final PrintStream out;
  private final long start = System.nanoTime();
  private final long end;
  private final int maxFaults;
  private final List<Injected> injected = new ArrayList<>();
  private final Thread thread;
  private volatile boolean running = true;

  private Chaos(FaultCluster cluster, SoakMember member, Duration every, Duration length, int maxFaults,
      LongSupplier lastAck, PrintStream out) {
    this.cluster = cluster;
    this.member = member;
    this.every = every;
    this.end = start + length.toNanos();
    this.maxFaults = maxFaults;
    this.lastAck = lastAck;
    this.out = out;
    this.thread = new Thread(this::loop, "rocketport-chaos");
    this.thread.setDaemon(true);
  }

  /** Starts injecting, the first fault one {@code every} from now, the last one starting before {@code length} has passed. */
  static Chaos start(FaultCluster cluster, SoakMember member, Duration every, Duration length, LongSupplier lastAck,
      PrintStream out) {
    return start(cluster, member, every, length, Integer.MAX_VALUE, lastAck, out);
  }

  /** As {@link #start(FaultCluster, SoakMember, Duration, Duration, LongSupplier, PrintStream)}, injecting at most {@code maxFaults}. */
  static Chaos start(FaultCluster cluster, SoakMember member, Duration every, Duration length, int maxFaults,
      LongSupplier lastAck, PrintStream out) {
    Chaos chaos = new Chaos(cluster, member, every, length, maxFaults, lastAck, out);
    chaos.thread.start();
    return chaos;
  }

  private void loop() {
    for (int n = 0; running && n < maxFaults; n++) {
      if (!pause(every) || System.nanoTime() >= end) {
        return;
      }
      String fault = FAULTS.get(n % FAULTS.size());
      if (n % FAULTS.size() == CONSUMER_KILL) {
        killConsumer(fault);
        continue;
      }
      int broker = cluster.masterIndex();
      long at = System.nanoTime();
      if (broker < 0) {
        out.printf("chaos %5d s: no master routed; %s skipped%n", seconds(at), fault);
        continue;
      }
      out.printf("chaos %5d s: %s on member %d of %s%n", seconds(at), fault, broker, cluster.brokerName(0));
      long lifted = inject(n % FAULTS.size(), broker);
      long recovered = awaitAckAfter(lifted);
      if (n % FAULTS.size() == 0) {
        rejoin(broker);
      }
      Duration recovery = recovered < 0 ? RECOVERY_PATIENCE : Duration.ofNanos(recovered - lifted);
      record(new Injected(fault, broker, seconds(at), Duration.ofNanos(lifted - at), recovery));
      out.printf("chaos %5d s: %s lifted; publishing %s%n", seconds(lifted), fault, recovered < 0
          ? "had not recovered after " + RECOVERY_PATIENCE.toSeconds() + " s" : "recovered in " + recovery.toMillis() + " ms");
    }
  }

  /**
   * Kills the group's other member and replaces it: held until the replacement subscribed, recovered
   * when it handled its first message.
   */
  private void killConsumer(String fault) {
    long at = System.nanoTime();
    out.printf("chaos %5d s: %s%n", seconds(at), fault);
    SoakMember.Replacement replacement;
    try {
      replacement = member.killAndReplace(RECOVERY_PATIENCE);
    } catch (java.io.IOException | IllegalStateException e) {
      out.printf("chaos %5d s: the replacement member did not start: %s%n", seconds(System.nanoTime()), e.getMessage());
      record(new Injected(fault, -1, seconds(at), Duration.ofNanos(System.nanoTime() - at), RECOVERY_PATIENCE));
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    boolean recovered = replacement.firstHandled() >= 0;
    Duration recovery = recovered ? Duration.ofNanos(replacement.firstHandled() - at) : RECOVERY_PATIENCE;
    record(new Injected(fault, -1, seconds(at), Duration.ofNanos(replacement.subscribed() - at), recovery));
    out.printf("chaos %5d s: the replacement member subscribed %d ms after the kill and %s%n",
        seconds(System.nanoTime()), Duration.ofNanos(replacement.subscribed() - at).toMillis(), recovered
        ? "handled its first message " + recovery.toMillis() + " ms after the kill"
        : "had handled nothing after " + RECOVERY_PATIENCE.toSeconds() + " s");
  }

  private void record(Injected fault) {
    synchronized (injected) {
      injected.add(fault);
    }
  }

  /** Injects fault {@code kind} on {@code broker} and lifts it; returns when it was lifted ({@link System#nanoTime()}). */
  private long inject(int kind, int broker) {
    switch (kind) {
      case 0 -> cluster.killBroker(broker);
      case 1 -> {
        cluster.link(broker).resetConnections();
        pause(RESET);
        cluster.link(broker).heal();
      }
      default -> {
        cluster.link(broker).blackHole();
        pause(BLACK_HOLE);
        cluster.link(broker).heal();
      }
    }
    return System.nanoTime();
  }

  /** Restarts the killed old master and waits (within the patience) until it is back in sync as a replica. */
  private void rejoin(int broker) {
    cluster.restartBroker(broker);
    long deadline = System.nanoTime() + RECOVERY_PATIENCE.toNanos();
    while (running && cluster.inSyncReplicas() < cluster.size() && System.nanoTime() < deadline) {
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
    out.printf("chaos %5d s: member %d restarted, %d of %d members in sync%n", seconds(System.nanoTime()), broker,
        cluster.inSyncReplicas(), cluster.size());
  }

  /** When the first acknowledgement after {@code lifted} came, or -1 if none within the patience. */
  private long awaitAckAfter(long lifted) {
    long deadline = lifted + RECOVERY_PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      long ack = lastAck.getAsLong();
      if (ack > lifted) {
        return ack;
      }
      LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
    }
    return -1;
  }

  /** Waits {@code length} unless stopped first; returns whether still running. */
  private boolean pause(Duration length) {
    long until = System.nanoTime() + length.toNanos();
    while (running && System.nanoTime() < until) {
      LockSupport.parkNanos(Math.min(until - System.nanoTime(), Duration.ofMillis(100).toNanos()));
    }
    return running;
  }

  private long seconds(long nanos) {
    return Duration.ofNanos(nanos - start).toSeconds();
  }

  /** Stops injecting: the fault in force is lifted (a killed master is restarted first). */
  void stop() throws InterruptedException {
    running = false;
    thread.join();
    for (int i = 0; i < cluster.size(); i++) {
      cluster.link(i).heal();
    }
  }

  /** The faults injected so far. */
  List<Injected> injected() {
    synchronized (injected) {
      return List.copyOf(injected);
    }
  }
}
