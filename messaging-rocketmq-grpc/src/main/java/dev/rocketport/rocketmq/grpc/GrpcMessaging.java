package dev.rocketport.rocketmq.grpc;

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
import dev.rocketport.messaging.spi.UnavailableAdmin;
import dev.rocketport.messaging.spi.UnavailableRequester;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.rocketmq.grpc.client.GroupProvisioning;
import dev.rocketport.rocketmq.grpc.client.GrpcClients;
import dev.rocketport.rocketmq.grpc.client.GrpcMessages;
import dev.rocketport.rocketmq.grpc.client.ProxyProbe;
import dev.rocketport.rocketmq.grpc.client.SendFailures;
import dev.rocketport.rocketmq.grpc.config.GrpcConfig;
import dev.rocketport.rocketmq.grpc.consume.GrpcSubscriber;
import dev.rocketport.rocketmq.grpc.publish.GrpcPublisher;
import dev.rocketport.rocketmq.grpc.publish.GrpcTransactionalPublisher;
import io.vavr.control.Option;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.apache.rocketmq.client.apis.producer.Producer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gRPC adapter's runtime: RocketMQ 5's gRPC protocol through a proxy, on
 * {@code rocketmq-client-java}. One producer for plain, ordered and one-way sends and for parking dead
 * letters, one transactional producer per producer group, one simple consumer per subscription.
 *
 * <p><b>Capabilities.</b> The gRPC protocol has no broadcasting, no batch send and no request-reply;
 * those {@link Feature}s are not declared, and asking for them throws
 * {@link dev.rocketport.messaging.UnsupportedFeatureException} before anything is sent. A proxy serves
 * no admin functions: with a name server configured ({@link GrpcConfig#nameServer()}), the admin port
 * is the remoting adapter's, reached through it, and consumer groups are provisioned as subscriptions
 * need them; without one, {@link Feature#ADMIN} is not declared either.
 *
 * <p>{@link #start(GrpcConfig)} connects and fails at once (with {@link IllegalStateException}) if
 * the proxy cannot be reached within the request timeout. Thread-safe. {@link #close()} is idempotent
 * and ordered: subscriptions stop (waiting for their handlers), in-flight asynchronous sends drain
 * (up to the close timeout), then producers and the admin clients shut down.
 */
public final class GrpcMessaging extends AbstractMessaging<GrpcTransactionalPublisher> {
  private static final Logger LOG = LoggerFactory.getLogger(GrpcMessaging.class);
  /** The adapter's name in capabilities and health. */
  public static final String ADAPTER = "rocketmq-grpc";
  /** A proxy's default limit on a message's user properties ({@code maxUserPropertySize}). */
  public static final int PROXY_MAX_PROPERTIES_BYTES = 16 * 1024;

  private final GrpcConfig config;
  private final GrpcClients clients;
  private final GrpcMessages messages;
  private final Producer producer;
  private final ProxyProbe probe;
  private final @Nullable RocketMqMessaging remoting;
  private final @Nullable GroupProvisioning provisioning;
  private final GrpcPublisher publisher;
  private final GrpcSubscriber subscriber;
  private final MessagingAdmin admin;
  private final Requester requester;

  private GrpcMessaging(GrpcConfig config, Interceptors interceptors, GrpcClients clients, Producer producer,
      ProxyProbe probe, @Nullable RocketMqMessaging remoting, @Nullable GroupProvisioning provisioning) {
    super(capabilities(config), Instant::now, interceptors);
    this.config = config;
    this.clients = clients;
    this.messages = new GrpcMessages(clients);
    this.producer = producer;
    this.probe = probe;
    this.remoting = remoting;
    this.provisioning = provisioning;
    this.publisher = new GrpcPublisher(context(), producer, messages, config.requestTimeout());
    this.subscriber = new GrpcSubscriber(context(), clients, messages, producer, Option.of(provisioning));
    this.admin = remoting != null ? remoting.admin() : new UnavailableAdmin(capabilities());
    this.requester = new UnavailableRequester(capabilities());
  }

  private static Capabilities capabilities(GrpcConfig config) {
    EnumSet<Feature> features = EnumSet.of(Feature.SQL_FILTER);
    if (config.hasNameServer()) {
      features.add(Feature.ADMIN);
    }
    return new Capabilities(ADAPTER, features, config.maxMessageSize(), CapabilityChecks.DEFAULT_MAX_DELAY,
        config.retryLadder(), PROXY_MAX_PROPERTIES_BYTES);
  }

  /** Connects to {@code config.endpoints()} (and its name server, if configured). */
  public static GrpcMessaging start(GrpcConfig config) {
    return start(config, Interceptors.none());
  }

  /** As {@link #start(GrpcConfig)}, applying {@code interceptors} to every subscription and publish. */
  public static GrpcMessaging start(GrpcConfig config, Interceptors interceptors) {
    InvalidArgumentException.requireNonNull(config, "config");
    InvalidArgumentException.requireNonNull(interceptors, "interceptors");
    GrpcClients clients = new GrpcClients(config);
    ProxyProbe probe = reachProxy(clients);
    Producer producer;
    try {
      producer = clients.producer();
    } catch (Exception e) {
      probe.close();
      throw new IllegalStateException("could not start a producer at " + config.endpoints() + ": " + describe(e));
    }
    RocketMqMessaging remoting = null;
    GroupProvisioning provisioning = null;
    try {
      if (config.hasNameServer()) {
        remoting = RocketMqMessaging.start(remotingConfig(config));
        provisioning = new GroupProvisioning(remotingConfig(config));
      }
      return new GrpcMessaging(config, interceptors, clients, producer, probe, remoting, provisioning);
    } catch (Exception e) {
      closeQuietly(producer);
      probe.close();
      if (remoting != null) {
        remoting.close();
      }
      throw new IllegalStateException("could not reach the name server " + config.nameServer().getOrElse("") + ": "
          + describe(e));
    }
  }

  /** The client connects lazily: the probe's round trip is what tells at start that the proxy is there. */
  private static ProxyProbe reachProxy(GrpcClients clients) {
    String endpoints = clients.config().endpoints();
    ProxyProbe probe;
    try {
      probe = new ProxyProbe(clients, new GrpcMessages(clients));
    } catch (Exception e) {
      throw new IllegalStateException("could not reach the RocketMQ proxy at " + endpoints + ": " + describe(e));
    }
    Health.Component reached = probe.check("proxy " + endpoints);
    if (reached.status() == Health.Status.DOWN) {
      probe.close();
      throw new IllegalStateException("could not reach the RocketMQ proxy at " + endpoints + ": " + reached.detail());
    }
    return probe;
  }

  private static String describe(Throwable e) {
    Throwable cause = SendFailures.unwrap(e);
    return cause.getClass().getSimpleName() + ": " + cause.getMessage();
  }

  /** The remoting side of a configuration with a name server: admin functions and provisioning. */
  private static RocketMqConfig remotingConfig(GrpcConfig config) {
    RocketMqConfig.Builder builder = RocketMqConfig.builder(config.nameServer().get()).namespace(config.namespace())
        .useTls(config.tls()).retryLadder(config.retryLadder()).maxMessageSize(config.maxMessageSize())
        .sendTimeout(config.requestTimeout()).closeTimeout(config.closeTimeout());
    if (!config.accessKey().isEmpty()) {
      builder.credentials(config.accessKey(), config.secretKey());
    }
    return builder.build();
  }

  public GrpcConfig config() {
    return config;
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
  protected GrpcTransactionalPublisher newTransactionalPublisher(ProducerGroup group, TransactionChecker checker) {
    try {
      return new GrpcTransactionalPublisher(context(), clients, messages, checker);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the transactional producer of " + group + ": " + describe(e));
    }
  }

  @Override
  public Subscriber subscriber() {
    return subscriber;
  }

  /** Refuses every request: the gRPC protocol has no reply topic. */
  @Override
  public Requester requester() {
    return requester;
  }

  /** The remoting adapter's admin through the name server, or one refusing every function without it. */
  @Override
  public MessagingAdmin admin() {
    return admin;
  }

  /** A real round trip to the proxy ({@link ProxyProbe}), the name server's if configured, and the subscriptions. */
  @Override
  protected List<Health.Component> adapterHealth() {
    List<Health.Component> components = new ArrayList<>();
    components.add(probe.check("proxy " + config.endpoints()));
    if (remoting != null) {
      remoting.healthCheck().check().components().stream()
          .filter(c -> c.name().startsWith("name server")).forEach(components::add);
    }
    components.addAll(subscriber.health());
    return components;
  }

  @Override
  protected void closeResources() {
    subscriber.closeAll();
    if (!publisher.drain(config.closeTimeout())) {
      LOG.warn("closing with asynchronous sends still in flight after {}", config.closeTimeout());
    }
    forEachTransactionalPublisher(GrpcTransactionalPublisher::close);
    closeQuietly(producer);
    probe.close();
    if (provisioning != null) {
      provisioning.close();
    }
    if (remoting != null) {
      remoting.close();
    }
  }

  private static void closeQuietly(Producer producer) {
    try {
      producer.close();
    } catch (IOException e) {
      LOG.warn("closing the producer failed", e);
    }
  }
}
