package io.moeen.chatbot.channels.whatsapp;

import io.moeen.chatbot.ChatTurns;
import io.moeen.chatbot.ConversationStore;
import io.moeen.chatbot.engine.BotReply;
import io.moeen.chatbot.engine.Conversation;
import io.moeen.chatbot.language.LanguageDetector;
import io.moeen.common.db.SessionContext;
import io.moeen.common.errors.Problem;
import io.moeen.notifications.NotificationsAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.UUID;

/**
 * WhatsApp messages from the notifications webhook ({@value NotificationsAddresses#INBOUND_RECEIVED}, channel
 * {@value #CHANNEL}, already verified and deduplicated): one open conversation per phone number, the same engine as the web, and each
 * reply as an urgent outbox row ({@code chatbot_reply}, rendered, with buttons or a list in the
 * payload) written in the turn's transaction, then {@code notifications.outbox.wake}. The
 * number is proven by WhatsApp, so it links to its patient record; the language chosen is kept
 * on {@code whatsapp_contacts}. The consumer answers {@code {replies}} when done (tests wait on it).
 */
public final class WhatsAppChat {
  /** The {@code channel} of the inbound messages this chat answers. */
  public static final String CHANNEL = "whatsapp";
  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppChat.class);

  private final Vertx vertx;
  private final Pool pool;
  private final ConversationStore store;
  private final ChatTurns turns;
  private final String flowKey;

  public WhatsAppChat(Vertx vertx, Pool pool, ConversationStore store, ChatTurns turns, String flowKey) {
    this.vertx = vertx;
    this.pool = pool;
    this.store = store;
    this.turns = turns;
    this.flowKey = flowKey;
  }

  public Future<JsonObject> inbound(JsonObject message) {
    String phone = message.getString("phone");
    String messageId = message.getString("messageId", UUID.randomUUID().toString());
    String type = message.getString("type", "text");
    String text = "text".equals(type) ? message.getString("text", "") : message.getString("replyTitle", "");
    String replyId = "button".equals(type) || "list".equals(type) ? message.getString("replyId") : null;
    JsonObject payload = new JsonObject().put("messageId", messageId).put("type", type);
    return conversation(phone, text, messageId)
        .compose(c -> "other".equals(type) ? unsupported(c, messageId)
            : turns.take(c, text, replyId, payload, messageId, (conn, replies) -> outbox(conn, c, replies, messageId)))
        .recover(failure -> failure instanceof Problem p && "chat_busy".equals(p.code())
            // another message of the same contact was answered meanwhile: answer this one on top of it
            ? conversation(phone, text, messageId).compose(c -> turns.take(c, text, replyId, payload, messageId,
                (conn, replies) -> outbox(conn, c, replies, messageId)))
            : Future.failedFuture(failure))
        .map(replies -> {
          vertx.eventBus().send(NotificationsAddresses.OUTBOX_WAKE, null);
          return new JsonObject().put("replies", replies.size());
        })
        .onFailure(e -> LOG.error("WhatsApp message {} could not be answered", messageId, e));
  }

  private Future<List<BotReply>> unsupported(Conversation c, String messageId) {
    return turns.say(c, "[media]", "chatbot.media_unsupported", messageId,
        (conn, replies) -> outbox(conn, c, replies, messageId));
  }

  /** The contact's open conversation, or a new one in the language they chose before (or wrote in). */
  private Future<Conversation> conversation(String phone, String text, String messageId) {
    return store.openWhatsApp(phone).compose(open -> {
      if (open.isPresent()) {
        return Future.succeededFuture(open.get());
      }
      return SessionContext.inTransaction(pool, SessionContext.Actor.system(messageId), conn ->
              conn.preparedQuery(ConversationStore.SQL.get("contact_locale")).execute(Tuple.of(phone))
                  .compose(locale -> conn.preparedQuery(ConversationStore.SQL.get("patient_by_phone"))
                      .execute(Tuple.of(phone)).map(patient -> new Object[] {
                          locale.size() == 0 ? null : locale.iterator().next().getString("locale"),
                          patient.iterator().next().getUUID("patient_id")})))
          .compose(known -> {
            String remembered = (String) known[0];
            String locale = remembered != null ? remembered
                : LanguageDetector.detect(text).map(l -> l.tag()).orElse("ar");
            return store.createWhatsApp(phone, locale, remembered != null, flowKey, (UUID) known[1]);
          })
          .recover(failure -> store.openWhatsApp(phone).map(again -> again.orElseThrow(() -> failure instanceof RuntimeException r
              ? r : new IllegalStateException(failure))));
    });
  }

  private Future<Void> outbox(SqlConnection conn, Conversation c, List<BotReply> replies, String messageId) {
    Future<Void> done = c.localeChosen
        ? conn.preparedQuery(ConversationStore.SQL.get("remember_contact_locale")).execute(Tuple.of(c.phone, c.locale))
            .mapEmpty()
        : Future.succeededFuture();
    if (replies.isEmpty()) {
      return done;
    }
    JsonArray rows = new JsonArray();
    for (int i = 0; i < replies.size(); i++) {
      rows.add(new JsonObject().put("text", replies.get(i).text()).put("payload", replies.get(i).payload())
          .put("key", "chatbot:" + messageId + ":" + i));
    }
    done = done.compose(v -> conn.preparedQuery(ConversationStore.SQL.get("outbox_replies"))
        .execute(Tuple.of(c.phone, "chatbot_reply", c.locale, rows)).mapEmpty());
    return done;
  }
}
