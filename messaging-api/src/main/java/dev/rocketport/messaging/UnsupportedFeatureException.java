package dev.rocketport.messaging;

/** Thrown at construction or subscribe time when something asks for a feature the adapter lacks. */
public final class UnsupportedFeatureException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;
  private final Feature feature;

  public UnsupportedFeatureException(Feature feature, String adapter, String context) {
    super(adapter + " does not support " + feature + " (needed by " + context + ")");
    this.feature = feature;
  }

  public Feature feature() {
    return feature;
  }
}
