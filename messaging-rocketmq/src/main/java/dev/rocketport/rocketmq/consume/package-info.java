/**
 * Internal to the RocketMQ adapter, not API: the consuming side — the subscriber, one push consumer
 * per subscription, how a handler's disposition is told to the client (acknowledge, redeliver, reject
 * to the dead-letter queue, reply), starting offsets and access checks. Depends only on the shared
 * {@code client} and {@code config} packages.
 */
@NullMarked
package dev.rocketport.rocketmq.consume;

import org.jspecify.annotations.NullMarked;
