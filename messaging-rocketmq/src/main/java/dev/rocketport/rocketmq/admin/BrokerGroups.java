package dev.rocketport.rocketmq.admin;

import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.remoting.protocol.route.BrokerData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/** The brokers the name server lists, by role in their group. Stateless; thread-safe. */
final class BrokerGroups {
  private BrokerGroups() {}

  /** Each group's master; throws if no group has one. */
  static List<String> masters(DefaultMQAdminExt admin) throws Exception {
    List<String> masters = new ArrayList<>();
    for (BrokerData broker : admin.examineBrokerClusterInfo().getBrokerAddrTable().values()) {
      String master = broker.getBrokerAddrs().get(MixAll.MASTER_ID);
      if (master != null) {
        masters.add(master);
      }
    }
    if (masters.isEmpty()) {
      throw new IllegalStateException("no master broker is registered with the name server");
    }
    return masters;
  }

  /** The replicas of the groups that have a master (a group without one is electing it). */
  static List<String> replicas(DefaultMQAdminExt admin) throws Exception {
    List<String> replicas = new ArrayList<>();
    for (BrokerData broker : admin.examineBrokerClusterInfo().getBrokerAddrTable().values()) {
      if (broker.getBrokerAddrs().containsKey(MixAll.MASTER_ID)) {
        broker.getBrokerAddrs().forEach((id, address) -> {
          if (id != MixAll.MASTER_ID) {
            replicas.add(address);
          }
        });
      }
    }
    return replicas;
  }
}
