package dev.rocketport.embedded;

import java.nio.file.Path;
import org.apache.rocketmq.common.ControllerConfig;
import org.apache.rocketmq.controller.ControllerManager;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;

/**
 * RocketMQ 5's controller on loopback, a single DLedger node with its log under a directory: the
 * service that elects a broker group's master among its replicas (brokers started in controller mode
 * register with it), with RocketMQ's own timings (a broker missing heartbeats for 10 s is inactive;
 * inactive masters are looked for every 5 s). Its state survives a restart on the same directory and
 * port. Thread-safe; {@link #close()} is idempotent.
 */
public final class EmbeddedController implements AutoCloseable {
  /** DLedger's entry files; RocketMQ's default (1 GiB) is far beyond what a test cluster writes. */
  private static final int LOG_FILE_SIZE = 16 * 1024 * 1024;

  private final ControllerManager manager;
  private final int port;
  private boolean closed;

  private EmbeddedController(ControllerManager manager, int port) {
    this.manager = manager;
    this.port = port;
  }

  /** Starts a controller on {@code 127.0.0.1:port}, keeping its state under {@code dir}. */
  public static EmbeddedController start(Path dir, int port) {
    ControllerConfig config = new ControllerConfig();
    config.setConfigStorePath(dir.resolve("controller/controller.properties").toString());
    config.setControllerStorePath(dir.resolve("controller/store").toString());
    config.setControllerDLegerGroup("rocketport");
    config.setControllerDLegerPeers("n0-127.0.0.1:" + port);
    config.setControllerDLegerSelfId("n0");
    config.setMappedFileSize(LOG_FILE_SIZE);
    NettyServerConfig netty = new NettyServerConfig();
    netty.setListenPort(port);
    netty.setBindAddress("127.0.0.1");
    ControllerManager manager = new ControllerManager(config, netty, new NettyClientConfig());
    try {
      if (!manager.initialize()) {
        throw new IllegalStateException("controller failed to initialize");
      }
      manager.start();
    } catch (RuntimeException e) {
      manager.shutdown();
      throw new IllegalStateException("could not start the controller on port " + port + ": " + e.getMessage(), e);
    }
    return new EmbeddedController(manager, port);
  }

  /** {@code 127.0.0.1:port}, a broker's {@code controllerAddr}. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      manager.shutdown();
    }
  }
}
