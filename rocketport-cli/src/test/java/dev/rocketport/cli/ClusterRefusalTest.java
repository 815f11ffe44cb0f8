package dev.rocketport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.embedded.BrokerOptions;
import dev.rocketport.embedded.ChildProcessRocketMq;
import dev.rocketport.embedded.EmbeddedRocketMq;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A cluster with ACL 2.0 on (a broker in a child JVM) refuses the command line's wrong or missing credentials. */
class ClusterRefusalTest {
  private static final BrokerOptions.Credentials ADMIN = new BrokerOptions.Credentials("cli-admin", "cli-secret-1");
  private static Path store;
  private static ChildProcessRocketMq broker;

  @BeforeAll
  static void start() throws Exception {
    store = Files.createTempDirectory("rocketport-cli-acl-");
    broker = ChildProcessRocketMq.start(store, BrokerOptions.defaults().withAccessControl(ADMIN), List.of("-Xmx256m"));
  }

  @AfterAll
  static void stop() {
    broker.close();
    EmbeddedRocketMq.deleteRecursively(store);
  }

  @Test
  void wrongOrMissingCredentialsEndWithTheClusterExitCode() {
    String nameServer = broker.nameServerAddress();
    CliRun wrong = CliRun.of("status", "--namesrv", nameServer, "--access-key", ADMIN.user(),
        "--secret-key", "not-the-secret");
    assertEquals(ExitCodes.CLUSTER, wrong.exitCode(), wrong::toString);
    assertTrue(wrong.err().contains("access denied"), wrong::toString);
    CliRun none = CliRun.of("dlq", "list", "--namesrv", nameServer);
    assertEquals(ExitCodes.CLUSTER, none.exitCode(), none::toString);
    assertTrue(none.err().contains("access denied"), none::toString);
    CliRun admin = CliRun.of("status", "--namesrv", nameServer, "--access-key", ADMIN.user(),
        "--secret-key", ADMIN.password());
    assertEquals(ExitCodes.OK, admin.exitCode(), admin::toString);
  }
}
