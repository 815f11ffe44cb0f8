package dev.rocketport.examples.launch;

import java.nio.file.Path;
import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.io.IOException;
import dev.rocketport.rocketmq.grpc.config.GrpcConfig;
import dev.rocketport.rocketmq.grpc.GrpcMessaging;
import dev.rocketport.embedded.ChildProcessRocketMq;
import dev.rocketport.embedded.EmbeddedRocketMq;
import dev.rocketport.embedded.EmbeddedSettings;
import dev.rocketport.examples.SpanCollector;
import dev.rocketport.inmemory.InMemoryBroker;
import dev.rocketport.inmemory.InMemoryMessaging;
import dev.rocketport.messaging.Messaging;
import dev.rocketport.messaging.RetryLadder;
import dev.rocketport.messaging.interception.Interceptors;
import dev.rocketport.micrometer.RocketportMetrics;
import dev.rocketport.middleware.CorrelationIds;
import dev.rocketport.middleware.MdcContext;
import dev.rocketport.opentelemetry.RocketportTracing;
import dev.rocketport.rocketmq.RocketMqMessaging;
import dev.rocketport.rocketmq.config.RocketMqConfig;
import dev.rocketport.testing.Waiting;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.function.Function;

/**
 * The composition root's choice of adapter: a runtime with the tour's observability installed
 * (OpenTelemetry tracing, Micrometer meters, correlation ids, MDC), the matching time driver, and whatever must be closed
 * after it (the embedded broker). The only place in the examples that knows adapters.
 */
public final class AdapterRuntime implements AutoCloseable {
  private final String name;
  private final String closing;
  private final Messaging messaging;
  private final Waiting time;
  private final MeterRegistry meters;
  private final SpanCollector spans = new SpanCollector();
  private final AutoCloseable infrastructure;

  private AdapterRuntime(String name, String closing, Function<Interceptors, Messaging> start, Waiting time,
      AutoCloseable infrastructure) {
    this.name = name;
    this.closing = closing;
    this.meters = new SimpleMeterRegistry();
    RocketportMetrics metrics = RocketportMetrics.on(meters);
    OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    Interceptors observability = RocketportTracing.create(otel).interceptors().plus(metrics.interceptors())
        .plus(CorrelationIds.interceptors()).plus(Interceptors.builder().handler(new MdcContext()).build());
    this.messaging = start.apply(observability);
    this.time = time;
    this.infrastructure = () -> {
      metrics.close();
      otel.close();
      infrastructure.close();
    };
  }

  /** The in-memory adapter on a virtual clock: waits advance time instead of sleeping. */
  public static AdapterRuntime inMemory() {
    InMemoryBroker broker = InMemoryBroker.virtualClock();
    return new AdapterRuntime("inmemory", "closing inmemory…", interceptors -> InMemoryMessaging.connect(broker, interceptors),
        Waiting.virtualClock(broker::now, broker::advanceUntil), broker);
  }

  /** The RocketMQ adapter on a real broker started in this JVM. */
  public static AdapterRuntime embeddedRocketMq() {
    EmbeddedRocketMq broker = EmbeddedRocketMq.start(EmbeddedSettings.forTests());
    RocketMqConfig config = RocketMqConfig.builder(broker.nameServerAddress())
        .retryLadder(RetryLadder.of(broker.settings().delayLevels()))
        .pollNameServerInterval(Duration.ofSeconds(1)).build();
    return new AdapterRuntime("rocketmq", "closing rocketmq (the embedded broker takes ~20 s to stop)…",
        interceptors -> RocketMqMessaging.start(config, interceptors), Waiting.wallClock(), broker);
  }

  /** The RocketMQ adapter on an existing cluster. */
  public static AdapterRuntime rocketMq(String nameServer) {
    RocketMqConfig config = RocketMqConfig.builder(nameServer).build();
    return new AdapterRuntime("rocketmq", "closing rocketmq (the clients; the cluster keeps running)…",
        interceptors -> RocketMqMessaging.start(config, interceptors), Waiting.wallClock(), () -> { });
  }

  /**
   * The gRPC adapter on a name server, broker and RocketMQ proxy (LOCAL mode) started in a child JVM:
   * the proxy cannot share this JVM's class loader with the gRPC client.
   */
  public static AdapterRuntime embeddedGrpc() {
    Path store;
    try {
      store = Files.createTempDirectory("rocketport-tour-grpc");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChildProcessRocketMq node = ChildProcessRocketMq.withProxy(store);
    GrpcConfig config = GrpcConfig.builder(node.proxyEndpoint()).nameServer(node.nameServerAddress())
        .retryLadder(RetryLadder.of(EmbeddedSettings.forTests().delayLevels())).build();
    return new AdapterRuntime("rocketmq-grpc", "closing rocketmq-grpc (the child JVM is killed: its store is scratch)…",
        interceptors -> GrpcMessaging.start(config, interceptors), Waiting.wallClock(), node::kill);
  }

  /** The gRPC adapter on an existing proxy, with its cluster's name server (the tour creates topics). */
  public static AdapterRuntime grpc(String endpoints, String nameServer) {
    GrpcConfig config = GrpcConfig.builder(endpoints).nameServer(nameServer).build();
    return new AdapterRuntime("rocketmq-grpc", "closing rocketmq-grpc (the clients; the cluster keeps running)…",
        interceptors -> GrpcMessaging.start(config, interceptors), Waiting.wallClock(), () -> { });
  }

  public String name() {
    return name;
  }

  /** What the tour prints while this runtime closes: true of the target it ran on. */
  public String closingNote() {
    return closing;
  }

  public Messaging messaging() {
    return messaging;
  }

  public Waiting time() {
    return time;
  }

  /** The spans {@link #messaging()} finished. */
  public SpanCollector spans() {
    return spans;
  }

  /** The meters of {@link #messaging()}. */
  public MeterRegistry meters() {
    return meters;
  }

  @Override
  public void close() throws Exception {
    messaging.close();
    infrastructure.close();
  }
}
