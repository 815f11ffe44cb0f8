package dev.rocketport.rocketmq;

import dev.rocketport.messaging.Capabilities;
import dev.rocketport.messaging.Feature;
import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.OrderedPublisher;
import dev.rocketport.messaging.ProducerGroup;
import dev.rocketport.messaging.Publisher;
import dev.rocketport.messaging.Requester;
import dev.rocketport.messaging.Subscriber;
import dev.rocketport.messaging.TransactionChecker;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.messaging.health.Health;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.messaging.spi.AbstractMessaging;
import dev.rocketport.messaging.spi.CapabilityChecks;
import dev.rocketport.rocketmq.admin.DeadLetterQueue;
import dev.rocketport.rocketmq.admin.RocketMqAdmin;
import dev.rocketport.rocketmq.client.Clients;
import dev.rocketport.rocketmq.client.MessageMapping;
import dev.rocketport.rocketmq.client.ParallelShutdown;
import dev.rocketport.rocketmq.client.RouteProbe;
import dev.rocketport.rocketmq.client.StartFailures;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.rocketmq.consume.RocketMqSubscriber;
import dev.rocketport.rocketmq.consume.SubscribeAccess;
import dev.rocketport.rocketmq.publish.RocketMqPublisher;
import dev.rocketport.rocketmq.publish.RocketMqRequester;
import dev.rocketport.rocketmq.publish.RocketMqTransactionalPublisher;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RocketMQ adapter's runtime: one producer for plain and ordered sends, one transactional
 * producer per producer group, one push consumer per subscription, an admin client and a
 * dead-letter reader, all on the remoting client {@code rocketmq-client}.
 *
 * <p>{@link #start(RocketMqConfig)} connects and fails at once (with {@link IllegalStateException})
 * if the clients cannot start. Thread-safe. {@link #close()} is idempotent and ordered: subscriptions
 * stop (waiting for their handlers), in-flight asynchronous sends drain (up to the close timeout),
 * then producers, the dead-letter reader and the admin client shut down.
 */
public final class RocketMqMessaging extends AbstractMessaging<RocketMqTransactionalPublisher> {
  private static final Logger LOG = LoggerFactory.getLogger(RocketMqMessaging.class);

  private final Clients clients;
  private final DefaultMQProducer producer;
  private final DefaultMQAdminExt adminClient;
  private final DefaultMQPullConsumer deadLetterReader;
  private final MessageMapping mapping;
  private final RouteProbe routes;
  private final RocketMqPublisher publisher;
  private final RocketMqSubscriber subscriber;
  private final RocketMqRequester requester;
  private final RocketMqAdmin admin;

  private RocketMqMessaging(RocketMqConfig config, Interceptors interceptors) throws Exception {
    super(new Capabilities("rocketmq", EnumSet.allOf(Feature.class), config.maxMessageSize(),
        CapabilityChecks.DEFAULT_MAX_DELAY, config.retryLadder()), Instant::now, interceptors);
    this.clients = new Clients(config);
    this.mapping = new MessageMapping(clients);
    this.adminClient = clients.admin();
    adminClient.start();
    this.routes = new RouteProbe(adminClient, clients);
    this.producer = clients.producer();
    producer.start();
    this.deadLetterReader = clients.pullConsumer(DeadLetterQueue.READER_GROUP);
    deadLetterReader.start();
    this.publisher = new RocketMqPublisher(context(), producer, mapping, routes, config);
    this.subscriber = new RocketMqSubscriber(context(), clients, mapping, routes,
        new SubscribeAccess(adminClient, clients), producer, adminClient);
    this.requester = new RocketMqRequester(context(), producer, mapping, config.sendTimeout());
    this.admin = new RocketMqAdmin(context(), adminClient, clients, routes, mapping,
        new DeadLetterQueue(deadLetterReader, clients, routes, mapping, adminClient, publisher::republish));
  }

  /** Starts the clients against {@code config.nameServer()}. */
  public static RocketMqMessaging start(RocketMqConfig config) {
    return start(config, Interceptors.none());
  }

  /** As {@link #start(RocketMqConfig)}, applying {@code interceptors} to every subscription and publish. */
  public static RocketMqMessaging start(RocketMqConfig config, Interceptors interceptors) {
    InvalidArgumentException.requireNonNull(config, "config");
    InvalidArgumentException.requireNonNull(interceptors, "interceptors");
    try {
      return new RocketMqMessaging(config, interceptors);
    } catch (Exception e) {
      throw StartFailures.of("could not start RocketMQ clients for " + config.nameServer(), e);
    }
  }

  public RocketMqConfig config() {
    return clients.config();
  }

  @Override
  public Publisher publisher() {
    return publisher;
  }

  @Override
  public OrderedPublisher orderedPublisher() {
    return publisher;
  }

  @Override
  protected RocketMqTransactionalPublisher newTransactionalPublisher(ProducerGroup group, TransactionChecker checker) {
    try {
      return new RocketMqTransactionalPublisher(context(), clients.transactionProducer(group.name()), mapping,
          routes, checker, clients.config().sendRetries());
    } catch (Exception e) {
      throw StartFailures.of("could not start the transactional producer of " + group, e);
    }
  }

  @Override
  public Subscriber subscriber() {
    return subscriber;
  }

  @Override
  public Requester requester() {
    return requester;
  }

  @Override
  public MessagingAdmin admin() {
    return admin;
  }

  /** A real round trip to the name server: how many master brokers it knows. */
  @Override
  protected List<Health.Component> adapterHealth() {
    List<Health.Component> components = new ArrayList<>();
    String name = "name server " + clients.config().nameServer();
    try {
      long masters = adminClient.examineBrokerClusterInfo().getBrokerAddrTable().values().stream()
          .filter(b -> b.getBrokerAddrs().containsKey(MixAll.MASTER_ID)).count();
      components.add(new Health.Component(name, masters > 0 ? Health.Status.UP : Health.Status.DOWN,
          masters + " master broker(s) registered"));
    } catch (Exception e) {
      components.add(new Health.Component(name, Health.Status.DOWN,
          "unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage()));
    }
    components.addAll(subscriber.health());
    return components;
  }

  @Override
  protected void closeResources() {
    requester.close();
    subscriber.closeAll();
    if (!publisher.drain()) {
      LOG.warn("closing with asynchronous sends still in flight after {}", clients.config().closeTimeout());
    }
    forEachTransactionalPublisher(RocketMqTransactionalPublisher::close);
    ParallelShutdown.of(producer::shutdown, deadLetterReader::shutdown, adminClient::shutdown);
  }
}
