package dev.rocketport.examples;

import dev.rocketport.messaging.HandlerResult;
import dev.rocketport.messaging.MessageHandler;
import dev.rocketport.messaging.ReceivedMessage;
import java.util.ArrayList;
import java.util.List;

/** A handler that records what it received, in order, and acknowledges it. Thread-safe. */
public final class Collector implements MessageHandler {
  private final List<ReceivedMessage> received = new ArrayList<>();

  @Override
  public synchronized HandlerResult handle(ReceivedMessage message) {
    received.add(message);
    return HandlerResult.success();
  }

  public synchronized List<ReceivedMessage> received() {
    return List.copyOf(received);
  }

  public synchronized List<String> bodies() {
    return received.stream().map(ReceivedMessage::bodyAsString).toList();
  }

  public synchronized int size() {
    return received.size();
  }
}
