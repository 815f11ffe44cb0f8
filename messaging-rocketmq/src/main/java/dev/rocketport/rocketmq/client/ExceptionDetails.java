package dev.rocketport.rocketmq.client;

/** How a client exception is described in a typed failure: its message, or its class name when it has none. Stateless. */
public final class ExceptionDetails {
  private ExceptionDetails() {}

  public static String of(Throwable e) {
    String message = e.getMessage();
    return message != null ? message : e.getClass().getSimpleName();
  }
}
