package dev.rocketport.embedded;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Free loopback ports for the servers of a {@link FaultCluster}. Stateless; thread-safe. */
final class LoopbackPorts {
  private static final int ATTEMPTS = 100;

  private LoopbackPorts() {}

  /** A port free on every address now. */
  static int free() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }

  /** A free port whose broker fast port ({@code port - 2}) is free too. */
  static int forBroker() {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      int port = free();
      if (port > 1026 && isFree(port - 2)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port with a free fast port below it");
  }

  /**
   * A {@link FaultyLink} on a free port of {@code linkHost}, forwarding to the same port of
   * {@link BrokerOptions#LISTEN_HOST}, where that port and the fast port below it are free: the link
   * holds the port from here on, so no server started meanwhile (another test's broker, say) can
   * take it between the choice and the broker's start.
   */
  static FaultyLink linkFor(String linkHost) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      FaultyLink link = FaultyLink.open(linkHost, 0, BrokerOptions.LISTEN_HOST);
      int port = link.port();
      if (port > 1026 && isFree(new InetSocketAddress(BrokerOptions.LISTEN_HOST, port)) && isFree(port - 2)) {
        return link;
      }
      link.close();
    }
    throw new IllegalStateException("no free port on " + linkHost + " whose broker and fast ports are free");
  }

  private static boolean isFree(int port) {
    return isFree(new InetSocketAddress(port));
  }

  private static boolean isFree(InetSocketAddress address) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(address);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
