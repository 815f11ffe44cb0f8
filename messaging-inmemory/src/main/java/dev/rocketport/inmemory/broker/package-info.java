/**
 * The in-memory broker model of RocketMQ's semantics behind one facade, {@link
 * dev.rocketport.inmemory.broker.Broker}: topics and queues, groups and allocation, verdicts,
 * retries and dead letters, timers, half messages.
 */
@NullMarked
package dev.rocketport.inmemory.broker;

import org.jspecify.annotations.NullMarked;
