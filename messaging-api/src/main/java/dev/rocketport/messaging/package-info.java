/**
 * Rocketport's broker-agnostic API: the ports ({@link dev.rocketport.messaging.Publisher},
 * {@link dev.rocketport.messaging.OrderedPublisher}, {@link dev.rocketport.messaging.TransactionalPublisher},
 * {@link dev.rocketport.messaging.Subscriber}, {@link dev.rocketport.messaging.Requester}), the
 * values they exchange and their typed failures. Beside them: {@code admin} (the administration
 * port and its values), {@code health} (the health check) and {@code interception} (handler
 * middleware and publish interceptors installed per runtime). Applications depend on these
 * packages only.
 *
 * <p>The rules every type here follows:
 * <ul>
 *   <li><b>Null</b>: nothing is nullable (the package is {@code @NullMarked}); absence is
 *       {@code io.vavr.control.Option}. A null argument is a programmer error and throws
 *       {@link dev.rocketport.messaging.InvalidArgumentException} naming it.
 *   <li><b>Values and exceptions</b>: an argument that can never be valid throws
 *       {@link dev.rocketport.messaging.InvalidArgumentException} at once, naming the field; a feature
 *       the adapter lacks throws {@link dev.rocketport.messaging.UnsupportedFeatureException}. After
 *       that, one rule: <em>moving messages and administering</em> (publish, admin calls) reports
 *       what goes wrong at run time — broker down, topic missing, timeout, closed — as a value,
 *       {@code Either<PublishFailure, …>} or {@code Either<AdminFailure, …>}, because callers handle
 *       it per message; <em>building the runtime's structure</em> (starting a runtime, a
 *       transactional publisher or a subscription) throws — {@code IllegalStateException} when the
 *       runtime is closed or the broker cannot be reached, {@code InvalidArgumentException} on
 *       {@code topic} for a topic that does not exist — because it happens once, at startup, where
 *       failing loudly is what an application wants and there is nothing to return to work with.
 *   <li><b>Values</b> are immutable and thread-safe, and check themselves when built.
 * </ul>
 */
@NullMarked
package dev.rocketport.messaging;

import org.jspecify.annotations.NullMarked;
