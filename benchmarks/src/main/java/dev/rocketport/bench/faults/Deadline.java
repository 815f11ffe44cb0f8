package dev.rocketport.bench.faults;

import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** The fault scenarios' waits: {@link Waiting#wallClock()}, failing the scenario if a condition never holds. */
final class Deadline {
  private Deadline() {}

  /** Waits until {@code condition} holds; throws {@link IllegalStateException} naming {@code what} if {@code budget} passes first. */
  static void require(String what, BooleanSupplier condition, Duration budget) {
    if (!Waiting.wallClock().awaitUntil(condition, budget)) {
      throw new IllegalStateException("no " + what + " within " + budget.toSeconds() + " s");
    }
  }
}
