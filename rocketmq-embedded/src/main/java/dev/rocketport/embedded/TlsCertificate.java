package dev.rocketport.embedded;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code 127.0.0.1}, generated for a test by the JDK's
 * {@code keytool} and written as the PEM files RocketMQ's TLS reads ({@code cert.pem}, and the
 * unencrypted PKCS#8 {@code key.pem}). {@link #enforcingServer()} gives the JVM options that make a
 * child broker and name server accept TLS connections only. Immutable.
 */
public record TlsCertificate(Path certificate, Path privateKey) {

  /** Generates a 2048-bit RSA key and a certificate valid for a day into {@code dir}. */
  public static TlsCertificate generate(Path dir) {
    try {
      Files.createDirectories(dir);
      Path keyStore = dir.resolve("broker.p12");
      Files.deleteIfExists(keyStore);
      char[] password = "rocketport".toCharArray();
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize",
          "2048", "-validity", "1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
          "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", new String(password))
          .redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(keyStore)) {
        store.load(in, password);
      }
      Key key = store.getKey("broker", password);
      TlsCertificate files = new TlsCertificate(dir.resolve("cert.pem"), dir.resolve("key.pem"));
      Files.writeString(files.certificate(), pem("CERTIFICATE", store.getCertificate("broker").getEncoded()));
      Files.writeString(files.privateKey(), pem("PRIVATE KEY", key.getEncoded()));
      return files;
    } catch (Exception e) {
      throw new IllegalStateException("could not generate a TLS certificate in " + dir + ": " + e.getMessage(), e);
    }
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  /** JVM options for a child that serves TLS only, with this certificate, and asks clients for none. */
  public List<String> enforcingServer() {
    return List.of("-Dtls.server.mode=enforcing", "-Dtls.test.mode.enable=false",
        "-Dtls.server.need.client.auth=none", "-Dtls.server.certPath=" + certificate,
        "-Dtls.server.keyPath=" + privateKey, "-Dtls.client.authServer=false");
  }
}
