/**
 * For adapter authors, never for applications (an architecture rule keeps applications out): the
 * guide to writing an adapter. The base classes apply every rule the conformance suite checks that
 * is not about the broker itself, so that all adapters behave alike; an adapter fills in the hooks
 * below and passes {@code MessagingConformanceSuite} ({@code messaging-tck}) with a fixture of its
 * own.
 *
 * <h2>The runtime</h2>
 * Extend {@link dev.rocketport.messaging.spi.AbstractMessaging} with the adapter's
 * {@link dev.rocketport.messaging.Capabilities} (what it cannot do is declared there and refused with
 * a typed failure, never faked), its clock and the runtime's interceptors. It makes the
 * {@link dev.rocketport.messaging.spi.AdapterContext} to hand to every port's base class, keeps
 * one transactional publisher per producer group, answers the health check and makes close
 * idempotent. Hooks: {@code newTransactionalPublisher}, {@code adapterHealth} (a real, bounded
 * round trip to the broker) and {@code closeResources} (subscriptions first, then in-flight
 * asynchronous sends, then clients).
 *
 * <h2>Publishing</h2>
 * {@link dev.rocketport.messaging.spi.AbstractPublisher} validates each message once
 * ({@link dev.rocketport.messaging.spi.PublishChecks}: size, delay, features), refuses work once
 * closed, runs the publish interceptors and plans batches; the adapter implements {@code store},
 * {@code storeOrdered}, {@code storeAsync}, {@code storeOneway} and {@code storeChunk}, and may
 * refuse more in {@code admitFurther}. Every outcome is a {@code PublishFailure} value; an adapter
 * classifies its client's errors into them, marking unknown outcomes as such.
 * {@link dev.rocketport.messaging.spi.AbstractTransactionalPublisher} does the same around
 * {@code storeInTransaction} (a local transaction or checker that throws or answers null means
 * UNKNOWN). {@link dev.rocketport.messaging.spi.AbstractRequester} keeps requests and their
 * timeouts; the adapter sends ({@code send}) and schedules ({@code after}).
 *
 * <h2>Consuming</h2>
 * {@link dev.rocketport.messaging.spi.AbstractSubscriber} checks the spec
 * ({@link dev.rocketport.messaging.spi.SubscribeChecks}), keeps the members of a group in one
 * runtime alike ({@link dev.rocketport.messaging.spi.GroupShape}), wraps the handler in its
 * middleware and timeout, and hands {@code startMember} a
 * {@link dev.rocketport.messaging.spi.GuardedHandler}: the one place that decides what a handler's
 * outcome means. Each call answers a {@link dev.rocketport.messaging.spi.Disposition} — acknowledge,
 * respond (send a reply, then acknowledge), redeliver (after a delay or on the retry ladder),
 * dead-letter with a reason, or discard (broadcasting) — and the adapter only tells its client.
 * {@link dev.rocketport.messaging.spi.PauseGate} holds handler threads while a subscription is
 * paused.
 *
 * <h2>Administration</h2>
 * {@link dev.rocketport.messaging.spi.AbstractAdmin} validates requests and refuses them once
 * closed; the adapter implements {@code doCreateTopic}, {@code doBacklog}, {@code doDeadLetters},
 * {@code doRedriveDeadLetters} and {@code doFindByKey}.
 *
 * <h2>Shared rules</h2>
 * {@link dev.rocketport.messaging.spi.WireRules} (queue for a sharding key, encoded size, delay
 * level for a requested delay), {@link dev.rocketport.messaging.spi.FilterSyntax} (a filter in
 * RocketMQ's subscription syntax), {@link dev.rocketport.messaging.spi.SqlFilter} (the SQL92 grammar)
 * and {@link dev.rocketport.messaging.spi.CapabilityChecks} (RocketMQ's default limits, the
 * fail-fast feature check) are what a model of RocketMQ must apply as the broker does.
 *
 * <p>Nothing is nullable here either; base classes are thread-safe where their javadoc says so,
 * and expect the adapter's hooks to be.
 */
@NullMarked
package dev.rocketport.messaging.spi;

import org.jspecify.annotations.NullMarked;
