/**
 * Rocketport's broker-agnostic API: the ports ({@link dev.rocketport.messaging.Publisher},
 * {@link dev.rocketport.messaging.OrderedPublisher}, {@link dev.rocketport.messaging.TransactionalPublisher},
 * {@link dev.rocketport.messaging.Subscriber}, {@link dev.rocketport.messaging.MessagingAdmin}), the
 * values they exchange and their typed failures. Applications depend on this package only.
 *
 * <p>The rules every type here follows:
 * <ul>
 *   <li><b>Null</b>: nothing is nullable (the package is {@code @NullMarked}); absence is
 *       {@code io.vavr.control.Option}. A null argument is a programmer error and throws
 *       {@link dev.rocketport.messaging.InvalidArgumentException} naming it.
 *   <li><b>Values and exceptions</b>: an argument that can never be valid throws
 *       {@link dev.rocketport.messaging.InvalidArgumentException} at once, naming the field; a feature
 *       the adapter lacks throws {@link dev.rocketport.messaging.UnsupportedFeatureException}; what can
 *       go wrong at run time when publishing or administering (broker down, topic missing, timeouts)
 *       is a value, {@code Either<PublishFailure, …>} or {@code Either<AdminFailure, …>}. Starting a
 *       subscription is the exception to the last rule: it throws {@code IllegalStateException} when
 *       the runtime is closed or the broker cannot be reached, since there is no subscription to return.
 *   <li><b>Values</b> are immutable and thread-safe, and check themselves when built.
 * </ul>
 */
@NullMarked
package dev.rocketport.messaging;

import org.jspecify.annotations.NullMarked;
