package dev.rocketport.embedded;

import java.nio.file.Path;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;

/**
 * A real RocketMQ name server on loopback, its configuration under a directory. Port 0 picks a free
 * port; a fixed port lets a restarted name server take over its predecessor's address, so clients
 * configured with it find it again. Thread-safe; {@link #close()} is idempotent.
 */
public final class EmbeddedNameServer implements AutoCloseable {
  private final NamesrvController controller;
  private final int port;
  private boolean closed;

  private EmbeddedNameServer(NamesrvController controller, int port) {
    this.controller = controller;
    this.port = port;
  }

  /** Starts a name server listening on {@code 127.0.0.1:port} ({@code 0}: any free port). */
  public static EmbeddedNameServer start(Path dir, int port) {
    NamesrvConfig config = new NamesrvConfig();
    config.setKvConfigPath(dir.resolve("namesrv/kvConfig.json").toString());
    config.setConfigStorePath(dir.resolve("namesrv/namesrv.properties").toString());
    NettyServerConfig netty = new NettyServerConfig();
    netty.setListenPort(port);
    netty.setBindAddress("127.0.0.1");
    NamesrvController controller = new NamesrvController(config, netty, new NettyClientConfig());
    try {
      if (!controller.initialize()) {
        throw new IllegalStateException("name server failed to initialize");
      }
      controller.start();
    } catch (Exception e) {
      controller.shutdown();
      throw new IllegalStateException("could not start the name server on port " + port + ": " + e.getMessage(), e);
    }
    return new EmbeddedNameServer(controller, controller.getRemotingServer().localListenPort());
  }

  /** {@code 127.0.0.1:port}, for {@code setNamesrvAddr}. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      controller.shutdown();
    }
  }
}
