package io.moeen.notifications.channels.whatsapp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What one Cloud API webhook delivery carries: inbound messages ({@code entry[].changes[].value.messages[]},
 * with the sender's profile name from {@code value.contacts[]}) and status changes of messages we
 * sent ({@code value.statuses[]}). Anything it cannot read is skipped (and logged), never refused:
 * the provider would only deliver it again.
 */
record WebhookBatch(List<Inbound> messages, List<StatusChange> statuses) {
  /** The {@code channel} of the inbound messages this adapter hands on. */
  static final String CHANNEL = "whatsapp";
  private static final Logger LOG = LoggerFactory.getLogger(WebhookBatch.class);
  private static final Set<String> STATUSES = Set.of("sent", "delivered", "read", "failed");

  /** One message a contact sent; {@code type} is text, button, list or other (media, location …). */
  record Inbound(String messageId, String phone, String profileName, String type, String text, String replyId,
                 String replyTitle, Instant receivedAt) {
    /** The body of {@code notifications.inbound.received}. */
    JsonObject toJson() {
      return new JsonObject()
          .put("channel", CHANNEL)
          .put("messageId", messageId)
          .put("phone", phone)
          .put("profileName", profileName)
          .put("type", type)
          .put("text", text)
          .put("replyId", replyId)
          .put("replyTitle", replyTitle)
          .put("receivedAt", receivedAt.toString());
    }
  }

  /** sent, delivered, read or failed (with the provider's reason) for a message id we stored. */
  record StatusChange(String providerMessageId, String status, String error) {
  }

  /**
   * {@code phoneNumberId}: when set, changes addressed to another business number are ignored
   * (their 24-hour window is not ours). {@code now} bounds a timestamp from the future.
   */
  static WebhookBatch parse(JsonObject body, Optional<String> phoneNumberId, Instant now) {
    List<Inbound> messages = new ArrayList<>();
    List<StatusChange> statuses = new ArrayList<>();
    for (JsonObject entry : objects(body.getValue("entry"))) {
      for (JsonObject change : objects(entry.getValue("changes"))) {
        if (!(change.getValue("value") instanceof JsonObject value)) {
          continue;
        }
        String to = value.getJsonObject("metadata", new JsonObject()).getString("phone_number_id");
        if (phoneNumberId.isPresent() && to != null && !phoneNumberId.get().equals(to)) {
          LOG.warn("whatsapp webhook for another phone number id {} ignored", to);
          continue;
        }
        Map<String, String> names = new HashMap<>();
        for (JsonObject contact : objects(value.getValue("contacts"))) {
          String name = contact.getJsonObject("profile", new JsonObject()).getString("name");
          if (contact.getString("wa_id") != null && name != null) {
            names.put(contact.getString("wa_id"), name);
          }
        }
        for (JsonObject message : objects(value.getValue("messages"))) {
          inbound(message, names, now).ifPresent(messages::add);
        }
        for (JsonObject status : objects(value.getValue("statuses"))) {
          status(status).ifPresent(statuses::add);
        }
      }
    }
    return new WebhookBatch(List.copyOf(messages), List.copyOf(statuses));
  }

  private static Optional<Inbound> inbound(JsonObject message, Map<String, String> names, Instant now) {
    String id = string(message, "id");
    String from = string(message, "from");
    String digits = from == null ? "" : from.replaceAll("[^0-9]", "");
    if (id == null || id.length() > 255 || !digits.matches("[1-9][0-9]{6,14}")) {
      LOG.warn("whatsapp webhook message without a usable id or sender skipped");
      return Optional.empty();
    }
    String type = string(message, "type");
    String kind = "other";
    String text = null;
    String replyId = null;
    String replyTitle = null;
    if ("text".equals(type)) {
      kind = "text";
      text = message.getJsonObject("text", new JsonObject()).getString("body");
    } else if ("interactive".equals(type)) {
      JsonObject interactive = message.getJsonObject("interactive", new JsonObject());
      JsonObject reply = interactive.getJsonObject("button_reply", interactive.getJsonObject("list_reply"));
      if (reply != null) {
        kind = interactive.containsKey("button_reply") ? "button" : "list";
        replyId = reply.getString("id");
        replyTitle = reply.getString("title");
        text = replyTitle;
      }
    } else if ("button".equals(type)) {
      // a quick-reply button of a template we sent
      JsonObject button = message.getJsonObject("button", new JsonObject());
      kind = "button";
      replyId = button.getString("payload");
      replyTitle = button.getString("text");
      text = replyTitle;
    }
    return Optional.of(new Inbound(id, "+" + digits, names.get(from), kind, text, replyId, replyTitle,
        timestamp(message.getValue("timestamp"), now)));
  }

  private static Optional<StatusChange> status(JsonObject status) {
    String id = string(status, "id");
    String value = string(status, "status");
    if (id == null || value == null || !STATUSES.contains(value)) {
      return Optional.empty();
    }
    String error = null;
    if ("failed".equals(value)) {
      List<String> reasons = new ArrayList<>();
      for (JsonObject e : objects(status.getValue("errors"))) {
        String details = e.getJsonObject("error_data", new JsonObject()).getString("details");
        reasons.add("code " + e.getValue("code") + ": " + e.getString("message", e.getString("title", "failed"))
            + (details == null ? "" : " - " + details));
      }
      error = "whatsapp reported failed" + (reasons.isEmpty() ? "" : ": " + String.join("; ", reasons));
    }
    return Optional.of(new StatusChange(id, value, error));
  }

  /** Unix seconds, as the Cloud API sends them; missing, unreadable or in the future: now. */
  private static Instant timestamp(Object value, Instant now) {
    try {
      Instant at = Instant.ofEpochSecond(Long.parseLong(String.valueOf(value)));
      return at.isAfter(now) ? now : at;
    } catch (RuntimeException e) {
      return now;
    }
  }

  private static String string(JsonObject json, String key) {
    Object value = json.getValue(key);
    return value == null ? null : value.toString();
  }

  private static List<JsonObject> objects(Object value) {
    List<JsonObject> list = new ArrayList<>();
    if (value instanceof JsonArray array) {
      array.forEach(item -> {
        if (item instanceof JsonObject json) {
          list.add(json);
        }
      });
    }
    return list;
  }
}
