/**
 * Internal to the RocketMQ adapter, not API (public only so its sibling packages can share it; may
 * change in any release): creating and naming the remoting client's producers, consumers and admin
 * client, mapping messages to and from RocketMQ's, routes, access denials, and {@link
 * dev.rocketport.rocketmq.client.ClientInternals}, the one class that calls into the client's
 * internals.
 */
@NullMarked
package dev.rocketport.rocketmq.client;

import org.jspecify.annotations.NullMarked;
