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

  /** The route of {@code topic} (physical name), none if the topic does not exist; a failure if unreachable. */
  public Try<Option<TopicRouteData>> route(String physicalTopic) {
    return Try.of(() -> {
      try {
        TopicRouteData route = admin.examineTopicRouteInfo(physicalTopic);
        return route == null || route.getQueueDatas().isEmpty() ? Option.<TopicRouteData>none() : Option.some(route);
      } catch (MQClientException e) {
        if (e.getResponseCode() == ResponseCode.TOPIC_NOT_EXIST) {
          return Option.<TopicRouteData>none();
        }
        throw e;
      }
    });
  }

  public Try<Option<TopicRouteData>> route(Topic topic) {
    return route(clients.physical(topic.name()));
  }

  /** Why a send found no route for {@code topic}. */
  public PublishFailure explainMissingRoute(Topic topic) {
    return route(topic).fold(
        error -> new PublishFailure.BrokerUnavailable("name server " + clients.config().nameServer()
            + " unreachable: " + error.getMessage()),
        route -> route.isEmpty() ? new PublishFailure.TopicNotFound(topic)
            : new PublishFailure.BrokerUnavailable("the topic has a route but no broker of it answered"));
  }

  /** The address of {@code brokerName}'s master in {@code route}; throws if the route names none. */
  public static String masterOf(TopicRouteData route, String brokerName) {
    return route.getBrokerDatas().stream().filter(b -> b.getBrokerName().equals(brokerName)).findFirst()
        .map(b -> b.getBrokerAddrs().get(MixAll.MASTER_ID))
        .orElseThrow(() -> new IllegalStateException("no master address for broker " + brokerName));
  }
}
