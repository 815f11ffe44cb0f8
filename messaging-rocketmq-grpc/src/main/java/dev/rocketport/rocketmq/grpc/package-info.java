/**
 * The gRPC adapter: {@link dev.rocketport.rocketmq.grpc.GrpcMessaging} speaks RocketMQ 5's gRPC
 * protocol to a proxy through {@code rocketmq-client-java}, and declares what that protocol lacks.
 */
@NullMarked
package dev.rocketport.rocketmq.grpc;

import org.jspecify.annotations.NullMarked;
