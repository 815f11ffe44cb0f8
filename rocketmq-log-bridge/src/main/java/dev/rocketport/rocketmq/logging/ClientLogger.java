package dev.rocketport.rocketmq.logging;

import org.apache.rocketmq.logging.org.slf4j.Marker;
import org.apache.rocketmq.logging.org.slf4j.event.Level;
import org.apache.rocketmq.logging.org.slf4j.helpers.LegacyAbstractLogger;
import org.jspecify.annotations.Nullable;

/**
 * One of the RocketMQ client's loggers (shaded SLF4J) writing through the application's SLF4J logger
 * of the same name ({@link ClientLogBridge}). Markers are dropped: the shaded ones mean nothing to the
 * real SLF4J. Thread-safe.
 */
final class ClientLogger extends LegacyAbstractLogger {
  private final transient org.slf4j.Logger delegate;

  ClientLogger(org.slf4j.Logger delegate) {
    this.delegate = delegate;
    this.name = delegate.getName();
  }

  @Override
  public boolean isTraceEnabled() {
    return delegate.isTraceEnabled();
  }

  @Override
  public boolean isDebugEnabled() {
    return delegate.isDebugEnabled();
  }

  @Override
  public boolean isInfoEnabled() {
    return delegate.isInfoEnabled();
  }

  @Override
  public boolean isWarnEnabled() {
    return delegate.isWarnEnabled();
  }

  @Override
  public boolean isErrorEnabled() {
    return delegate.isErrorEnabled();
  }

  @Override
  protected @Nullable String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments,
      Throwable throwable) {
    var event = delegate.atLevel(org.slf4j.event.Level.intToLevel(level.toInt()));
    if (throwable != null) {
      event = event.setCause(throwable);
    }
    event.log(message, arguments == null ? new Object[0] : arguments);
  }
}
