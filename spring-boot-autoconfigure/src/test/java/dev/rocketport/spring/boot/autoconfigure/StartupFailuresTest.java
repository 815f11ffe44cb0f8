package dev.rocketport.spring.boot.autoconfigure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.ReceivedMessage;
import dev.rocketport.spring.listener.RocketportListener;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad settings and bad listeners fail startup with one message naming the property or the method; nothing starts half-wired. */
class StartupFailuresTest {
  private static final String IN_MEMORY = "rocketport.adapter=inmemory";
  private static final String ORDERS = "rocketport.topics[0].name=orders";

  private static void assertNames(String failure, String... parts) {
    for (String part : parts) {
      assertTrue(failure.contains(part), () -> "expected '" + part + "' in: " + failure);
    }
  }

  @Test
  void anUnknownAdapterNamesTheProperty() {
    assertNames(Contexts.failureOf(List.of("rocketport.adapter=kafka")), "rocketport.adapter", "kafka");
  }

  @Test
  void aMissingNameServerNamesTheProperty() {
    assertNames(Contexts.failureOf(List.of("rocketport.adapter=rocketmq")), "rocketport.rocketmq.name-server");
  }

  @Test
  void aMalformedDurationNamesTheProperty() {
    assertNames(Contexts.failureOf(List.of("rocketport.rocketmq.name-server=127.0.0.1:9876",
        "rocketport.rocketmq.send-timeout=soon")), "rocketport.rocketmq.send-timeout", "soon");
  }

  @Test
  void aValueTheAdapterRefusesNamesTheProperty() {
    assertNames(Contexts.failureOf(List.of("rocketport.rocketmq.name-server=127.0.0.1:9876",
        "rocketport.rocketmq.send-retries=-1")), "rocketport.rocketmq.send-retries");
    assertNames(Contexts.failureOf(List.of("rocketport.rocketmq.name-server=not-an-address")),
        "rocketport.rocketmq.name-server", "not-an-address");
  }

  @Test
  void aTopicThatCannotBeCreatedNamesTheProperty() {
    assertNames(Contexts.failureOf(List.of(IN_MEMORY, "rocketport.topics[0].name=%DLQ%nope")),
        "rocketport.topics[0].name");
  }

  static class TwoParameters {
    @RocketportListener(topic = "orders", group = "g")
    void handle(ReceivedMessage message, String extra) {}
  }

  static class WrongReturn {
    @RocketportListener(topic = "orders", group = "g")
    String handle(ReceivedMessage message) {
      return "no";
    }
  }

  static class BatchWithoutList {
    @RocketportListener(topic = "orders", group = "g", batchSize = 10)
    void handle(ReceivedMessage message) {}
  }

  @Test
  void aListenerWithAnUnsupportedSignatureNamesTheMethod() {
    assertNames(Contexts.failureOf(List.of(IN_MEMORY, ORDERS), TwoParameters.class),
        "TwoParameters.handle(ReceivedMessage, String)", "exactly one");
    assertNames(Contexts.failureOf(List.of(IN_MEMORY, ORDERS), WrongReturn.class),
        "WrongReturn.handle(ReceivedMessage)", "HandlerResult or void");
    assertNames(Contexts.failureOf(List.of(IN_MEMORY, ORDERS), BatchWithoutList.class),
        "BatchWithoutList.handle(ReceivedMessage)", "List<ReceivedMessage>");
  }

  static class MissingTopic {
    @RocketportListener(topic = "${missing.topic:nowhere}", group = "g")
    HandlerResult handle(ReceivedMessage message) {
      return HandlerResult.success();
    }
  }

  @Test
  void aListenerOnAMissingTopicNamesTheMethodAndTheTopic() {
    assertNames(Contexts.failureOf(List.of(IN_MEMORY), MissingTopic.class), "MissingTopic.handle(ReceivedMessage)",
        "nowhere", "does not exist");
  }

  static class TwoShapesOfOneGroup {
    @RocketportListener(topic = "orders", group = "billing")
    void all(ReceivedMessage message) {}

    @RocketportListener(topic = "orders", group = "billing", tags = "paid")
    void paidOnly(ReceivedMessage message) {}
  }

  @Test
  void twoListenersShapingOneGroupDifferentlyNameBothMethods() {
    assertNames(Contexts.failureOf(List.of(IN_MEMORY, ORDERS), TwoShapesOfOneGroup.class),
        "TwoShapesOfOneGroup.all(ReceivedMessage)", "TwoShapesOfOneGroup.paidOnly(ReceivedMessage)", "'billing'");
  }

  static class BadTimeout {
    @RocketportListener(topic = "orders", group = "g", handlerTimeout = "${timeout:forever}")
    void handle(ReceivedMessage message) {}
  }

  @Test
  void aMalformedListenerAttributeNamesTheMethod() {
    assertNames(Contexts.failureOf(List.of(IN_MEMORY, ORDERS), BadTimeout.class), "BadTimeout.handle(ReceivedMessage)",
        "forever");
  }

  static class BadRate {
    @RocketportListener(topic = "orders", group = "g", rateLimit = "${rate:fast}")
    void handle(ReceivedMessage message) {}
  }

  static class ZeroRate {
    @RocketportListener(topic = "orders", group = "g", rateLimit = "0")
    void handle(ReceivedMessage message) {}
  }

  @Test
  void aRateLimitThatIsNoRateNamesTheMethodAndTheValue() {
    assertNames(Contexts.failureOf(List.of(IN_MEMORY, ORDERS), BadRate.class), "BadRate.handle(ReceivedMessage)",
        "rateLimit 'fast'");
    assertNames(Contexts.failureOf(List.of(IN_MEMORY, ORDERS), ZeroRate.class), "ZeroRate.handle(ReceivedMessage)",
        "messagesPerSecond");
  }
}
