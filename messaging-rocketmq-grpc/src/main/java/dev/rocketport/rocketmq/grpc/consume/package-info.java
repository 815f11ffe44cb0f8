/** Internal to the gRPC adapter: its subscriptions, on the client's simple consumer. */
@NullMarked
package dev.rocketport.rocketmq.grpc.consume;

import org.jspecify.annotations.NullMarked;
