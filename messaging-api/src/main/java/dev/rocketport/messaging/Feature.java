package dev.rocketport.messaging;

/**
 * The optional features an adapter may lack, declared in its {@link Capabilities}. Everything else
 * the ports offer is required of every adapter, and the conformance suite checks it; an optional
 * feature is one a real deployment may switch off. Asking for a missing one throws
 * {@link UnsupportedFeatureException} at once.
 */
public enum Feature {
  /** SQL92 property filters ({@link Filter#sql}); RocketMQ brokers offer them only with {@code enablePropertyFilter=true}. */
  SQL_FILTER
}
