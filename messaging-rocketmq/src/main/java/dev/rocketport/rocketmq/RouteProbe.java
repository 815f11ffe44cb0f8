package dev.rocketport.rocketmq;

import dev.rocketport.messaging.PublishFailure;
import dev.rocketport.messaging.Topic;
import io.vavr.control.Option;
import io.vavr.control.Try;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.remoting.protocol.ResponseCode;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Asks the name server for a topic's route, telling "the topic does not exist" apart from "the name
 * server cannot be reached" — the client reports both as "No route info". Thread-safe.
 */
final class RouteProbe {
  private final DefaultMQAdminExt admin;
  private final Clients clients;

  RouteProbe(DefaultMQAdminExt admin, Clients clients) {
    this.admin = admin;
    this.clients = clients;
  }

  /** The route of {@code topic} (physical name), none if the topic does not exist; a failure if unreachable. */
  Try<Option<TopicRouteData>> route(String physicalTopic) {
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

  Try<Option<TopicRouteData>> route(Topic topic) {
    return route(clients.physical(topic.name()));
  }

  /** Why a send found no route for {@code topic}. */
  PublishFailure explainMissingRoute(Topic topic) {
    return route(topic).fold(
        error -> new PublishFailure.BrokerUnavailable("name server " + clients.config().nameServer()
            + " unreachable: " + error.getMessage()),
        route -> route.isEmpty() ? new PublishFailure.TopicNotFound(topic)
            : new PublishFailure.BrokerUnavailable("the topic has a route but no broker of it answered"));
  }
}
