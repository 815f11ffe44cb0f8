package dev.rocketport.outbox;

import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.interception.PublishEvent;
import dev.rocketport.messaging.interception.PublishInterceptor;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A relay in a process of its own, for {@link RelayKillTest} to kill: relays the table named in its
 * arguments to RocketMQ. After its {@code freezeAfter}-th successful publish it prints {@value #FROZEN}
 * and stops right there — between publishing a pass's messages and committing their marks, the window
 * a crash makes duplicates in — until the test kills it. Arguments: JDBC URL, user, table, name
 * server, batch size, freezeAfter.
 */
public final class RelayProcess {
  static final String FROZEN = "frozen between publish and mark";

  private RelayProcess() {}

  public static void main(String[] args) throws Exception {
    PGSimpleDataSource database = new PGSimpleDataSource();
    database.setURL(args[0]);
    database.setUser(args[1]);
    int freezeAfter = Integer.parseInt(args[5]);
    AtomicInteger published = new AtomicInteger();
    PublishInterceptor freeze = new PublishInterceptor() {
      @Override
      public void afterPublish(PublishEvent event) {
        if (event.succeeded() && published.incrementAndGet() == freezeAfter) {
          System.out.println(FROZEN + " after " + freezeAfter + " publishes");
          System.out.flush();
          awaitKill();
        }
      }
    };
    RocketMqMessaging messaging = RocketMqMessaging.start(RocketMqConfig.builder(args[3])
        .sendTimeout(Duration.ofSeconds(5)).build(), Interceptors.builder().publish(freeze).build());
    OutboxRelay.start(database, TableName.of(args[2]), messaging, RelaySettings.defaults()
        .withBatchSize(Integer.parseInt(args[4])).withPollInterval(Duration.ofMillis(20)));
    awaitKill();
  }

  private static void awaitKill() {
    while (true) {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        // only SIGKILL ends this process
      }
    }
  }
}
