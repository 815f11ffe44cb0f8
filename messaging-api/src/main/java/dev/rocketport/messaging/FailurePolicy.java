package dev.rocketport.messaging;

import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a handler's exception means, by the exception's type, so that handlers need not catch and
 * translate: {@link Builder#reject} dead-letters the message at once (an error no retry can fix,
 * such as invalid input), {@link Builder#retryAfter} redelivers it after a delay of its own (a
 * dependency that needs time, say), {@link Builder#retry} redelivers it on the group's retry ladder.
 * The first rule whose type the exception is an instance of decides; an exception no rule matches
 * is retried on the ladder, as without a policy. A rule that could never decide (its type, or a
 * supertype, has an earlier rule) is refused with {@link InvalidArgumentException} naming the type. The subscription's {@code maxRetries} still bounds
 * every retry. Rules apply to what the handler throws, not to the results it returns. Immutable.
 */
public record FailurePolicy(List<Rule> rules) {

  public FailurePolicy {
    InvalidArgumentException.requireNonNull(rules, "rules");
    List<Rule> checked = new ArrayList<>();
    for (Rule rule : rules) {
      checkReachable(checked, InvalidArgumentException.requireNonNull(rule, "rule"));
      checked.add(rule);
    }
    rules = List.copyOf(rules);
  }

  /** Refuses {@code rule} if one of {@code earlier} matches every exception it would. */
  private static void checkReachable(List<Rule> earlier, Rule rule) {
    for (Rule before : earlier) {
      if (before.type().isAssignableFrom(rule.type())) {
        throw new InvalidArgumentException("type", rule.type().getName() + " already has a rule ("
            + before.describe() + (before.type() == rule.type() ? "" : " for " + before.type().getName())
            + "): its " + rule.describe() + " rule would never apply; one type, one rule, subtypes first");
      }
    }
  }

  /** No rules: every exception is retried on the ladder. */
  public static FailurePolicy retryAll() {
    return new FailurePolicy(List.of());
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The verdict on a delivery whose handler threw {@code failure}. */
  public HandlerResult verdictFor(Throwable failure) {
    InvalidArgumentException.requireNonNull(failure, "failure");
    for (Rule rule : rules) {
      if (rule.type().isInstance(failure)) {
        return rule.verdictFor(failure);
      }
    }
    return HandlerResult.retry();
  }

  /**
   * One rule: exceptions of {@code type} (and its subtypes) are rejected, or retried after
   * {@code delay} (on the ladder when empty).
   */
  public record Rule(Class<? extends Throwable> type, boolean reject, Option<Duration> delay) {
    public Rule {
      InvalidArgumentException.requireNonNull(type, "type");
      InvalidArgumentException.requireNonNull(delay, "delay");
      if (reject && delay.isDefined()) {
        throw new InvalidArgumentException("delay", "a rejecting rule has no delay");
      }
      delay.forEach(HandlerResult::retryAfter);
    }

    String describe() {
      return reject ? "reject" : delay.map(d -> "retry after " + d).getOrElse("retry");
    }

    HandlerResult verdictFor(Throwable failure) {
      if (reject) {
        String message = failure.getMessage();
        return HandlerResult.reject(Reasons.fit(failure.getClass().getName() + (message == null ? "" : ": " + message)));
      }
      return delay.map(HandlerResult::retryAfter).getOrElse(HandlerResult::retry);
    }
  }

  /** Builds a policy; rules are tried in the order they were added. Not thread-safe. */
  public static final class Builder {
    private final List<Rule> rules = new ArrayList<>();

    private Builder() {}

    /** Dead-letters at once, with the exception's class and message as the reason. */
    public Builder reject(Class<? extends Throwable> type) {
      return add(new Rule(type, true, Option.none()));
    }

    /** Redelivers after {@code delay} (positive; rounded up to the next delay level on RocketMQ). */
    public Builder retryAfter(Class<? extends Throwable> type, Duration delay) {
      return add(new Rule(type, false, Option.some(InvalidArgumentException.requireNonNull(delay, "delay"))));
    }

    /** Redelivers on the group's retry ladder (to exempt a subtype from a broader rule added after it). */
    public Builder retry(Class<? extends Throwable> type) {
      return add(new Rule(type, false, Option.none()));
    }

    /** Adds {@code rule}, checking at once that it can ever apply. */
    private Builder add(Rule rule) {
      checkReachable(rules, rule);
      rules.add(rule);
      return this;
    }

    public FailurePolicy build() {
      return new FailurePolicy(rules);
    }
  }
}
