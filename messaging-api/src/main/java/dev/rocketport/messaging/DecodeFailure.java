package dev.rocketport.messaging;

/**
 * Why a message's body could not be read as a typed payload. Immutable.
 */
public sealed interface DecodeFailure {

  /** What went wrong, for logs and reject reasons. */
  String description();

  /** A failure of a {@link Codec} that could not read {@code body}, saying why. */
  static DecodeFailure unreadable(String reason) {
    return new Unreadable(reason);
  }

  /** The {@value Headers#CONTENT_TYPE} header names another media type than the codec reads. */
  record WrongContentType(String declared, String expected) implements DecodeFailure {
    public WrongContentType {
      InvalidArgumentException.requireNonNull(declared, "declared");
      InvalidArgumentException.requireNonNull(expected, "expected");
    }

    @Override
    public String description() {
      return "content type is '" + declared + "', the codec reads '" + expected + "'";
    }
  }

  /** The codec refused the body. */
  record Unreadable(String reason) implements DecodeFailure {
    public Unreadable {
      InvalidArgumentException.requireNonNull(reason, "reason");
    }

    @Override
    public String description() {
      return reason;
    }
  }
}
