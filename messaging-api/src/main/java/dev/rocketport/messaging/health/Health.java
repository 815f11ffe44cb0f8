package dev.rocketport.messaging.health;

import dev.rocketport.messaging.InvalidArgumentException;
import dev.rocketport.messaging.health.Health;
import java.time.Instant;
import java.util.List;

/**
 * A runtime's state at {@code checkedAt}: one {@link Component} per thing that can fail — the runtime
 * itself, the adapter's connection to its broker, each subscription — and an overall status that is
 * {@link Status#DOWN} if any component is. Immutable.
 */
public record Health(Status status, Instant checkedAt, List<Component> components) {

  public enum Status { UP, DOWN }

  /** One checked part: its name, status, and a detail for people (a reason when down, the last error). */
  public record Component(String name, Status status, String detail) {
    public Component {
      InvalidArgumentException.requireNonNull(name, "name");
      InvalidArgumentException.requireNonNull(status, "status");
      InvalidArgumentException.requireNonNull(detail, "detail");
    }
  }

  public Health {
    InvalidArgumentException.requireNonNull(status, "status");
    InvalidArgumentException.requireNonNull(checkedAt, "checkedAt");
    components = List.copyOf(InvalidArgumentException.requireNonNull(components, "components"));
  }

  /** The health of {@code components}: down if any of them is. */
  public static Health of(Instant checkedAt, List<Component> components) {
    boolean down = components.stream().anyMatch(c -> c.status() == Status.DOWN);
    return new Health(down ? Status.DOWN : Status.UP, checkedAt, components);
  }
}
