package io.moeen.chatbot.flow;

import java.util.Locale;
import java.util.Optional;

/** What a flow node does when the conversation reaches it. */
public enum NodeType {
  /** Says something and moves on. */
  MESSAGE,
  /** Asks for one typed value and waits. */
  QUESTION,
  /** Offers buttons or a list and waits. */
  CHOICE,
  /** Picks the next node from the variables. */
  CONDITION,
  /** Asks another verticle over the event bus. */
  ACTION,
  /** Hands the conversation to a person. */
  HANDOFF,
  /** Says goodbye; the next message starts over. */
  END;

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  public boolean awaitsInput() {
    return this == QUESTION || this == CHOICE;
  }

  public static Optional<NodeType> of(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (NodeType type : values()) {
      if (type.code().equals(code)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
