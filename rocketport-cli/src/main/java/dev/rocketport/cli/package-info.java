/**
 * Rocketport's command line for operators ({@code ./rocketport dlq}, {@code ./rocketport status}): it
 * reaches a RocketMQ cluster through the RocketMQ adapter and works only through the
 * {@link dev.rocketport.messaging.admin.MessagingAdmin} port, so what it shows and moves is what the
 * conformance suite specifies. Built on picocli.
 */
@NullMarked
package dev.rocketport.cli;

import org.jspecify.annotations.NullMarked;
