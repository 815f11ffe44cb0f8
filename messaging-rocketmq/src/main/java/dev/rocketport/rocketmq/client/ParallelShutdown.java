package dev.rocketport.rocketmq.client;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shuts RocketMQ client instances down side by side: each instance's shutdown waits up to seconds for
 * its remoting event thread to notice, so one after another the waits add up. Waits for all of them;
 * a failing shutdown is logged and does not stop the others. Stateless; thread-safe.
 */
public final class ParallelShutdown {
  private static final Logger LOG = LoggerFactory.getLogger(ParallelShutdown.class);

  private ParallelShutdown() {}

  public static void of(Runnable... shutdowns) {
    List<Thread> threads = new ArrayList<>();
    for (Runnable shutdown : shutdowns) {
      Thread thread = new Thread(() -> {
        try {
          shutdown.run();
        } catch (RuntimeException e) {
          LOG.warn("a RocketMQ client did not shut down cleanly", e);
        }
      }, "rocketport-shutdown-" + threads.size());
      thread.start();
      threads.add(thread);
    }
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (true) {
        try {
          thread.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
