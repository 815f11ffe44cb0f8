package dev.rocketport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (the version zonky packages) in a fresh data directory on a free local
 * port, for tests and the bench — nothing installed by hand. PostgreSQL refuses to run as root; when
 * this JVM runs as root (CI does), the server runs as the unprivileged user {@value #UNPRIVILEGED}
 * through util-linux's {@code setpriv}, and its data directory is handed to that user. Settings are
 * PostgreSQL's defaults (durable commits). {@link #close()} stops it and deletes its data; a JVM
 * that exits without closing stops it from a shutdown hook. Thread-safe.
 */
public final class PostgresServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);
  static final String UNPRIVILEGED = "nobody";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  private final Path binaries;
  private final Path base;
  private final Path data;
  private final int port;
  private final boolean asRoot;
  private final Thread stopOnExit = new Thread(this::stop, "rocketport-postgres-stop");
  private boolean stopped;

  private PostgresServer(Path binaries, Path base, int port, boolean asRoot) {
    this.binaries = binaries;
    this.base = base;
    this.data = base.resolve("data");
    this.port = port;
    this.asRoot = asRoot;
  }

  /** Initializes a data directory and starts the server; throws {@link IllegalStateException} if it cannot. */
  public static PostgresServer start() {
    try {
      Path base = Files.createTempDirectory("rocketport-pg-");
      Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
      PostgresServer server = new PostgresServer(PostgresBinaries.installed(), base, freePort(), isRoot());
      server.initAndStart();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("could not prepare a PostgreSQL data directory", e);
    }
  }

  private static boolean isRoot() {
    return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private void initAndStart() throws IOException {
    Files.createDirectories(data);
    if (asRoot) {
      UserPrincipalLookupService users = data.getFileSystem().getUserPrincipalLookupService();
      PosixFileAttributeView view = Files.getFileAttributeView(data, PosixFileAttributeView.class);
      view.setOwner(users.lookupPrincipalByName(UNPRIVILEGED));
    }
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
    run("initdb", "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8", "--no-locale");
    Runtime.getRuntime().addShutdownHook(stopOnExit);
    run("pg_ctl", "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t",
        String.valueOf(START_TIMEOUT.toSeconds()), "-o", "-p " + port + " -h 127.0.0.1 -k " + data, "start");
    LOG.info("PostgreSQL started on 127.0.0.1:{}{}", port, asRoot ? " as " + UNPRIVILEGED : "");
  }

  /** Runs a PostgreSQL program, as the unprivileged user when this JVM is root; throws if it fails. */
  private void run(String program, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    if (asRoot) {
      // nobody's uid and gid on Debian-like systems; setpriv needs numbers or names, names are resolved here
      command.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED, "--regid=nogroup", "--clear-groups", "--"));
    }
    command.add(binaries.resolve("bin").resolve(program).toString());
    command.addAll(List.of(args));
    Path output = Files.createTempFile(base, program, ".out");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    try {
      if (!process.waitFor(START_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(program + " did not finish within " + START_TIMEOUT);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running " + program, e);
    }
    if (process.exitValue() != 0) {
      throw new IllegalStateException(program + " failed (exit " + process.exitValue() + "): "
          + Files.readString(output, StandardCharsets.UTF_8).strip());
    }
  }

  public int port() {
    return port;
  }

  /** The JDBC URL of the server's {@code postgres} database. */
  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
  }

  /** The superuser, which needs no password here. */
  public String user() {
    return "postgres";
  }

  /** A data source on {@link #jdbcUrl()} as {@link #user()}. */
  public DataSource dataSource() {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setURL(jdbcUrl());
    source.setUser(user());
    return source;
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException exiting) {
      // the JVM is exiting: the hook is running or ran
    }
  }

  private synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      run("pg_ctl", "-D", data.toString(), "-m", "fast", "-w", "stop");
    } catch (IOException | RuntimeException e) {
      LOG.warn("stopping PostgreSQL on port {} failed", port, e);
    }
    try (Stream<Path> files = Files.walk(base)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warn("could not delete {}", base, e);
    }
  }
}
