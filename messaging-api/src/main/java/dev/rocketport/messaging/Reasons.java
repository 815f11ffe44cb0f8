package dev.rocketport.messaging;

/** Makes free text (a decoder's message, say) fit the rules of a reject reason. Stateless. */
final class Reasons {
  private Reasons() {}

  /** {@code text} with separators and unpaired surrogates replaced, cut to {@link HandlerResult#MAX_REASON_LENGTH}. */
  static String fit(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), HandlerResult.MAX_REASON_LENGTH));
    for (int i = 0; i < text.length() && out.length() < HandlerResult.MAX_REASON_LENGTH; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        if (out.length() + 2 > HandlerResult.MAX_REASON_LENGTH) {
          break;
        }
        out.append(c).append(text.charAt(++i));
      } else {
        out.append(Character.isSurrogate(c) || c == '\u0001' || c == '\u0002' ? '?' : c);
      }
    }
    return out.toString().isBlank() ? "(no reason given)" : out.toString();
  }
}
