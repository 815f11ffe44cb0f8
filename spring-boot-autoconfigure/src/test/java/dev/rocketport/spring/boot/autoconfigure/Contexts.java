package dev.rocketport.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** Starts a non-web application context with auto-configuration, the given settings and bean classes. */
final class Contexts {
  private Contexts() {}

  /** The application: auto-configuration only, plus whatever classes a test adds. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {}

  static ConfigurableApplicationContext start(List<String> settings, Class<?>... beans) {
    List<Class<?>> sources = new ArrayList<>(List.of(Application.class));
    sources.addAll(List.of(beans));
    return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new)).web(WebApplicationType.NONE)
        .logStartupInfo(false).run(settings.stream().map(s -> "--" + s).toArray(String[]::new));
  }

  /** The message of the failure that ended startup, with its causes', for assertions. */
  static String failureOf(List<String> settings, Class<?>... beans) {
    ConfigurableApplicationContext unexpected;
    try {
      unexpected = start(settings, beans);
    } catch (RuntimeException e) {
      StringBuilder all = new StringBuilder();
      for (Throwable t = e; t != null; t = t.getCause()) {
        all.append(t.getMessage()).append(" | ");
      }
      return all.toString();
    }
    unexpected.close();
    throw new AssertionError("startup should have failed with " + settings);
  }
}
