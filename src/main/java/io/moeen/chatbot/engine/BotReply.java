package io.moeen.chatbot.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * One message from the bot: its text and, for a choice, the buttons (up to three) or the list
 * (up to ten rows) in the shape the WhatsApp outbox rows and the web API carry:
 * {@code {"buttons": [{id, title}]}} or {@code {"list": {button, rows: [{id, title, description?}]}}}.
 */
public record BotReply(String text, JsonObject payload) {
  static final int MAX_BUTTONS = 3;
  static final int MAX_ROWS = 10;

  public static BotReply text(String text) {
    return new BotReply(text, new JsonObject());
  }

  /** An option offered to the contact. */
  public record Option(String id, String title, String description) {
  }

  static BotReply choice(String text, List<Option> options, String listButton) {
    if (options.isEmpty()) {
      return text(text);
    }
    if (options.size() <= MAX_BUTTONS) {
      JsonArray buttons = new JsonArray();
      options.forEach(o -> buttons.add(new JsonObject().put("id", o.id()).put("title", cut(o.title(), 20))));
      return new BotReply(text, new JsonObject().put("buttons", buttons));
    }
    JsonArray rows = new JsonArray();
    options.stream().limit(MAX_ROWS).forEach(o -> {
      JsonObject row = new JsonObject().put("id", o.id()).put("title", cut(o.title(), 24));
      if (o.description() != null) {
        row.put("description", cut(o.description(), 72));
      } else if (o.title().length() > 24) {
        row.put("description", cut(o.title(), 72));
      }
      rows.add(row);
    });
    return new BotReply(text, new JsonObject().put("list", new JsonObject().put("button", cut(listButton, 20))
        .put("rows", rows)));
  }

  /** WhatsApp limits button and row titles; a longer one is cut with an ellipsis. */
  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  public JsonObject toJson() {
    return new JsonObject().put("text", text).put("payload", payload);
  }
}
