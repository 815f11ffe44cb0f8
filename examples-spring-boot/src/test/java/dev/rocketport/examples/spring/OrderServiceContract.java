package dev.rocketport.examples.spring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rocketport.testing.Waiting;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The order service over HTTP, as its users reach it: an order posted is published, billed by the
 * listener and shown as an invoice; Actuator reports the rocketport health component and the
 * publish meter. Each adapter's test supplies its settings.
 */
abstract class OrderServiceContract {
  private static final Duration BUDGET = Duration.ofSeconds(60);

  /** The adapter's settings, on top of a random HTTP port. */
  abstract Map<String, String> adapterSettings();

  @Test
  void anOrderPostedIsBilledAndHealthAndMetricsAreServed() throws Exception {
    Map<String, String> settings = new HashMap<>(adapterSettings());
    settings.put("server.port", "0");
    String orderId = "order-" + UUID.randomUUID();
    try (RunningService service = RunningService.start(settings)) {
      var placed = service.post("/orders", "{\"id\":\"" + orderId + "\",\"item\":\"book\",\"quantity\":2}");
      assertEquals(202, placed.statusCode(), placed.body());
      assertTrue(placed.body().contains("messageId"), placed.body());

      assertTrue(Waiting.wallClock().awaitUntil(() -> status(service, "/invoices/" + orderId) == 200, BUDGET),
          "the listener billed the order");
      var invoice = service.get("/invoices/" + orderId);
      assertTrue(invoice.body().contains("\"item\":\"book\""), invoice.body());
      assertEquals(404, service.get("/invoices/no-such-order").statusCode());

      var health = service.get("/actuator/health");
      assertEquals(200, health.statusCode(), health.body());
      assertTrue(health.body().contains("\"rocketport\":{") && health.body().contains("\"status\":\"UP\""),
          health.body());
      assertTrue(health.body().contains("subscription billing on orders"), health.body());

      var metrics = service.get("/actuator/metrics/rocketport.publish");
      assertEquals(200, metrics.statusCode(), metrics.body());
      assertTrue(metrics.body().contains("\"statistic\":\"COUNT\""), metrics.body());

      var status = service.get("/actuator/rocketport");
      assertEquals(200, status.statusCode(), status.body());
      assertTrue(status.body().contains("\"group\":\"billing\"") && status.body().contains("\"running\":true")
          && status.body().contains("\"deadLetters\":0"), status.body());
      assertTrue(Waiting.wallClock().awaitUntil(() -> body(service, "/actuator/rocketport").contains("\"backlog\":0"),
          BUDGET), "the billing group's backlog drains to 0");
    }
  }

  private static String body(RunningService service, String path) {
    try {
      return service.get(path).body();
    } catch (Exception e) {
      return "";
    }
  }

  private static int status(RunningService service, String path) {
    try {
      return service.get(path).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }
}
