package dev.rocketport.examples.spring;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The order service started as its users start it, with extra settings as command-line arguments, and an HTTP client for it. */
final class RunningService implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningService(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static RunningService start(Map<String, String> settings, Class<?>... more) {
    List<String> args = new ArrayList<>();
    settings.forEach((key, value) -> args.add("--" + key + "=" + value));
    List<Class<?>> sources = new ArrayList<>(List.of(OrderServiceApplication.class));
    sources.addAll(List.of(more));
    return new RunningService(new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
        .run(args.toArray(String[]::new)));
  }

  <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + path);
  }

  @Override
  public void close() {
    context.close();
  }
}
