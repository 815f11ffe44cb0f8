package dev.rocketport.inmemory.broker;

/**
 * The producer side of a transaction the broker could not decide: asked to check the local
 * transaction of {@code half} again, it answers later through {@link Broker#endTransaction}. Called
 * under the broker lock: it must only hand the check to another thread.
 */
@FunctionalInterface
public interface CheckBack {

  void check(HalfMessage half, int checkNumber);
}
