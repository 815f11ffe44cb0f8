package dev.rocketport.messaging.tck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.Subscription;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Handler timeouts: a hung call is interrupted and its message redelivered; close does not wait on it. */
public abstract class HandlerTimeoutCases extends TckCases {
  private static final Duration TIMEOUT = Duration.ofMillis(500);

  private Subscription subscribe(SubscriptionSpec spec, MessageHandler handler) {
    return ctx().track(messaging().subscriber().subscribe(spec, handler));
  }

  @Test
  @DisplayName("a call past the handler timeout is interrupted, its late verdict ignored, its message redelivered")
  void aHungCallIsInterruptedAndRedelivered() {
    Topic topic = ctx().topic();
    List<Integer> attempts = new CopyOnWriteArrayList<>();
    AtomicBoolean interrupted = new AtomicBoolean();
    subscribe(spec(topic).handlerTimeout(TIMEOUT).build(), m -> {
      attempts.add(m.deliveryAttempt());
      if (attempts.size() == 1) {
        try {
          new CountDownLatch(1).await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          interrupted.set(true);
        }
      }
      return HandlerResult.success();
    });
    ctx().sent(text(topic, "slow once"));
    ctx().await("the redelivery after the timeout", () -> attempts.size() >= 2);
    // the redelivery may start before the interrupted thread has run its catch block, which happens in
    // wall time whatever the adapter's clock (a virtual one would not wait for it)
    assertTrue(Waiting.wallClock().awaitUntil(interrupted::get, TckContext.BUDGET), "the hung call was interrupted");
    assertEquals(List.of(1, 2), attempts.subList(0, 2));
    ctx().holds("no third delivery: the second call succeeded", () -> attempts.size() == 2);
  }

  @Test
  @DisplayName("a handler timeout out of range, or with orderly delivery, is refused on 'handlerTimeout'")
  void outOfRangeOrOrderlyIsRefused() {
    Topic topic = Topic.of("any");
    for (Duration bad : new Duration[] {Duration.ZERO, Duration.ofMillis(9), Duration.ofDays(2)}) {
      assertEquals("handlerTimeout", assertThrows(InvalidArgumentException.class,
          () -> spec(topic).handlerTimeout(bad)).field(), bad.toString());
    }
    assertEquals("handlerTimeout", assertThrows(InvalidArgumentException.class,
        () -> spec(topic).handlerTimeout(TIMEOUT).orderly().build()).field());
    assertEquals(TIMEOUT, spec(topic).handlerTimeout(TIMEOUT).build().handlerTimeout().get());
    assertTrue(spec(topic).build().handlerTimeout().isEmpty(), "unbounded by default");
  }

  @Test
  @DisplayName("close returns within its timeout while a call ignores interrupts, and the group's next member gets the message")
  void closeDoesNotWaitForAHungCall() {
    Topic topic = ctx().topic();
    SubscriptionSpec spec = spec(topic).handlerTimeout(TIMEOUT).closeTimeout(Duration.ofSeconds(5)).build();
    CountDownLatch started = new CountDownLatch(1);
    AtomicBoolean release = new AtomicBoolean();
    try {
      Subscription stuck = subscribe(spec, m -> {
        started.countDown();
        while (!release.get()) {
          LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
        return HandlerResult.success();
      });
      ctx().sent(text(topic, "hangs"));
      ctx().await("the call to start", () -> started.getCount() == 0);
      long closing = System.nanoTime();
      stuck.close();
      Duration took = Duration.ofNanos(System.nanoTime() - closing);
      assertTrue(took.compareTo(spec.closeTimeout()) < 0, "close returned within its timeout: " + took);
      Inbox next = inbox();
      subscribe(spec(topic).build(), next);
      ctx().await("the message at the next member", () -> next.size() >= 1);
      assertEquals("hangs", next.messages().get(0).bodyAsString());
    } finally {
      release.set(true);
    }
  }
}
