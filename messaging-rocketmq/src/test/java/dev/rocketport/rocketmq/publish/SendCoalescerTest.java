package dev.rocketport.rocketmq.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageClientIDSetter;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

/**
 * What the coalescer does with what waits at one moment, with a batch sender of the test's own that
 * holds the first batch until everything else is queued (so the rest is taken together).
 */
class SendCoalescerTest {
  private static final Topic ORDERS = Topic.of("orders");
  private static final Topic AUDIT = Topic.of("audit");
  private static final long WAIT = TimeUnit.SECONDS.toNanos(5);

  private record Batch(SendCoalescer.Lane lane, List<String> bodies) {}

  /** A batch sender that records every batch and answers each message with a receipt, or one failure for a whole lane. */
  private static final class Recorder implements SendCoalescer.BatchSender {
    final List<Batch> batches = new CopyOnWriteArrayList<>();
    final CountDownLatch entered = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile Option<PublishFailure> failure = Option.none();

    @Override
    public List<Either<PublishFailure, SendReceipt>> send(SendCoalescer.Lane lane, List<Message> batch) {
      entered.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      batches.add(new Batch(lane, batch.stream().map(m -> new String(m.getBody())).toList()));
      List<Either<PublishFailure, SendReceipt>> results = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        String id = MessageClientIDSetter.getUniqID(batch.get(i));
        results.add(failure.isDefined() ? Either.left(failure.get())
            : Either.right(new SendReceipt(id, lane.topic(), lane.queue() == null ? 0 : lane.queue().getQueueId(),
                Option.some((long) i))));
      }
      return results;
    }
  }

  private static Message message(Topic topic, String body) {
    return new Message(topic.name(), body.getBytes());
  }

  private static CompletableFuture<Either<PublishFailure, SendReceipt>> submit(SendCoalescer coalescer,
      SendCoalescer.Lane lane, Message message) throws InterruptedException {
    return coalescer.submit(lane, message, WAIT).getOrElseThrow(() -> new AssertionError("no room"));
  }

  @Test
  void queuedSendsGoOutOneBatchPerLaneInSubmissionOrderEachWithItsOwnReceipt() throws Exception {
    Recorder recorder = new Recorder();
    SendCoalescer.Lane plain = new SendCoalescer.Lane(ORDERS, null);
    SendCoalescer.Lane queue1 = new SendCoalescer.Lane(ORDERS, new MessageQueue("orders", "broker-a", 1));
    SendCoalescer.Lane queue2 = new SendCoalescer.Lane(ORDERS, new MessageQueue("orders", "broker-a", 2));
    SendCoalescer.Lane audit = new SendCoalescer.Lane(AUDIT, null);
    try (SendCoalescer coalescer = new SendCoalescer(100, 64, 256 * 1024, 1, 4, recorder)) {
      submit(coalescer, plain, message(ORDERS, "first"));
      assertTrue(recorder.entered.await(10, TimeUnit.SECONDS), "the first send reached the batch sender");
      List<CompletableFuture<Either<PublishFailure, SendReceipt>>> rest = new ArrayList<>();
      List<SendCoalescer.Lane> lanes = List.of(queue1, plain, queue2, audit);
      for (int i = 0; i < 12; i++) {
        SendCoalescer.Lane lane = lanes.get(i % lanes.size());
        rest.add(submit(coalescer, lane, message(lane.topic(), "m" + i)));
      }
      recorder.release.countDown();
      List<String> ids = new ArrayList<>();
      for (var f : rest) {
        ids.add(f.get(10, TimeUnit.SECONDS).get().messageId());
      }
      assertEquals(12, ids.stream().distinct().count(), "every caller got its own message's id");
      List<Batch> later = recorder.batches.subList(1, recorder.batches.size());
      assertEquals(4, later.size(), "one batch per lane: " + later);
      assertEquals(Set.of(new Batch(queue1, List.of("m0", "m4", "m8")), new Batch(plain, List.of("m1", "m5", "m9")),
          new Batch(queue2, List.of("m2", "m6", "m10")), new Batch(audit, List.of("m3", "m7", "m11"))), Set.copyOf(later),
          "each lane's sends in the order they were submitted (the lanes go out in parallel)");
      assertEquals(2, rest.get(8).get().get().queueOffset().get(), "m8 is third in its batch, and its receipt says so");
    }
  }

  @Test
  void aBatchKeepsWithinTheByteBudget() throws Exception {
    Recorder recorder = new Recorder();
    SendCoalescer.Lane plain = new SendCoalescer.Lane(ORDERS, null);
    try (SendCoalescer coalescer = new SendCoalescer(100, 64, 3_000, 1, 4, recorder)) {
      submit(coalescer, plain, message(ORDERS, "first"));
      assertTrue(recorder.entered.await(10, TimeUnit.SECONDS), "the first send reached the batch sender");
      List<CompletableFuture<Either<PublishFailure, SendReceipt>>> rest = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        rest.add(submit(coalescer, plain, message(ORDERS, String.valueOf(i).repeat(1_000))));
      }
      recorder.release.countDown();
      for (var f : rest) {
        assertTrue(f.get(10, TimeUnit.SECONDS).isRight());
      }
      List<Integer> sizes = recorder.batches.subList(1, recorder.batches.size()).stream()
          .map(b -> b.bodies().size()).toList();
      assertEquals(List.of(2, 2, 2, 2, 2), sizes, "1 KB bodies, about 3 KB a batch");
    }
  }

  @Test
  void aFailedBatchFailsEveryCallerInItWithItsFailure() throws Exception {
    Recorder recorder = new Recorder();
    recorder.failure = Option.some(new PublishFailure.Timeout(Duration.ofSeconds(3), "no answer"));
    recorder.release.countDown();
    SendCoalescer.Lane plain = new SendCoalescer.Lane(ORDERS, null);
    try (SendCoalescer coalescer = new SendCoalescer(100, 64, 256 * 1024, 2, 4, recorder)) {
      List<CompletableFuture<Either<PublishFailure, SendReceipt>>> all = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        all.add(submit(coalescer, plain, message(ORDERS, "m" + i)));
      }
      for (var f : all) {
        PublishFailure failure = f.get(10, TimeUnit.SECONDS).getLeft();
        assertTrue(failure.outcomeUnknown(), "the batch's unknown outcome is each caller's");
      }
    }
  }

  @Test
  void closeSendsWhatIsQueued() throws Exception {
    Recorder recorder = new Recorder();
    recorder.release.countDown();
    SendCoalescer coalescer = new SendCoalescer(100, 64, 256 * 1024, 1, 4, recorder);
    List<CompletableFuture<Either<PublishFailure, SendReceipt>>> all = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      all.add(submit(coalescer, new SendCoalescer.Lane(ORDERS, null), message(ORDERS, "m" + i)));
    }
    coalescer.close();
    assertTrue(all.stream().allMatch(f -> f.isDone() && f.join().isRight()), "every queued send was sent");
  }
}
