package io.moeen.chatbot.language;

import java.util.Optional;

/**
 * What one message means: {@code label} is an {@link Intent} name, {@code INFORM} (only details:
 * a day, a time, a choice) or {@code NONE} (out of scope: the fallback); {@code confidence} the
 * model's probability; {@code decidedBy} which stage settled it (rule, model, fallback) for logs.
 */
public record Understanding(String label, double confidence, Entities entities, String decidedBy) {
  public static final String INFORM = "INFORM";
  public static final String NONE = "NONE";

  public Optional<Intent> intent() {
    try {
      return Optional.of(Intent.valueOf(label));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  public boolean fallback() {
    return NONE.equals(label);
  }
}
