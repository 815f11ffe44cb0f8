package dev.rocketport.rocketmq.admin;

import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.StoredMessage;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.Backlog;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.messaging.admin.GroupSummary;
import dev.rocketport.messaging.spi.AbstractAdmin;
import dev.rocketport.messaging.spi.AdapterContext;
import dev.rocketport.rocketmq.client.AccessDenials;
import dev.rocketport.rocketmq.client.Clients;
import dev.rocketport.rocketmq.client.ConsumerOffsets;
import dev.rocketport.rocketmq.client.ExceptionDetails;
import dev.rocketport.rocketmq.client.MessageMapping;
import dev.rocketport.rocketmq.client.RouteProbe;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.rocketmq.client.common.ClientErrorCode;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.remoting.exception.RemotingTimeoutException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.route.QueueData;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * {@link dev.rocketport.messaging.admin.MessagingAdmin} on RocketMQ's admin tools: topics are created on every master of the
 * cluster and awaited in the name server; backlog compares each queue's max offset with the group's
 * committed offset on the broker; find-by-key uses the broker's key index; dead letters are read
 * and redriven by {@link DeadLetterQueue}; groups are the brokers' subscription groups, with the
 * topics they hold offsets on and their connected consumers. Thread-safe.
 */
public final class RocketMqAdmin extends AbstractAdmin {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RocketMqAdmin.class);

  private final DefaultMQAdminExt admin;
  /** Whether new topics are created to take every kind of message: until a broker refuses it. */
  private final Clients clients;
  private final RouteProbe routes;
  private final MessageMapping mapping;
  private final DeadLetterQueue deadLetters;
  private final KeyIndex keys;
  private final TopicCreator topics;

  public RocketMqAdmin(AdapterContext context, DefaultMQAdminExt admin, Clients clients, RouteProbe routes,
      MessageMapping mapping, DeadLetterQueue deadLetters) {
    super(context);
    this.admin = admin;
    this.clients = clients;
    this.routes = routes;
    this.mapping = mapping;
    this.deadLetters = deadLetters;
    this.keys = new KeyIndex(admin);
    this.topics = new TopicCreator(admin, clients, routes);
  }

  @Override
  protected Either<AdminFailure, Topic> doCreateTopic(Topic topic, int queueCount) {
    return call(() -> topics.create(topic, queueCount));
  }


  @Override
  protected Either<AdminFailure, Backlog> doBacklog(Topic topic, ConsumerGroup group) {
    return existingRoute(topic).flatMap(route -> call(() -> {
      Map<Integer, Long> lag = new LinkedHashMap<>();
      for (QueueData queues : route.getQueueDatas()) {
        String address = RouteProbe.masterOf(route, queues.getBrokerName());
        for (int q = 0; q < queues.getReadQueueNums(); q++) {
          MessageQueue mq = new MessageQueue(clients.physical(topic.name()), queues.getBrokerName(), q);
          long max = admin.maxOffset(mq);
          lag.merge(q, Math.max(0, max - ConsumerOffsets.committed(admin, address,
              clients.physical(group.name()), mq, clients.config().sendTimeout().toMillis())), Long::sum);
        }
      }
      return new Backlog(topic, group, lag);
    }));
  }


  @Override
  protected Either<AdminFailure, List<DeadLetter>> doDeadLetters(ConsumerGroup group, int max) {
    return call(() -> deadLetters.pending(group, max));
  }

  @Override
  protected Either<AdminFailure, Integer> doRedriveDeadLetters(ConsumerGroup group) {
    return call(() -> deadLetters.redriveAll(group));
  }

  @Override
  protected Either<AdminFailure, SendReceipt> doRedrive(DeadLetter letter) {
    return call(() -> deadLetters.redrive(letter)).flatMap(result -> result);
  }

  @Override
  protected Either<AdminFailure, List<GroupSummary>> doGroups() {
    return call(() -> {
      Set<String> names = new TreeSet<>();
      for (String master : BrokerGroups.masters(admin)) {
        names.addAll(admin.getAllSubscriptionGroup(master, clients.config().sendTimeout().toMillis())
            .getSubscriptionGroupTable().keySet());
      }
      List<GroupSummary> groups = new ArrayList<>();
      for (String physical : names) {
        Option<ConsumerGroup> group = applicationGroup(physical);
        if (group.isDefined()) {
          try {
            groups.add(summary(group.get(), physical));
          } catch (Exception e) {
            // one group the admin client cannot read (a gRPC-only group's missing topics, say) does not hide the others
            LOG.warn("group {} is left out of the listing: its summary could not be read: {}", physical, e.toString());
          }
        }
      }
      return groups;
    });
  }

  @Override
  protected Either<AdminFailure, Option<GroupSummary>> doGroup(ConsumerGroup group) {
    return call(() -> {
      String physical = clients.physical(group.name());
      return known(physical) ? Option.some(summary(group, physical)) : Option.<GroupSummary>none();
    });
  }

  private GroupSummary summary(ConsumerGroup group, String physical) throws Exception {
    return new GroupSummary(group, topicsOf(physical), onlineMembers(physical));
  }

  /** Whether a master holds the subscription group {@code physical} (made when its first member joined). */
  private boolean known(String physical) throws Exception {
    for (String master : BrokerGroups.masters(admin)) {
      try {
        if (admin.examineSubscriptionGroupConfig(master, physical) != null) {
          return true;
        }
      } catch (MQBrokerException e) {
        if (e.getResponseCode() != ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST) {
          throw e;
        }
      } catch (org.apache.rocketmq.client.exception.MQClientException e) {
        if (e.getResponseCode() != ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST) {
          throw e;
        }
      }
    }
    return false;
  }

  /** The group named {@code physical} if it is an application's in this runtime's namespace. */
  private Option<ConsumerGroup> applicationGroup(String physical) {
    if (MixAll.isSysConsumerGroup(physical) || MixAll.isPredefinedGroup(physical)
        || physical.equals(clients.physical(DeadLetterQueue.READER_GROUP))
        || !clients.physical(clients.logical(physical)).equals(physical)) {
      return Option.none();
    }
    return Try.of(() -> ConsumerGroup.of(clients.logical(physical))).toOption();
  }

  private List<Topic> topicsOf(String physicalGroup) throws Exception {
    List<Topic> topics = new ArrayList<>();
    for (String physical : new TreeSet<>(admin.queryTopicsByConsumer(physicalGroup).getTopicList())) {
      if (!physical.startsWith(MixAll.RETRY_GROUP_TOPIC_PREFIX) && !physical.startsWith(MixAll.DLQ_GROUP_TOPIC_PREFIX)
          && clients.physical(clients.logical(physical)).equals(physical)) {
        Try.of(() -> Topic.of(clients.logical(physical))).forEach(topics::add);
      }
    }
    return topics;
  }

  private int onlineMembers(String physicalGroup) throws Exception {
    try {
      return admin.examineConsumerConnectionInfo(physicalGroup).getConnectionSet().size();
    } catch (MQBrokerException e) {
      if (e.getResponseCode() == ResponseCode.CONSUMER_NOT_ONLINE) {
        return 0;
      }
      throw e;
    } catch (org.apache.rocketmq.client.exception.MQClientException e) {
      // the admin client finds members through the group's retry topic, which a group that only gRPC
      // clients (pop consumers) used has not got: no remoting member can be online in it
      if (e.getResponseCode() == ClientErrorCode.NOT_FOUND_TOPIC_EXCEPTION || e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
        return 0;
      }
      throw e;
    }
  }

  @Override
  protected Either<AdminFailure, List<StoredMessage>> doFindByKey(Topic topic, MessageKey key, int max) {
    return existingRoute(topic).flatMap(route -> call(() -> {
      String physical = clients.physical(topic.name());
      return keys.find(physical, key.value(), max).stream().map(m -> mapping.stored(m, physical)).toList();
    }));
  }

  private Either<AdminFailure, TopicRouteData> existingRoute(Topic topic) {
    return routes.route(topic).toEither().mapLeft(this::failure).flatMap(route -> route.isEmpty()
        ? Either.left(new AdminFailure.TopicNotFound(topic)) : Either.right(route.get()));
  }

  private <T> Either<AdminFailure, T> call(io.vavr.CheckedFunction0<T> action) {
    return Try.of(action).toEither().mapLeft(this::failure);
  }

  private AdminFailure failure(Throwable e) {
    String denial = AccessDenials.of(e).getOrNull();
    if (denial != null) {
      return new AdminFailure.AccessDenied(denial);
    }
    if (e instanceof RemotingTimeoutException) {
      return new AdminFailure.Timeout(clients.config().sendTimeout(), ExceptionDetails.of(e));
    }
    return new AdminFailure.BrokerUnavailable(e.getClass().getSimpleName() + ": " + e.getMessage());
  }
}
