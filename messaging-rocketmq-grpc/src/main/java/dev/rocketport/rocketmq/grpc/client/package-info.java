/**
 * Internal to the gRPC adapter, not API (public only so its sibling packages can share it; may change
 * in any release): building {@code rocketmq-client-java}'s clients, mapping messages to and from its
 * own, classifying its failures, and provisioning groups through a name server.
 */
@NullMarked
package dev.rocketport.rocketmq.grpc.client;

import org.jspecify.annotations.NullMarked;
