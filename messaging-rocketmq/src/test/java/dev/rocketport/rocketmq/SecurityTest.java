package dev.rocketport.rocketmq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.BrokerOptions.Credentials;
import dev.rocketport.embedded.BrokerOptions;
import dev.rocketport.embedded.BrokerUsers;
import dev.rocketport.embedded.ChildProcessRocketMq;
import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.TlsCertificate;
import dev.rocketport.messaging.AccessDeniedException;
import dev.rocketport.messaging.ConsumerGroup;
import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.Message;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.SendReceipt;
import dev.rocketport.messaging.SubscriptionSpec;
import dev.rocketport.messaging.Topic;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.testing.Waiting;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ACL 2.0 and TLS against real brokers in child JVMs: one with authentication and authorization on
 * (a super user for administration, an application user granted {@code acl-ok*} topics and groups
 * only), one that accepts TLS connections only, with a certificate generated for the test.
 */
class SecurityTest {
  private static final Credentials ADMIN = new Credentials("rocketport-admin", "admin-secret-1");
  private static final Credentials APP = new Credentials("app", "app-secret-1");
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(3);
  private static final Topic GRANTED = Topic.of("acl-ok-orders");
  private static final Topic NOT_GRANTED = Topic.of("acl-secret-payroll");
  private static final List<Path> DIRS = new ArrayList<>();
  private static ChildProcessRocketMq aclBroker;
  private static ChildProcessRocketMq tlsBroker;

  @BeforeAll
  static void startBrokers() throws Exception {
    Path aclStore = dir("rocketport-acl-");
    Path tlsStore = dir("rocketport-tls-");
    TlsCertificate certificate = TlsCertificate.generate(tlsStore.resolve("tls"));
    List<String> tlsJvm = new ArrayList<>(List.of("-Xmx256m"));
    tlsJvm.addAll(certificate.enforcingServer());
    CompletableFuture<ChildProcessRocketMq> tls = CompletableFuture.supplyAsync(
        () -> ChildProcessRocketMq.start(tlsStore, BrokerOptions.defaults(), tlsJvm));
    aclBroker = ChildProcessRocketMq.start(aclStore, BrokerOptions.defaults().withAccessControl(ADMIN),
        List.of("-Xmx256m"));
    tlsBroker = tls.join();
    try (Messaging admin = RocketMqMessaging.start(config(aclBroker, ADMIN).build())) {
      admin.admin().createTopic(GRANTED, 2).get();
      admin.admin().createTopic(NOT_GRANTED, 2).get();
    }
    try (BrokerUsers users = BrokerUsers.connect(aclBroker.nameServerAddress(), EmbeddedRocketMq.BROKER_NAME, ADMIN,
        false)) {
      users.createUser(APP);
      users.allow(APP.user(), List.of("Topic:acl-ok*", "Group:acl-ok*"), List.of("Pub", "Sub", "Get"));
    }
  }

  private static Path dir(String prefix) throws Exception {
    Path dir = Files.createTempDirectory(prefix);
    DIRS.add(dir);
    return dir;
  }

  @AfterAll
  static void stopBrokers() {
    for (ChildProcessRocketMq broker : new ChildProcessRocketMq[] {aclBroker, tlsBroker}) {
      if (broker != null) {
        broker.kill();
      }
    }
    DIRS.forEach(EmbeddedRocketMq::deleteRecursively);
  }

  private static RocketMqConfig.Builder config(ChildProcessRocketMq broker, Credentials who) {
    return RocketMqConfig.builder(broker.nameServerAddress()).credentials(who.user(), who.password())
        .sendTimeout(SEND_TIMEOUT).sendRetries(2).pollNameServerInterval(Duration.ofSeconds(1));
  }

  /** The answer, checked to have come within the send timeout (no resends of a denial, no hang). */
  private static <T> T withinSendTimeout(Supplier<T> call) {
    long started = System.nanoTime();
    T answer = call.get();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertTrue(took.compareTo(SEND_TIMEOUT) < 0, "answered within the send timeout, took " + took);
    return answer;
  }

  private static Set<String> consumeFrom(Messaging messaging, Topic topic, String group, Set<String> expected) {
    Set<String> handled = ConcurrentHashMap.newKeySet();
    var spec = SubscriptionSpec.builder(topic, ConsumerGroup.of(group)).build();
    try (var subscription = messaging.subscriber().subscribe(spec, m -> {
      handled.add(m.messageId());
      return HandlerResult.success();
    })) {
      Waiting.wallClock().awaitUntil(() -> handled.containsAll(expected), Duration.ofSeconds(60));
    }
    return handled;
  }

  @Test
  void theRightCredentialsPublishAndConsumeWhatIsGranted() {
    try (Messaging app = RocketMqMessaging.start(config(aclBroker, APP).build())) {
      Either<PublishFailure, SendReceipt> sent = app.publisher().send(Message.of(GRANTED, "granted"));
      assertTrue(sent.isRight(), sent.toString());
      Set<String> handled = consumeFrom(app, GRANTED, "acl-ok-billing", Set.of(sent.get().messageId()));
      assertTrue(handled.contains(sent.get().messageId()), "consumed as the application user");
      assertTrue(app.admin().backlog(GRANTED, ConsumerGroup.of("acl-ok-billing")).isRight());
    }
  }

  @Test
  void aWrongPasswordIsDeniedTypedWithoutRetries() {
    try (Messaging wrong = RocketMqMessaging.start(config(aclBroker, new Credentials(APP.user(), "not-the-secret"))
        .build())) {
      var sent = withinSendTimeout(() -> wrong.publisher().send(Message.of(GRANTED, "x")));
      PublishFailure.AccessDenied denied = assertInstanceOf(PublishFailure.AccessDenied.class, sent.getLeft());
      assertEquals(GRANTED, denied.topic());
      assertTrue(denied.description().contains("acl-ok-orders"), denied.description());
      var async = withinSendTimeout(() -> wrong.publisher().sendAsync(Message.of(GRANTED, "y")).toCompletableFuture()
          .join());
      assertInstanceOf(PublishFailure.AccessDenied.class, async.getLeft());
      assertInstanceOf(AdminFailure.AccessDenied.class,
          withinSendTimeout(() -> wrong.admin().createTopic(Topic.of("acl-ok-new"), 2)).getLeft());
      AccessDeniedException refused = assertThrows(AccessDeniedException.class, () -> wrong.subscriber()
          .subscribe(SubscriptionSpec.builder(GRANTED, ConsumerGroup.of("acl-ok-billing")).build(),
              m -> HandlerResult.success()));
      assertTrue(refused.resource().contains("acl-ok-orders"), refused.getMessage());
      assertNull(refused.getCause(), "no client exception attached");
    }
  }

  @Test
  void aMissingGrantIsDeniedTypedNamingWhatWasDenied() {
    try (Messaging app = RocketMqMessaging.start(config(aclBroker, APP).build())) {
      var sent = withinSendTimeout(() -> app.publisher().send(Message.of(NOT_GRANTED, "x")));
      PublishFailure.AccessDenied denied = assertInstanceOf(PublishFailure.AccessDenied.class, sent.getLeft());
      assertTrue(denied.detail().contains("Topic:acl-secret-payroll"), denied.detail());
      assertTrue(denied.detail().contains("User:app"), denied.detail());
      AdminFailure.AccessDenied adminDenied = assertInstanceOf(AdminFailure.AccessDenied.class,
          withinSendTimeout(() -> app.admin().createTopic(Topic.of("acl-ok-created-by-app"), 2)).getLeft());
      assertTrue(adminDenied.detail().contains("User:app"), adminDenied.detail());
      AccessDeniedException topic = assertThrows(AccessDeniedException.class, () -> app.subscriber()
          .subscribe(SubscriptionSpec.builder(NOT_GRANTED, ConsumerGroup.of("acl-ok-billing")).build(),
              m -> HandlerResult.success()));
      assertTrue(topic.getMessage().contains("acl-secret-payroll"), topic.getMessage());
      AccessDeniedException group = assertThrows(AccessDeniedException.class, () -> app.subscriber()
          .subscribe(SubscriptionSpec.builder(GRANTED, ConsumerGroup.of("someone-elses-group")).build(),
              m -> HandlerResult.success()));
      assertTrue(group.getMessage().contains("someone-elses-group"), group.getMessage());
    }
  }

  @Test
  void aTlsClientWorksAgainstAnEnforcingBroker() {
    try (Messaging tls = RocketMqMessaging.start(RocketMqConfig.builder(tlsBroker.nameServerAddress()).useTls(true)
        .pollNameServerInterval(Duration.ofSeconds(1)).build())) {
      Topic topic = Topic.of("tls-orders");
      assertTrue(tls.admin().createTopic(topic, 2).isRight());
      var sent = tls.publisher().send(Message.of(topic, "over TLS"));
      assertTrue(sent.isRight(), sent.toString());
      Set<String> handled = consumeFrom(tls, topic, "tls-readers", Set.of(sent.get().messageId()));
      assertTrue(handled.contains(sent.get().messageId()), "consumed over TLS");
    }
  }

  @Test
  void aPlainClientAgainstAnEnforcingBrokerFailsTyped() {
    try (Messaging plain = RocketMqMessaging.start(RocketMqConfig.builder(tlsBroker.nameServerAddress())
        .sendTimeout(SEND_TIMEOUT).sendRetries(0).build())) {
      long started = System.nanoTime();
      var sent = plain.publisher().send(Message.of(Topic.of("tls-orders"), "in the clear"));
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      assertInstanceOf(PublishFailure.BrokerUnavailable.class, sent.getLeft(), sent.toString());
      assertTrue(took.compareTo(SEND_TIMEOUT.multipliedBy(3)) < 0, "bounded: " + took);
      assertInstanceOf(AdminFailure.class, plain.admin().createTopic(Topic.of("tls-plain"), 2).getLeft());
    }
  }
}
