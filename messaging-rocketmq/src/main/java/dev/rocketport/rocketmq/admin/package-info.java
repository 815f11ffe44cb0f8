/**
 * Internal to the RocketMQ adapter, not API: the admin port on RocketMQ's admin client — topics,
 * backlogs, messages by key, and the dead-letter queue reader and redrive. Depends only on the shared
 * {@code client} and {@code config} packages.
 */
@NullMarked
package dev.rocketport.rocketmq.admin;

import org.jspecify.annotations.NullMarked;
