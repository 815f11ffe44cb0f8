package dev.rocketport.rocketmq.admin;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.rocketmq.client.ClientInternals;
import dev.rocketport.rocketmq.client.Clients;
import dev.rocketport.rocketmq.client.MessageMapping;
import dev.rocketport.rocketmq.client.RouteProbe;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads and redrives a group's dead-letter topic ({@code %DLQ%<group>}). A letter is redriven when
 * its original topic holds a copy carrying the key {@link MessageMapping#redrivenKey} — so "redriven"
 * is stored with the copy itself, in one send: a redrive cut off half-way leaves each letter either
 * pending or redriven, and it survives restarts and is shared by every runtime and tool. The pull
 * consumer of the reader group {@value #READER_GROUP} commits an offset past letters redriven in
 * bulk, so those are not read again. RocketMQ can park a message twice (a send-back whose answer was
 * lost is repeated by the client), so letters are deduplicated by message id. Thread-safe
 * (synchronized: one reader per runtime).
 */
public final class DeadLetterQueue {
  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterQueue.class);
  public static final String READER_GROUP = "rocketport-dlq-reader";
  private static final int PAGE = 32;
  private static final Duration INDEX_POLL = Duration.ofMillis(10);

  private final DefaultMQPullConsumer reader;
  private final Clients clients;
  private final RouteProbe routes;
  private final MessageMapping mapping;
  private final KeyIndex keys;
  private final BiFunction<Message, Consumer<org.apache.rocketmq.common.message.Message>,
      Either<PublishFailure, SendReceipt>> republish;

  /** @param republish sends a message after the second argument marked the client's copy */
  public DeadLetterQueue(DefaultMQPullConsumer reader, Clients clients, RouteProbe routes, MessageMapping mapping,
      org.apache.rocketmq.tools.admin.DefaultMQAdminExt admin, BiFunction<Message,
      Consumer<org.apache.rocketmq.common.message.Message>, Either<PublishFailure, SendReceipt>> republish) {
    this.reader = reader;
    this.clients = clients;
    this.routes = routes;
    this.mapping = mapping;
    this.keys = new KeyIndex(admin);
    this.republish = republish;
  }

  private record Letter(MessageQueue queue, MessageExt ext, DeadLetter letter) {}

  /** Visits letters in queue order; answers whether to go on. */
  @FunctionalInterface
  private interface Visitor {
    boolean visit(Letter letter) throws Exception;
  }

  synchronized List<DeadLetter> pending(ConsumerGroup group, int max) throws Exception {
    List<DeadLetter> pending = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    Map<String, Boolean> topics = new HashMap<>();
    scan(group, letter -> {
      if (seen.add(letter.letter().messageId()) && !redriven(letter.letter(), topics)) {
        pending.add(letter.letter());
      }
      return pending.size() < max;
    });
    return pending;
  }

  synchronized int redriveAll(ConsumerGroup group) throws Exception {
    int[] count = {0};
    Set<String> seen = new HashSet<>();
    Map<String, Boolean> topics = new HashMap<>();
    scan(group, letter -> {
      if (seen.add(letter.letter().messageId()) && !redriven(letter.letter(), topics)) {
        var sent = send(letter.letter());
        if (sent.isLeft()) {
          throw new IllegalStateException("redrive stopped after " + count[0] + " letters: "
              + sent.getLeft().description());
        }
        count[0]++;
      }
      reader.updateConsumeOffset(letter.queue(), letter.ext().getQueueOffset() + 1);
      ClientInternals.persistOffset(reader, letter.queue());
      return true;
    });
    return count[0];
  }

  /** Redrives the one pending letter {@code letter} and waits until the key index shows its copy. */
  synchronized Either<AdminFailure, SendReceipt> redrive(DeadLetter letter) throws Exception {
    Map<String, Boolean> topics = new HashMap<>();
    if (locate(letter).isEmpty() || redriven(letter, topics)) {
      return Either.left(new AdminFailure.NotPending(letter.group(), letter.messageId()));
    }
    if (!topicExists(letter, topics)) {
      return Either.left(new AdminFailure.TopicNotFound(letter.message().topic()));
    }
    Either<PublishFailure, SendReceipt> sent = send(letter);
    if (sent.isLeft()) {
      return Either.left(adminFailure(sent.getLeft()));
    }
    long deadline = System.nanoTime() + clients.config().sendTimeout().toNanos();
    while (!redriven(letter, topics)) {
      if (System.nanoTime() - deadline > 0) {
        LOG.warn("group {}: dead letter {} was redriven as {}, but the broker's key index does not show the copy "
            + "yet; until it does, the letter is still listed", letter.group(), letter.messageId(),
            sent.get().messageId());
        break;
      }
      LockSupport.parkNanos(INDEX_POLL.toNanos());
    }
    return Either.right(sent.get());
  }

  private Either<PublishFailure, SendReceipt> send(DeadLetter letter) {
    return republish.apply(letter.message(), copy -> {
      String marker = MessageMapping.redrivenKey(letter.messageId());
      String existing = copy.getKeys();
      copy.setKeys(existing == null || existing.isEmpty() ? marker : existing + MessageConst.KEY_SEPARATOR + marker);
      copy.putUserProperty(MessageMapping.REDRIVES_PROPERTY, String.valueOf(letter.redrives() + 1));
    });
  }

  /** Whether the original topic holds the letter's copy. */
  private boolean redriven(DeadLetter letter, Map<String, Boolean> topics) throws Exception {
    return topicExists(letter, topics) && !keys.find(clients.physical(letter.message().topic().name()),
        MessageMapping.redrivenKey(letter.messageId()), 1).isEmpty();
  }

  private boolean topicExists(DeadLetter letter, Map<String, Boolean> topics) throws Exception {
    String topic = letter.message().topic().name();
    Boolean exists = topics.get(topic);
    if (exists == null) {
      exists = routes.route(letter.message().topic()).get().isDefined();
      topics.put(topic, exists);
    }
    return exists;
  }

  /** The letter where it was listed (its queue and offset on one of the brokers), unless redriven in bulk since. */
  private Option<Letter> locate(DeadLetter letter) throws Exception {
    String dlqTopic = MixAll.getDLQTopic(clients.physical(letter.group().name()));
    var route = routes.route(dlqTopic).get();
    if (route.isEmpty()) {
      return Option.none();
    }
    long offset = letter.stored().queueOffset();
    for (QueueData queues : route.get().getQueueDatas()) {
      MessageQueue mq = new MessageQueue(dlqTopic, queues.getBrokerName(), letter.stored().queueId());
      if (letter.stored().queueId() >= queues.getReadQueueNums() || offset < reader.fetchConsumeOffset(mq, true)) {
        continue;
      }
      PullResult result = reader.pull(mq, "*", offset, 1, clients.config().sendTimeout().toMillis());
      if (result.getPullStatus() == PullStatus.FOUND) {
        MessageExt ext = result.getMsgFoundList().get(0);
        if (ext.getQueueOffset() == offset && MessageMapping.messageId(ext).equals(letter.messageId())) {
          return Option.some(new Letter(mq, ext, letter));
        }
      }
    }
    return Option.none();
  }

  /** Visits the letters after the bulk-redrive offset, queue by queue, until the visitor says stop. */
  private void scan(ConsumerGroup group, Visitor visitor) throws Exception {
    String dlqTopic = MixAll.getDLQTopic(clients.physical(group.name()));
    var route = routes.route(dlqTopic).get();
    if (route.isEmpty()) {
      return;
    }
    for (QueueData queues : route.get().getQueueDatas()) {
      for (int q = 0; q < queues.getReadQueueNums(); q++) {
        MessageQueue mq = new MessageQueue(dlqTopic, queues.getBrokerName(), q);
        long offset = Math.max(0, reader.fetchConsumeOffset(mq, true));
        while (true) {
          PullResult result = reader.pull(mq, "*", offset, PAGE, clients.config().sendTimeout().toMillis());
          if (result.getPullStatus() != PullStatus.FOUND) {
            break;
          }
          for (MessageExt ext : result.getMsgFoundList()) {
            if (!visitor.visit(new Letter(mq, ext, toLetter(group, ext)))) {
              return;
            }
          }
          offset = result.getNextBeginOffset();
        }
      }
    }
  }

  private DeadLetter toLetter(ConsumerGroup group, MessageExt ext) {
    // a rejected message's copy (Rejections) carries its reason; the gRPC adapter's copies carry their
    // topic and deliveries as properties of their own
    String original = ext.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
    String grpcTopic = ext.getProperty(MessageMapping.ORIGINAL_TOPIC_PROPERTY);
    String topic = original != null ? original : grpcTopic != null ? grpcTopic : ext.getTopic();
    String redrives = ext.getProperty(MessageMapping.REDRIVES_PROPERTY);
    String deliveries = ext.getProperty(MessageMapping.DELIVERIES_PROPERTY);
    // the broker counts the failed attempt that sent the message here before storing it, so the stored
    // reconsume count equals the number of deliveries
    return new DeadLetter(group, mapping.stored(ext, topic),
        deliveries != null ? Integer.parseInt(deliveries) : Math.max(1, ext.getReconsumeTimes()),
        Option.of(ext.getProperty(MessageMapping.REJECT_REASON_PROPERTY)),
        redrives == null ? 0 : Integer.parseInt(redrives));
  }

  private static AdminFailure adminFailure(PublishFailure failure) {
    if (failure instanceof PublishFailure.TopicNotFound notFound) {
      return new AdminFailure.TopicNotFound(notFound.topic());
    }
    if (failure instanceof PublishFailure.Timeout timeout) {
      return new AdminFailure.Timeout(timeout.timeout(), timeout.detail());
    }
    if (failure instanceof PublishFailure.AccessDenied denied) {
      return new AdminFailure.AccessDenied(denied.detail());
    }
    return new AdminFailure.BrokerUnavailable(failure.description());
  }
}
