package dev.rocketport.spring.boot.autoconfigure;

import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.admin.AdminFailure;
import dev.rocketport.messaging.admin.Backlog;
import dev.rocketport.messaging.admin.DeadLetter;
import dev.rocketport.messaging.admin.MessagingAdmin;
import dev.rocketport.spring.listener.ListenerContainer;
import io.vavr.control.Either;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * Actuator's {@code rocketport} endpoint ({@code /actuator/rocketport} once exposed): the adapter,
 * the runtime's health, and per {@code @RocketportListener} its topic, group, whether it runs, its
 * group's backlog and how many dead letters the group holds (counted up to
 * {@value #DEAD_LETTER_LIMIT}). Each read asks the broker afresh; what it cannot read is reported
 * as the admin failure's description. Thread-safe.
 */
@Endpoint(id = "rocketport")
public class RocketportEndpoint {
  static final int DEAD_LETTER_LIMIT = 1000;

  private final Messaging messaging;
  private final MessagingAdmin admin;
  private final ListenerContainer listeners;

  RocketportEndpoint(Messaging messaging, MessagingAdmin admin, ListenerContainer listeners) {
    this.messaging = messaging;
    this.admin = admin;
    this.listeners = listeners;
  }

  @ReadOperation
  public Map<String, Object> status() {
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("adapter", messaging.capabilities().adapter());
    status.put("health", messaging.healthCheck().check().status().name());
    status.put("listeners", listeners.listeners().stream().map(this::describe).toList());
    return status;
  }

  private Map<String, Object> describe(ListenerContainer.Listener listener) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("method", listener.method());
    view.put("topic", listener.spec().topic().name());
    view.put("group", listener.spec().group().name());
    view.put("running", listener.running());
    view.put("backlog", value(admin.backlog(listener.spec().topic(), listener.spec().group()).map(Backlog::total)));
    Either<AdminFailure, List<DeadLetter>> letters = admin.deadLetters(listener.spec().group(), DEAD_LETTER_LIMIT);
    view.put("deadLetters", value(letters.map(List::size)));
    return view;
  }

  private static Object value(Either<AdminFailure, ?> result) {
    return result.fold(AdminFailure::description, v -> v);
  }
}
