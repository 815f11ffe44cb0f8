/**
 * For adapter authors, never for applications: the rules every adapter applies alike, so that the
 * conformance suite sees one behaviour — admission checks before anything is sent
 * ({@link dev.rocketport.messaging.spi.PublishChecks}, {@link dev.rocketport.messaging.spi.SubscribeChecks}),
 * batch planning, the SQL92 filter grammar, the handler-call rule
 * ({@link dev.rocketport.messaging.spi.HandlerCalls}) and the transactional-publisher registry.
 * Nothing is nullable here either.
 */
@NullMarked
package dev.rocketport.messaging.spi;

import org.jspecify.annotations.NullMarked;
