package dev.rocketport.embedded;

import java.util.Optional;
import java.util.UUID;
import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/** Starts the RocketMQ admin clients this module uses, configured alike. Stateless. */
final class AdminClients {
  private AdminClients() {}

  /**
   * A started admin client of {@code nameServer}, signing its requests as {@code user} if given
   * (ACL 2.0), over TLS if {@code tls}; {@code role} names it among the JVM's clients.
   */
  static DefaultMQAdminExt start(String nameServer, Optional<BrokerOptions.Credentials> user, boolean tls,
      String role) {
    DefaultMQAdminExt admin = new DefaultMQAdminExt(user.map(u -> new AclClientRPCHook(
        new SessionCredentials(u.user(), u.password()))).orElse(null), 5_000);
    admin.setNamesrvAddr(nameServer);
    admin.setInstanceName("rocketport-" + role + "-" + UUID.randomUUID());
    admin.setVipChannelEnabled(false);
    admin.setUseTLS(tls);
    try {
      admin.start();
    } catch (Exception e) {
      throw new IllegalStateException("could not start the " + role + " admin client: " + e.getMessage(), e);
    }
    return admin;
  }
}
