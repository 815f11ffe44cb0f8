package dev.rocketport.rocketmq.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.logging.org.slf4j.ILoggerFactory;
import org.apache.rocketmq.logging.org.slf4j.IMarkerFactory;
import org.apache.rocketmq.logging.org.slf4j.Logger;
import org.apache.rocketmq.logging.org.slf4j.helpers.BasicMDCAdapter;
import org.apache.rocketmq.logging.org.slf4j.helpers.BasicMarkerFactory;
import org.apache.rocketmq.logging.org.slf4j.spi.MDCAdapter;
import org.apache.rocketmq.logging.org.slf4j.spi.SLF4JServiceProvider;

/**
 * Routes the RocketMQ client's logging into the application's SLF4J. The client logs through a shaded
 * copy of SLF4J ({@code org.apache.rocketmq.logging.org.slf4j}) that would otherwise write through a
 * shaded logback of its own; this class is that shaded SLF4J's only provider (Rocketport leaves the
 * shaded logback out), and hands every event to the real SLF4J under the same logger name, so the
 * backend the application chose — and its configuration — decides what is written. Public only
 * because {@link java.util.ServiceLoader} instantiates it; thread-safe.
 */
public final class ClientLogBridge implements SLF4JServiceProvider {
  private final Map<String, Logger> loggers = new ConcurrentHashMap<>();
  private final ILoggerFactory loggerFactory = name -> loggers.computeIfAbsent(name,
      n -> new ClientLogger(org.slf4j.LoggerFactory.getLogger(n)));
  private final IMarkerFactory markerFactory = new BasicMarkerFactory();
  private final MDCAdapter mdcAdapter = new BasicMDCAdapter();

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggerFactory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }

  @Override
  public void initialize() {
    // nothing to set up: loggers are created on demand
  }
}
