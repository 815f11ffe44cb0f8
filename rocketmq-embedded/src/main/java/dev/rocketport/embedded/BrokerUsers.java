package dev.rocketport.embedded;

import java.util.List;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Manages ACL 2.0 users and their grants on one broker, as its super user: for tests that need an
 * application user allowed some topics and groups only. Not thread-safe; close it when done.
 */
public final class BrokerUsers implements AutoCloseable {
  private final DefaultMQAdminExt admin;
  private final String brokerAddress;

  private BrokerUsers(DefaultMQAdminExt admin, String brokerAddress) {
    this.admin = admin;
    this.brokerAddress = brokerAddress;
  }

  /** Connects to the master named {@code brokerName} through the name server, as {@code superUser}. */
  public static BrokerUsers connect(String nameServer, String brokerName, BrokerOptions.Credentials superUser,
      boolean tls) {
    DefaultMQAdminExt admin = AdminClients.start(nameServer, java.util.Optional.of(superUser), tls, "users");
    try {
      var data = admin.examineBrokerClusterInfo().getBrokerAddrTable().get(brokerName);
      String address = data == null ? null : data.getBrokerAddrs().get(0L);
      if (address == null) {
        throw new IllegalStateException("broker " + brokerName + " is not registered as a master");
      }
      return new BrokerUsers(admin, address);
    } catch (Exception e) {
      admin.shutdown();
      throw new IllegalStateException("could not reach broker " + brokerName + " as its super user: " + e, e);
    }
  }

  /** Creates a normal (not super) user. */
  public void createUser(BrokerOptions.Credentials user) {
    run("create user " + user.user(), () -> admin.createUser(brokerAddress, user.user(), user.password(), "Normal"));
  }

  /**
   * Allows {@code user} the {@code actions} ({@code Pub}, {@code Sub}, {@code Create}, {@code Update},
   * {@code Get}, {@code List}, {@code All}…) on {@code resources} ({@code Topic:orders},
   * {@code Group:billing}, a trailing {@code *} for a prefix), from any address.
   */
  public void allow(String user, List<String> resources, List<String> actions) {
    run("grant " + actions + " on " + resources + " to " + user,
        () -> admin.createAcl(brokerAddress, "User:" + user, resources, actions, List.of(), "Allow"));
  }

  private interface AdminCall {
    void run() throws Exception;
  }

  private static void run(String what, AdminCall call) {
    try {
      call.run();
    } catch (Exception e) {
      throw new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    admin.shutdown();
  }
}
