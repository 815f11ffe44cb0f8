package dev.rocketport.inmemory.broker;

import java.time.Instant;

/**
 * A fault the simulated broker injected: when (on its clock), which, and its subject: what it touched (a message
 * id, a group, a queue). Immutable.
 */
public record InjectedFault(Instant at, Fault fault, String subject) {
  @Override
  public String toString() {
    return at + " " + fault + " " + subject;
  }
}
