package io.moeen.chatbot.flow;

import java.util.Locale;
import java.util.Optional;

/** The kind of value a question node captures, each with its own validation. */
public enum InputType {
  TEXT, PHONE, DATE, TIME, NUMBER, CHOICE;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<InputType> of(String code) {
    for (InputType type : values()) {
      if (type.code().equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
