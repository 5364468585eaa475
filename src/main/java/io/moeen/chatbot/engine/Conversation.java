package io.moeen.chatbot.engine;

import io.vertx.core.json.JsonObject;

import java.util.UUID;

/**
 * One conversation's state between turns, as stored in {@code chatbot_conversations}. The engine
 * changes it during a turn; the store writes it back only if no other turn got there first
 * ({@code turn} is the optimistic version).
 */
public final class Conversation {
  /** Variables that identify the contact and survive "start over". */
  static final java.util.Set<String> IDENTITY = java.util.Set.of("phone", "name", "patientId", "leadId", "bookedIds");

  public final UUID id;
  public final String channel;
  public final int turn;
  public final String flowKey;
  public final int flowVersion;
  public String locale;
  public boolean localeChosen;
  public String status;
  public String currentNode;
  public JsonObject variables;
  public UUID patientId;
  public UUID leadId;
  public String phone;
  public final JsonObject utm;
  public boolean silentNoticeSent;
  /** Set when this turn hands the conversation over: 'bot' (a flow node) or 'user' (asked for a person). */
  public String handedOffBy;

  public Conversation(UUID id, String channel, int turn, String flowKey, int flowVersion, String locale,
                      boolean localeChosen, String status, String currentNode, JsonObject variables, UUID patientId,
                      UUID leadId, String phone, JsonObject utm, boolean silentNoticeSent) {
    this.id = id;
    this.channel = channel;
    this.turn = turn;
    this.flowKey = flowKey;
    this.flowVersion = flowVersion;
    this.locale = locale;
    this.localeChosen = localeChosen;
    this.status = status;
    this.currentNode = currentNode;
    this.variables = variables == null ? new JsonObject() : variables;
    this.patientId = patientId;
    this.leadId = leadId;
    this.phone = phone;
    this.utm = utm == null ? new JsonObject() : utm;
    this.silentNoticeSent = silentNoticeSent;
  }

  /** WhatsApp proves the phone number; a web visitor's typed number proves nothing. */
  public boolean phoneVerified() {
    return "whatsapp".equals(channel);
  }

  public boolean handedOff() {
    return "handed_off".equals(status);
  }

  /** The variables a node sees: the flow's plus the built-ins. */
  JsonObject scope() {
    return variables.copy().put("locale", locale).put("channel", channel);
  }

  /** Forget the task at hand, keep who the contact is. */
  void forgetTask() {
    JsonObject kept = new JsonObject();
    IDENTITY.forEach(key -> {
      if (variables.containsKey(key)) {
        kept.put(key, variables.getValue(key));
      }
    });
    variables = kept;
  }
}
