package dev.rocketport.cli;

import dev.rocketport.messaging.MessageKey;
import dev.rocketport.messaging.admin.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A dead letter as the command line prints it (and as {@code --json} writes it): plain values only.
 * The body is text when it is UTF-8, else base64 ({@code bodyEncoding} says which). Immutable.
 */
record LetterView(String group, String messageId, String topic, @Nullable String tag, List<String> keys,
    Map<String, String> headers, int deliveryAttempts, int redrives, String deadLetteredAt, String bornAt,
    @Nullable String rejectReason, int bodyBytes, String bodyEncoding, String body) {

  static LetterView of(DeadLetter letter) {
    byte[] body = letter.message().body();
    String text = utf8(body);
    return new LetterView(letter.group().name(), letter.messageId(), letter.message().topic().name(),
        letter.message().tag().map(t -> t.name()).getOrNull(),
        letter.message().keys().stream().map(MessageKey::value).toList(), letter.message().headers(),
        letter.deliveryAttempts(), letter.redrives(), letter.stored().storeTime().toString(),
        letter.stored().bornTime().toString(), letter.rejectReason().getOrNull(), body.length,
        text != null ? "utf-8" : "base64", text != null ? text : Base64.getEncoder().encodeToString(body));
  }

  private static @Nullable String utf8(byte[] body) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
