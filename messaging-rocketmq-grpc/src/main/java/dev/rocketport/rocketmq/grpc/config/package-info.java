/** The gRPC adapter's configuration. */
@NullMarked
package dev.rocketport.rocketmq.grpc.config;

import org.jspecify.annotations.NullMarked;
