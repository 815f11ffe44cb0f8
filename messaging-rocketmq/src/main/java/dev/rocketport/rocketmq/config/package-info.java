/**
 * The RocketMQ adapter's configuration: {@link dev.rocketport.rocketmq.config.RocketMqConfig}, built
 * in code or read from properties and environment variables.
 */
@NullMarked
package dev.rocketport.rocketmq.config;

import org.jspecify.annotations.NullMarked;
