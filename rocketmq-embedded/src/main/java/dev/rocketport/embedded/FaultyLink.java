package dev.rocketport.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.jspecify.annotations.Nullable;

/**
 * A TCP link that injects the network's faults between clients and one server: it listens on
 * {@code listenHost:port} and forwards every connection to {@code targetHost:port}, and on command
 * adds latency with jitter, limits bandwidth, resets connections in the middle of an exchange, or
 * becomes a black hole. Bytes are never lost or reordered while a connection lives, as TCP
 * promises; only {@link #resetConnections()} ends connections.
 *
 * <ul>
 *   <li>{@link #delay}: every chunk is held for the latency plus a random part of the jitter (order
 *       kept).
 *   <li>{@link #limit}: each direction of each connection carries at most that many bytes a second.
 *   <li>{@link #resetConnections()}: while on, a connection is reset (RST, both ends) as soon as the
 *       server answers on it: the request reached the server, its answer never reaches the client —
 *       the case where a client cannot know whether its request took effect.
 *   <li>{@link #blackHole()}: new connections are accepted and nothing is forwarded either way; what
 *       was sent meanwhile is delivered once the hole lifts (TCP's retransmission, succeeding), so a
 *       request a client gave up on may still take effect later.
 *   <li>{@link #heal()}: none of these.
 * </ul>
 * Thread-safe; every connection has a reader and a writer thread each way. {@link #close()} stops listening and ends every
 * connection.
 */
public final class FaultyLink implements AutoCloseable {
  private static final int CHUNK = 16 * 1024;
  private static final Chunk END = new Chunk(new byte[0], 0);

  /** The fault in force; read by every pump on every chunk. */
  private record Fault(long latencyNanos, long jitterNanos, long bytesPerSecond, boolean reset, boolean blackHole) {
    static final Fault NONE = new Fault(0, 0, 0, false, false);
  }

  private final InetSocketAddress listen;
  /** Replaced by {@link #acceptConnections()} after {@link #refuseConnections()} closed it. */
  private volatile ServerSocket server;
  private boolean refusing;
  private final InetSocketAddress target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final AtomicLong resets = new AtomicLong();
  private volatile Fault fault = Fault.NONE;
  private volatile boolean closed;

  private FaultyLink(ServerSocket server, InetSocketAddress target) {
    this.server = server;
    this.listen = new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
    this.target = target;
  }

  /**
   * Opens a link listening on {@code listenHost:port} that forwards to {@code targetHost:port}; with
   * {@code port} 0, on a free port of {@code listenHost}, forwarding to the same port of
   * {@code targetHost} ({@link #port()}), so the link holds that port before its server starts.
   */
  public static FaultyLink open(String listenHost, int port, String targetHost) {
    try {
      ServerSocket server = listening(new InetSocketAddress(listenHost, port));
      FaultyLink link = new FaultyLink(server, new InetSocketAddress(targetHost, server.getLocalPort()));
      link.startAccepting(server);
      return link;
    } catch (IOException e) {
      throw new IllegalStateException("could not listen on " + listenHost + ":" + port + ": " + e.getMessage(), e);
    }
  }

  private static ServerSocket listening(InetSocketAddress address) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(address);
    return server;
  }

  private void startAccepting(ServerSocket on) {
    Thread acceptor = new Thread(() -> acceptLoop(on), "faulty-link-accept-" + address());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port the link listens on, and forwards to. */
  public int port() {
    return listen.getPort();
  }

  /** The address clients connect to. */
  public String address() {
    return listen.getAddress().getHostAddress() + ":" + listen.getPort();
  }

  /**
   * Stops listening, so new connections are refused, as by the host of a server that is down; the
   * connections the link accepted stay (one still waiting to be accepted is reset). A broker killed behind a link is met this way, not by a connection that
   * opens and then closes (which a client must count as a request that may have been received).
   */
  public synchronized void refuseConnections() {
    if (!refusing && !closed) {
      refusing = true;
      try {
        server.close();
      } catch (IOException ignored) {
        // not listening either way
      }
    }
  }

  /** Listens again on the same address after {@link #refuseConnections()}. */
  public synchronized void acceptConnections() {
    if (refusing && !closed) {
      try {
        server = listening(listen);
      } catch (IOException e) {
        throw new IllegalStateException("could not listen on " + address() + " again: " + e.getMessage(), e);
      }
      refusing = false;
      startAccepting(server);
    }
  }

  /** Every chunk takes {@code latency} plus up to {@code jitter} more, in order. */
  public void delay(Duration latency, Duration jitter) {
    fault = new Fault(latency.toNanos(), jitter.toNanos(), 0, false, false);
  }

  /** Each direction of each connection carries at most {@code bytesPerSecond}. */
  public void limit(long bytesPerSecond) {
    if (bytesPerSecond <= 0) {
      throw new IllegalArgumentException("bytesPerSecond: must be positive, was " + bytesPerSecond);
    }
    fault = new Fault(0, 0, bytesPerSecond, false, false);
  }

  /** Resets each connection as soon as the server answers on it, until {@link #heal()}. */
  public void resetConnections() {
    fault = new Fault(0, 0, 0, true, false);
  }

  /** Forwards nothing either way until {@link #heal()}; connections stay open. */
  public void blackHole() {
    fault = new Fault(0, 0, 0, false, true);
  }

  /** Lifts the fault: everything held is delivered, in order. */
  public void heal() {
    fault = Fault.NONE;
  }

  /** Connections reset so far. */
  public long resets() {
    return resets.get();
  }

  private void acceptLoop(ServerSocket on) {
    while (!closed && !on.isClosed()) {
      try {
        Socket client = on.accept();
        client.setTcpNoDelay(true);
        sockets.add(client);
        Thread connector = new Thread(() -> connect(client), "faulty-link-connect");
        connector.setDaemon(true);
        connector.start();
      } catch (IOException e) {
        if (!closed && !on.isClosed()) {
          LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
        }
      }
    }
  }

  /** Connects upstream (once any black hole lifts, as a SYN retransmitted would) and starts both pumps. */
  private void connect(Socket client) {
    try {
      awaitNoBlackHole();
      Socket upstream = new Socket();
      upstream.setTcpNoDelay(true);
      upstream.connect(target, 5_000);
      sockets.add(upstream);
      pump(client, upstream, false);
      pump(upstream, client, true);
    } catch (IOException e) {
      // the server is down: the client sees its connection closed, as it would see a refusal
      closeQuietly(client);
    }
  }

  /** One chunk read, and when it may be written. */
  private record Chunk(byte[] bytes, long due) {}

  /** Moves bytes from {@code from} to {@code to}: a reader that timestamps chunks, a writer that delivers them when due. */
  private void pump(Socket from, Socket to, boolean answers) {
    LinkedBlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      byte[] buffer = new byte[CHUNK];
      long due = 0;
      try (InputStream in = from.getInputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          Fault now = fault;
          if (answers && now.reset()) {
            reset(from, to);
            return;
          }
          due = Math.max(due, System.nanoTime() + now.latencyNanos()
              + (now.jitterNanos() > 0 ? ThreadLocalRandom.current().nextLong(now.jitterNanos()) : 0));
          line.add(new Chunk(Arrays.copyOf(buffer, n), due));
        }
      } catch (IOException e) {
        // one end closed or reset
      } finally {
        line.add(END);
      }
    }, "faulty-link-read");
    Thread writer = new Thread(() -> {
      try (OutputStream out = to.getOutputStream()) {
        Chunk chunk;
        while ((chunk = line.take()) != END) {
          awaitNoBlackHole();
          parkUntil(chunk.due());
          out.write(chunk.bytes());
          out.flush();
          long rate = fault.bytesPerSecond();
          if (rate > 0) {
            LockSupport.parkNanos(chunk.bytes().length * 1_000_000_000L / rate);
          }
        }
      } catch (IOException | InterruptedException e) {
        // one end closed or reset, or the link closed
      } finally {
        closeQuietly(from);
        closeQuietly(to);
      }
    }, "faulty-link-write");
    reader.setDaemon(true);
    writer.setDaemon(true);
    reader.start();
    writer.start();
  }

  private void reset(Socket... ends) {
    resets.incrementAndGet();
    for (Socket end : ends) {
      try {
        end.setSoLinger(true, 0); // close with RST, not FIN
      } catch (IOException ignored) {
        // already closed
      }
      closeQuietly(end);
    }
  }

  private void awaitNoBlackHole() {
    while (fault.blackHole() && !closed) {
      LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
    }
  }

  private static void parkUntil(long due) {
    long left;
    while ((left = due - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }

  private void closeQuietly(@Nullable Socket socket) {
    if (socket == null) {
      return;
    }
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    try {
      server.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    sockets.forEach(this::closeQuietly);
  }
}
