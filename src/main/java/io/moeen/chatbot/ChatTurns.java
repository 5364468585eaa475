package io.moeen.chatbot;

import io.moeen.chatbot.actions.BusCalls;
import io.moeen.chatbot.engine.BotReply;
import io.moeen.chatbot.engine.ChatEngine;
import io.moeen.chatbot.engine.Conversation;
import io.moeen.chatbot.flow.Flow;
import io.moeen.crm.CrmAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Runs a turn for any channel: the pinned flow version, the engine, then one transaction that
 * stores the state, the inbound message and the replies. A turn that hands the conversation to
 * a person then asks the CRM for a task ({@value CrmAddresses#TASKS_CREATE}).
 */
public final class ChatTurns {
  private static final Logger LOG = LoggerFactory.getLogger(ChatTurns.class);

  private final ConversationStore store;
  private final ChatEngine engine;
  private final BusCalls bus;
  private final io.moeen.chatbot.actions.ChatTexts texts;

  public ChatTurns(ConversationStore store, ChatEngine engine, BusCalls bus, io.moeen.chatbot.actions.ChatTexts texts) {
    this.texts = texts;
    this.store = store;
    this.engine = engine;
    this.bus = bus;
  }

  Future<List<BotReply>> greet(Conversation c, Flow flow, String requestId) {
    return engine.greet(c, flow, requestId)
        .compose(replies -> store.saveTurn(c, null, null, replies).map(replies));
  }

  /** A web turn: its state and messages are one statement, no transaction around it. */
  Future<List<BotReply>> take(Conversation c, String text, String replyId, JsonObject inboundPayload, String requestId) {
    return turn(c, text, replyId, requestId, replies -> store.saveTurn(c, text == null ? "" : text, inboundPayload,
        replies));
  }

  /** A turn whose replies also need rows of their own in the same transaction (WhatsApp outbox). */
  public Future<List<BotReply>> take(Conversation c, String text, String replyId, JsonObject inboundPayload, String requestId,
                              java.util.function.BiFunction<io.vertx.sqlclient.SqlConnection, List<BotReply>, Future<Void>> also) {
    return turn(c, text, replyId, requestId, replies -> store.saveTurn(c, text == null ? "" : text, inboundPayload,
        replies, requestId, conn -> also.apply(conn, replies)));
  }

  private Future<List<BotReply>> turn(Conversation c, String text, String replyId, String requestId,
                                      java.util.function.Function<List<BotReply>, Future<Void>> save) {
    boolean wasHandedOff = c.handedOff();
    return store.pinned(c)
        .compose(flow -> engine.turn(c, flow, text, replyId, requestId))
        .compose(replies -> save.apply(replies).map(replies))
        .compose(replies -> !wasHandedOff && c.handedOff()
            ? askForPerson(c, requestId).map(replies) : Future.succeededFuture(replies));
  }

  /** Stores an inbound message the engine does not read (a photo) and one fixed reply from the bundle. */
  public Future<List<BotReply>> say(Conversation c, String inbound, String key, String requestId,
                                    java.util.function.BiFunction<io.vertx.sqlclient.SqlConnection, List<BotReply>, Future<Void>> also) {
    List<BotReply> replies = List.of(BotReply.text(texts.say(c.locale, key, java.util.Map.of())));
    return store.saveTurn(c, inbound, new JsonObject(), replies, requestId, conn -> also.apply(conn, replies)).map(replies);
  }

  /** A CRM task for the lead's owner or the reception queue; the conversation is handed off either way. */
  private Future<Void> askForPerson(Conversation c, String requestId) {
    JsonObject task = new JsonObject()
        .put("body", "Chatbot conversation " + c.id + " (" + c.channel + ", " + c.locale + ") asks for a person: "
            + "GET /v1/chat/conversations/" + c.id + "/messages")
        .put("requestId", requestId);
    if (c.leadId != null) {
      task.put("leadId", c.leadId.toString());
    }
    if (c.patientId != null && c.phoneVerified()) {
      task.put("patientId", c.patientId.toString());
    }
    if (c.phone != null) {
      task.put("phone", c.phone);
    }
    return bus.internal(CrmAddresses.TASKS_CREATE, task)
        .<Void>mapEmpty()
        .recover(e -> {
          LOG.warn("No CRM task for handed-off conversation {}: {}", c.id, e.getMessage());
          return Future.succeededFuture();
        });
  }
}
