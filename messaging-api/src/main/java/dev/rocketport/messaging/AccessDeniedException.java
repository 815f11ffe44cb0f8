package dev.rocketport.messaging;

/**
 * The broker refused this application's credentials, or found no grant for what it asked, when a
 * subscription started ({@link Subscriber#subscribe}): nothing was subscribed. {@link #resource()}
 * names what was denied (the topic and group); the message adds the broker's account. Immutable.
 */
public final class AccessDeniedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String resource;

  public AccessDeniedException(String resource, String detail) {
    super("access to " + resource + " denied: " + detail);
    this.resource = resource;
  }

  /** What was denied, e.g. {@code topic 'orders', group 'billing'}. */
  public String resource() {
    return resource;
  }
}
