/**
 * RocketMQ's shaded SLF4J (client and broker) written through the application's SLF4J.
 */
@NullMarked
package dev.rocketport.rocketmq.logging;

import org.jspecify.annotations.NullMarked;
