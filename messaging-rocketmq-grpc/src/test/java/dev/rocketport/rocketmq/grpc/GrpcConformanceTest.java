package dev.rocketport.rocketmq.grpc;

import dev.rocketport.messaging.tck.AdapterFixture;
import dev.rocketport.messaging.tck.MessagingConformanceSuite;

/** The whole conformance suite on the gRPC adapter, against a real proxy, broker and name server. */
class GrpcConformanceTest extends MessagingConformanceSuite {
  @Override
  protected AdapterFixture createFixture() {
    return new GrpcFixture();
  }
}
