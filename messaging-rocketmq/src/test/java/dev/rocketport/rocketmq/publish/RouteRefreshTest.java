package dev.rocketport.rocketmq.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.Topic;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RouteRefreshTest {

  @Test
  void aTopicsRouteIsFetchedOnceForAStormOfFailuresAndEachTopicOnItsOwn() throws Exception {
    List<String> fetched = new CopyOnWriteArrayList<>();
    CountDownLatch release = new CountDownLatch(1);
    try (RouteRefresh refresh = new RouteRefresh(topic -> {
      fetched.add(topic);
      awaitQuietly(release);
    })) {
      for (int i = 0; i < 1_000; i++) {
        refresh.brokerUnavailable(Topic.of("orders"));
      }
      refresh.brokerUnavailable(Topic.of("payments"));
      release.countDown();
      assertTrue(Waiting.wallClock().awaitUntil(() -> fetched.size() == 2, Duration.ofSeconds(10)), "fetched " + fetched);
      assertEquals(List.of("orders", "payments"), fetched);
    }
  }

  @Test
  void aTopicsRouteIsFetchedAgainOnceASecondHasPassed() throws Exception {
    List<String> fetched = new CopyOnWriteArrayList<>();
    try (RouteRefresh refresh = new RouteRefresh(fetched::add)) {
      long started = System.nanoTime();
      // failures keep coming; a second fetch is due a second after the first
      assertTrue(Waiting.wallClock().awaitUntil(() -> {
        refresh.brokerUnavailable(Topic.of("orders"));
        return fetched.size() == 2;
      }, Duration.ofSeconds(10)), "fetched " + fetched);
      assertTrue(System.nanoTime() - started >= Duration.ofSeconds(1).toNanos(), "not within the second");
    }
  }

  @Test
  void aFailingFetchIsSwallowedAndASendFailingAfterCloseIsHarmless() throws Exception {
    List<String> fetched = new CopyOnWriteArrayList<>();
    RouteRefresh refresh = new RouteRefresh(topic -> {
      fetched.add(topic);
      throw new IllegalStateException("name server down");
    });
    refresh.brokerUnavailable(Topic.of("orders"));
    assertTrue(Waiting.wallClock().awaitUntil(() -> fetched.size() == 1, Duration.ofSeconds(10)));
    refresh.close();
    refresh.brokerUnavailable(Topic.of("payments"));
    assertEquals(List.of("orders"), fetched);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
