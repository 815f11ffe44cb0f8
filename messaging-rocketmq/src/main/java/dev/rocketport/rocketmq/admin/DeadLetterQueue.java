package dev.rocketport.rocketmq.admin;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.rocketmq.client.ClientInternals;
import dev.rocketport.rocketmq.client.Clients;
import dev.rocketport.rocketmq.client.MessageMapping;
import dev.rocketport.rocketmq.client.RouteProbe;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.client.consumer.PullStatus;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.protocol.route.QueueData;

/**
 * Reads a group's dead-letter topic ({@code %DLQ%<group>}) with a pull consumer of the reader group
 * {@value #READER_GROUP}, whose committed offset on the broker marks how far letters were redriven —
 * so "not yet redriven" survives restarts and is shared by every runtime. Redriving republishes
 * each letter to its original topic (the {@code RETRY_TOPIC} property) and advances the offset
 * after each success. RocketMQ can park a message twice (a send-back whose answer was lost is
 * repeated by the client), so letters are deduplicated by message id within a listing or a redrive.
 * Thread-safe (synchronized: one reader per runtime).
 */
public final class DeadLetterQueue {
  public static final String READER_GROUP = "rocketport-dlq-reader";
  private static final int PAGE = 32;

  private final DefaultMQPullConsumer reader;
  private final Clients clients;
  private final RouteProbe routes;
  private final MessageMapping mapping;
  private final Function<Message, Either<PublishFailure, SendReceipt>> publish;

  public DeadLetterQueue(DefaultMQPullConsumer reader, Clients clients, RouteProbe routes, MessageMapping mapping,
      Function<Message, Either<PublishFailure, SendReceipt>> publish) {
    this.reader = reader;
    this.clients = clients;
    this.routes = routes;
    this.mapping = mapping;
    this.publish = publish;
  }

  private record Letter(MessageQueue queue, MessageExt ext, DeadLetter letter) {}

  synchronized List<DeadLetter> pending(ConsumerGroup group, int max) throws Exception {
    java.util.Set<String> seen = new java.util.HashSet<>();
    return read(group, max).stream().map(Letter::letter).filter(l -> seen.add(l.stored().messageId())).toList();
  }

  synchronized int redrive(ConsumerGroup group) throws Exception {
    int count = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    List<Letter> page;
    while (!(page = read(group, PAGE)).isEmpty()) {
      for (Letter letter : page) {
        if (seen.add(letter.letter().stored().messageId())) {
          var sent = publish.apply(letter.letter().message());
          if (sent.isLeft()) {
            throw new IllegalStateException("redrive stopped after " + count + " letters: "
                + sent.getLeft().description());
          }
          count++;
        }
        reader.updateConsumeOffset(letter.queue(), letter.ext().getQueueOffset() + 1);
        ClientInternals.persistOffset(reader, letter.queue());
      }
    }
    return count;
  }

  /** Letters after the redrive offset, up to {@code max} distinct messages (their duplicates included). */
  private List<Letter> read(ConsumerGroup group, int max) throws Exception {
    String dlqTopic = MixAll.getDLQTopic(clients.physical(group.name()));
    var route = routes.route(dlqTopic).get();
    List<Letter> letters = new ArrayList<>();
    java.util.Set<String> distinct = new java.util.HashSet<>();
    if (route.isEmpty()) {
      return letters;
    }
    for (QueueData queues : route.get().getQueueDatas()) {
      for (int q = 0; q < queues.getReadQueueNums() && distinct.size() < max; q++) {
        MessageQueue mq = new MessageQueue(dlqTopic, queues.getBrokerName(), q);
        long offset = Math.max(0, reader.fetchConsumeOffset(mq, true));
        while (distinct.size() < max) {
          PullResult result = reader.pull(mq, "*", offset, Math.min(PAGE, max - distinct.size()),
              clients.config().sendTimeout().toMillis());
          if (result.getPullStatus() != PullStatus.FOUND) {
            break;
          }
          for (MessageExt ext : result.getMsgFoundList()) {
            letters.add(new Letter(mq, ext, toLetter(group, ext)));
            distinct.add(MessageMapping.messageId(ext));
          }
          offset = result.getNextBeginOffset();
        }
      }
    }
    return letters;
  }

  private DeadLetter toLetter(ConsumerGroup group, MessageExt ext) {
    // a rejected message's copy (Rejections) carries its reason
    String original = ext.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
    String topic = original != null ? original : ext.getTopic();
    // the broker counts the failed attempt that sent the message here before storing it, so the stored
    // reconsume count equals the number of deliveries
    return new DeadLetter(group, mapping.stored(ext, topic), Math.max(1, ext.getReconsumeTimes()),
        io.vavr.control.Option.of(ext.getProperty(MessageMapping.REJECT_REASON_PROPERTY)));
  }
}
