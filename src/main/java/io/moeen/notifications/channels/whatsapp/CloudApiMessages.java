package io.moeen.notifications.channels.whatsapp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * The request bodies of the Cloud API's {@code POST /{phone-number-id}/messages}: free text,
 * interactive reply buttons or a list (both free-form, so only inside the 24-hour window), and an
 * approved template. Texts are cut to WhatsApp's limits here, counting code points.
 */
final class CloudApiMessages {
  static final int TEXT_LIMIT = 4096;
  static final int INTERACTIVE_BODY_LIMIT = 1024;
  static final int BUTTON_TITLE_LIMIT = 20;
  static final int ROW_TITLE_LIMIT = 24;
  static final int ROW_DESCRIPTION_LIMIT = 72;
  static final int LIST_BUTTON_LIMIT = 20;
  static final int ID_LIMIT = 200;
  static final int MAX_BUTTONS = 3;
  static final int MAX_ROWS = 10;

  private CloudApiMessages() {
  }

  /** {@code to} is the number without '+', as the Cloud API wants it. */
  static JsonObject text(String to, String body) {
    return envelope(to, "text").put("text", new JsonObject()
        .put("preview_url", false)
        .put("body", cut(body, TEXT_LIMIT)));
  }

  static JsonObject template(String to, String name, String language, List<String> parameters) {
    JsonObject template = new JsonObject().put("name", name).put("language", new JsonObject().put("code", language));
    if (!parameters.isEmpty()) {
      JsonArray values = new JsonArray();
      parameters.forEach(p -> values.add(new JsonObject().put("type", "text").put("text", parameterText(p))));
      template.put("components", new JsonArray().add(new JsonObject().put("type", "body").put("parameters", values)));
    }
    return envelope(to, "template").put("template", template);
  }

  /**
   * Reply buttons ({@code payload.buttons}, at most 3) or a list ({@code payload.list}, at most 10
   * rows); empty when the payload has neither in a usable shape, and the message goes as text.
   */
  static Optional<JsonObject> interactive(String to, String body, JsonObject payload) {
    JsonObject interactive = buttons(payload.getValue("buttons"))
        .or(() -> list(payload.getValue("list")))
        .orElse(null);
    if (interactive == null) {
      return Optional.empty();
    }
    interactive.put("body", new JsonObject().put("text", cut(body, INTERACTIVE_BODY_LIMIT)));
    return Optional.of(envelope(to, "interactive").put("interactive", interactive));
  }

  private static Optional<JsonObject> buttons(Object value) {
    if (!(value instanceof JsonArray buttons) || buttons.isEmpty()) {
      return Optional.empty();
    }
    JsonArray replies = new JsonArray();
    for (Object item : buttons) {
      if (replies.size() == MAX_BUTTONS) {
        break;
      }
      Optional<JsonObject> choice = choice(item, BUTTON_TITLE_LIMIT);
      if (choice.isEmpty()) {
        return Optional.empty();
      }
      replies.add(new JsonObject().put("type", "reply").put("reply", choice.get()));
    }
    return Optional.of(new JsonObject().put("type", "button")
        .put("action", new JsonObject().put("buttons", replies)));
  }

  private static Optional<JsonObject> list(Object value) {
    if (!(value instanceof JsonObject list) || !(list.getValue("rows") instanceof JsonArray rows) || rows.isEmpty()
        || blank(list.getValue("button"))) {
      return Optional.empty();
    }
    JsonArray sectionRows = new JsonArray();
    for (Object item : rows) {
      if (sectionRows.size() == MAX_ROWS) {
        break;
      }
      Optional<JsonObject> row = choice(item, ROW_TITLE_LIMIT);
      if (row.isEmpty()) {
        return Optional.empty();
      }
      if (item instanceof JsonObject source && !blank(source.getValue("description"))) {
        row.get().put("description", cut(source.getValue("description").toString(), ROW_DESCRIPTION_LIMIT));
      }
      sectionRows.add(row.get());
    }
    return Optional.of(new JsonObject().put("type", "list").put("action", new JsonObject()
        .put("button", cut(list.getValue("button").toString(), LIST_BUTTON_LIMIT))
        .put("sections", new JsonArray().add(new JsonObject().put("rows", sectionRows)))));
  }

  private static Optional<JsonObject> choice(Object item, int titleLimit) {
    if (!(item instanceof JsonObject source) || blank(source.getValue("id")) || blank(source.getValue("title"))) {
      return Optional.empty();
    }
    return Optional.of(new JsonObject()
        .put("id", cut(source.getValue("id").toString(), ID_LIMIT))
        .put("title", cut(source.getValue("title").toString(), titleLimit)));
  }

  private static JsonObject envelope(String to, String type) {
    return new JsonObject()
        .put("messaging_product", "whatsapp")
        .put("recipient_type", "individual")
        .put("to", to)
        .put("type", type);
  }

  /** Template parameters may hold no new lines or tabs, nor more than four spaces in a row. */
  static String parameterText(String value) {
    return value.replaceAll("[\\r\\n\\t]+", " ").replaceAll(" {4,}", "   ").strip();
  }

  /** At most {@code limit} code points; a cut text ends with an ellipsis so the reader sees it was cut. */
  static String cut(String text, int limit) {
    String value = text == null ? "" : text.strip();
    if (value.codePointCount(0, value.length()) <= limit) {
      return value;
    }
    int end = value.offsetByCodePoints(0, limit - 1);
    return value.substring(0, end).stripTrailing() + "…";
  }

  private static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
