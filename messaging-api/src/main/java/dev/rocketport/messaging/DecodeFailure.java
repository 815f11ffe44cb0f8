package dev.rocketport.messaging;

/**
 * Why a message's body could not be read as a typed payload: its {@value Headers#CONTENT_TYPE}
 * header names another media type than the codec's, or the codec refused the body. Immutable.
 */
public record DecodeFailure(String description) {
  public DecodeFailure {
    InvalidArgumentException.requireNonNull(description, "description");
  }
}
