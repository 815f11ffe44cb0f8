package dev.rocketport.embedded;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link's faults, against an echo server of the test's own that counts what reached it. */
class FaultyLinkTest {
  private ServerSocket echo;
  private FaultyLink link;
  private final AtomicInteger received = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    echo = new ServerSocket();
    echo.bind(new InetSocketAddress(BrokerOptions.LISTEN_HOST, 0));
    Thread acceptor = new Thread(() -> {
      while (!echo.isClosed()) {
        try {
          Socket s = echo.accept();
          Thread t = new Thread(() -> echoAll(s));
          t.setDaemon(true);
          t.start();
        } catch (IOException closed) {
          return;
        }
      }
    });
    acceptor.setDaemon(true);
    acceptor.start();
    link = FaultyLink.open(FaultCluster.LINK_HOST, echo.getLocalPort(), BrokerOptions.LISTEN_HOST);
  }

  private void echoAll(Socket s) {
    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
      int b;
      while ((b = in.read()) >= 0) {
        received.incrementAndGet();
        out.write(b);
        out.flush();
      }
    } catch (IOException ignored) {
      // the client went away
    }
  }

  @AfterEach
  void stop() throws IOException {
    link.close();
    echo.close();
  }

  private Socket connect() throws IOException {
    Socket s = new Socket();
    s.connect(new InetSocketAddress(FaultCluster.LINK_HOST, echo.getLocalPort()), 5_000);
    s.setSoTimeout(10_000);
    return s;
  }

  private boolean awaitRefused() {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (System.nanoTime() - deadline < 0) {
      try (Socket ignored = connect()) {
        java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      } catch (java.net.ConnectException refused) {
        return true;
      } catch (IOException other) {
        return false;
      }
    }
    return false;
  }

  private static byte[] roundTrip(Socket s, byte[] request) throws IOException {
    s.getOutputStream().write(request);
    s.getOutputStream().flush();
    byte[] answer = new byte[request.length];
    new DataInputStream(s.getInputStream()).readFully(answer);
    return answer;
  }

  @Test
  void healthyItForwardsBothWays() throws IOException {
    try (Socket s = connect()) {
      assertArrayEquals(new byte[] {1, 2, 3}, roundTrip(s, new byte[] {1, 2, 3}));
    }
  }

  @Test
  void latencyDelaysEachWay() throws IOException {
    link.delay(Duration.ofMillis(100), Duration.ofMillis(20));
    try (Socket s = connect()) {
      long start = System.nanoTime();
      assertArrayEquals(new byte[] {7}, roundTrip(s, new byte[] {7}));
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tookMillis >= 200, "100 ms each way, took " + tookMillis + " ms");
    }
  }

  @Test
  void aResetComesAfterTheRequestReachedTheServer() throws IOException {
    link.resetConnections();
    try (Socket s = connect()) {
      assertThrows(IOException.class, () -> roundTrip(s, new byte[] {1, 2, 3, 4}));
    }
    assertTrue(received.get() >= 1, "the request reached the server");
    assertTrue(link.resets() >= 1);
    link.heal();
    try (Socket s = connect()) {
      assertArrayEquals(new byte[] {5}, roundTrip(s, new byte[] {5}), "healed, a new connection works");
    }
  }

  @Test
  void aBlackHoleHoldsEverythingAndDeliversItWhenItLifts() throws IOException {
    try (Socket s = connect()) {
      assertArrayEquals(new byte[] {1}, roundTrip(s, new byte[] {1}));
      link.blackHole();
      s.getOutputStream().write(new byte[] {2, 3});
      s.getOutputStream().flush();
      s.setSoTimeout(300);
      assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read(), "nothing comes back");
      assertEquals(1, received.get(), "nothing reached the server");
      link.heal();
      s.setSoTimeout(10_000);
      byte[] answer = new byte[2];
      new DataInputStream(s.getInputStream()).readFully(answer);
      assertArrayEquals(new byte[] {2, 3}, answer, "what was held arrives, in order, once the hole lifts");
    }
  }

  @Test
  void whileRefusingNewConnectionsAreRefusedAndOpenOnesStay() throws IOException {
    try (Socket open = connect()) {
      // a round trip first: a connection the link has not accepted yet would be reset with its listener
      assertArrayEquals(new byte[] {3}, roundTrip(open, new byte[] {3}));
      link.refuseConnections();
      // the listener's close may finish a moment after the call on a loaded machine
      assertTrue(awaitRefused(), "refused, as by a host whose server is down");
      assertArrayEquals(new byte[] {4}, roundTrip(open, new byte[] {4}), "the open connection still forwards");
      link.acceptConnections();
      try (Socket again = connect()) {
        assertArrayEquals(new byte[] {6}, roundTrip(again, new byte[] {6}), "accepting again on the same port");
      }
    }
  }

  @Test
  void bandwidthIsLimited() throws IOException {
    link.limit(20_000);
    try (Socket s = connect()) {
      long start = System.nanoTime();
      roundTrip(s, new byte[10_000]);
      long tookMillis = (System.nanoTime() - start) / 1_000_000;
      assertTrue(tookMillis >= 500, "10 kB each way at 20 kB/s, took " + tookMillis + " ms");
    }
  }
}
