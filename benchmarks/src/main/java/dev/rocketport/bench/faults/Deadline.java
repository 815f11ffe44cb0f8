package dev.rocketport.bench.faults;

import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The fault scenarios' waits: {@link Waiting#wallClock()}, failing the scenario if a condition never holds. */
final class Deadline {
  private Deadline() {}

  /** Waits until {@code condition} holds; throws {@link IllegalStateException} naming {@code what} if {@code budget} passes first. */
  static void require(String what, BooleanSupplier condition, Duration budget) {
    require(what, condition, budget, () -> "");
  }

  /** As {@link #require(String, BooleanSupplier, Duration)}, the failure also telling {@code state} as it was then. */
  static void require(String what, BooleanSupplier condition, Duration budget, Supplier<String> state) {
    if (!Waiting.wallClock().awaitUntil(condition, budget)) {
      String detail = state.get();
      throw new IllegalStateException("no " + what + " within " + budget.toSeconds() + " s"
          + (detail.isEmpty() ? "" : ": " + detail));
    }
  }
}
