package dev.rocketport.rocketmq.client;

import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Option;
import io.vavr.control.Try;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Asks the name server for a topic's route, telling "the topic does not exist" apart from "the name
 * server cannot be reached" — the client reports both as "No route info". Thread-safe.
 */
public final class RouteProbe {
  private final DefaultMQAdminExt admin;
  private final Clients clients;

  public RouteProbe(DefaultMQAdminExt admin, Clients clients) {
    this.admin = admin;
    this.clients = clients;
  }

  /**
   * The route of {@code topic} (physical name), none if the topic does not exist; a failure if the
   * name server is unreachable, or if no broker is registered with it at all — then nothing can be
   * said of the topic (a cluster starting, a broker restarting: a RocketMQ 5 broker registers about
   * 10 s after it booted), and the failure is a {@link NoBrokerRegistered}.
   */
  public Try<Option<TopicRouteData>> route(String physicalTopic) {
    return Try.of(() -> {
      Option<TopicRouteData> route = lookUp(physicalTopic);
      if (route.isEmpty() && noBrokerRegistered()) {
        throw new NoBrokerRegistered(clients.config().nameServer());
      }
      return route;
    });
  }

  private Option<TopicRouteData> lookUp(String physicalTopic) throws Exception {
    try {
      TopicRouteData route = admin.examineTopicRouteInfo(physicalTopic);
      return route == null || route.getQueueDatas().isEmpty() ? Option.none() : Option.some(route);
    } catch (MQClientException e) {
      if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
        return Option.none();
      }
      throw e;
    }
  }

  private boolean noBrokerRegistered() throws Exception {
    var cluster = admin.examineBrokerClusterInfo();
    return cluster == null || cluster.getBrokerAddrTable() == null || cluster.getBrokerAddrTable().isEmpty();
  }

  /** No broker is registered with the name server: the cluster may be starting, a broker restarting. */
  public static final class NoBrokerRegistered extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    NoBrokerRegistered(String nameServer) {
      super("no broker is registered with name server " + nameServer + " (a cluster starting or a broker "
          + "restarting registers within about 10 s)");
    }
  }

  public Try<Option<TopicRouteData>> route(Topic topic) {
    return route(clients.physical(topic.name()));
  }

  /** Why a send found no route for {@code topic} (so sent nothing). */
  public PublishFailure explainMissingRoute(Topic topic) {
    return route(topic).fold(
        error -> PublishFailure.BrokerUnavailable.unreached(error instanceof NoBrokerRegistered
            ? String.valueOf(error.getMessage())
            : "name server " + clients.config().nameServer() + " unreachable: " + error.getMessage()),
        route -> route.isEmpty() ? new PublishFailure.TopicNotFound(topic)
            : PublishFailure.BrokerUnavailable.unreached("the topic has a route but no broker of it answered"));
  }

  /** The address of {@code brokerName}'s master in {@code route}; throws if the route names none. */
  public static String masterOf(TopicRouteData route, String brokerName) {
    return route.getBrokerDatas().stream().filter(b -> b.getBrokerName().equals(brokerName)).findFirst()
        .map(b -> b.getBrokerAddrs().get(MixAll.MASTER_ID))
        .orElseThrow(() -> new IllegalStateException("no master address for broker " + brokerName));
  }
}
