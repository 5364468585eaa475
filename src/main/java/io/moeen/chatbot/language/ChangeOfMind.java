package io.moeen.chatbot.language;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Another service" or "another doctor" asked for in the middle of booking without naming one: «ابي اغير الخدمة»,
 * «دكتور ثاني لو سمحت», "can I change the doctor?", "a different service". (A named one is an entity; the engine
 * compares it with what was chosen.)
 */
public final class ChangeOfMind {
  /** What the person wants to choose again. */
  public enum What { SERVICE, DOCTOR }

  private static final String CHANGE = "(?:غير|اغير|نغير|تغير|تغيير|يتغير|ابدل|بدل|نبدل|تبديل|اقدر اغير|change|switch|swap)";
  private static final String OTHER_AR = "(?:ثاني|تاني|ثانيه|تانيه|اخر|اخري|غيره|غيرها|ثان|غير هذا|غير هذي|ثانين)";
  private static final String OTHER_EN = "(?:another|a different|different|other|some other|new)";
  private static final String SERVICE = "(?:ال)?خدم(?:ه|ات)|service";
  private static final String DOCTOR = "(?:ال)?(?:دكتوره|دكتور|طبيبه|طبيب|دختور)|doctor|dr|doc";
  private static final Pattern SERVICE_AGAIN = Pattern.compile(
      "(?:^|\\s)" + CHANGE + "\\s+(?:the\\s+|my\\s+)?(?:" + SERVICE + ")(?=\\s|$)"
          + "|(?:^|\\s)(?:" + SERVICE + ")\\s+" + OTHER_AR + "(?=\\s|$)"
          + "|(?:^|\\s)" + OTHER_EN + "\\s+service(?=\\s|$)");
  private static final Pattern DOCTOR_AGAIN = Pattern.compile(
      "(?:^|\\s)" + CHANGE + "\\s+(?:the\\s+|my\\s+)?(?:" + DOCTOR + ")(?=\\s|$)"
          + "|(?:^|\\s)(?:" + DOCTOR + ")\\s+" + OTHER_AR + "(?=\\s|$)"
          + "|(?:^|\\s)" + OTHER_EN + "\\s+(?:doctor|dr|doc)(?=\\s|$)");

  private ChangeOfMind() {}

  /** Which choice the message asks to make again, if it asks for another service or doctor. */
  public static Optional<What> of(String text) {
    String words = String.join(" ", ChatWords.of(ChatNormalizer.normalize(text)).stream().map(ChatWords.Word::text).toList());
    if (SERVICE_AGAIN.matcher(words).find()) {
      return Optional.of(What.SERVICE);
    }
    if (DOCTOR_AGAIN.matcher(words).find()) {
      return Optional.of(What.DOCTOR);
    }
    return Optional.empty();
  }
}
