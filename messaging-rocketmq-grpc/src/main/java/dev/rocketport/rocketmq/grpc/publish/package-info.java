/** Internal to the gRPC adapter: its publishers. */
@NullMarked
package dev.rocketport.rocketmq.grpc.publish;

import org.jspecify.annotations.NullMarked;
