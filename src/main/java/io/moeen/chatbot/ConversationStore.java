package io.moeen.chatbot;

import io.moeen.chatbot.engine.BotReply;
import io.moeen.chatbot.engine.Conversation;
import io.moeen.chatbot.flow.Flow;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** Conversations, their messages and flow versions; SQL in chatbot.sql. */
public final class ConversationStore {
  public static final SqlStatements SQL = SqlStatements.load("io/moeen/chatbot/chatbot.sql");

  private final Pool pool;
  /** A flow version never changes once a conversation can be pinned to it (drafts are never pinned). */
  private final Map<String, Flow> flows = new ConcurrentHashMap<>();

  private final Vertx vertx;

  public ConversationStore(Pool pool, Vertx vertx) {
    this.pool = pool;
    this.vertx = vertx;
  }

  /** Tells the staff desk's live stream that a conversation held by staff changed (a turn saved while held, or handed off). */
  void held(Conversation c) {
    if ("handed_off".equals(c.status)) {
      vertx.eventBus().publish(ChatbotAddresses.CONVERSATIONS_CHANGED,
          new JsonObject().put("conversationId", c.id.toString()).put("status", c.status));
    }
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  Future<Void> seed(String key, JsonObject definition) {
    return pool.preparedQuery(SQL.get("seed_flow")).execute(Tuple.of(key, definition)).mapEmpty();
  }

  Future<Flow> pinned(Conversation c) {
    Flow cached = flows.get(c.flowKey + ":" + c.flowVersion);
    if (cached != null) {
      return Future.succeededFuture(cached);
    }
    return pool.preparedQuery(SQL.get("flow_version")).execute(Tuple.of(c.flowKey, c.flowVersion)).map(rows -> {
      Row row = rows.iterator().next();
      return flows.computeIfAbsent(c.flowKey + ":" + c.flowVersion,
          k -> new Flow(c.flowKey, c.flowVersion, (JsonObject) row.getValue("definition")));
    });
  }

  /** A new conversation on the published version of {@code flowKey}, read back whole, in one statement. */
  Future<Conversation> create(String channel, byte[] tokenHash, String phone, String locale, boolean localeChosen,
                              String flowKey, JsonObject utm, String ip, UUID patientId) {
    Tuple args = Tuple.tuple().addString(channel).addBuffer(tokenHash == null ? null : Buffer.buffer(tokenHash))
        .addString(phone).addString(locale).addBoolean(localeChosen).addString(flowKey)
        .addValue(utm).addString(ip).addUUID(patientId);
    return pool.preparedQuery(SQL.get("insert_conversation")).execute(args).map(rows -> {
      if (rows.size() == 0) {
        throw new Problem(ProblemKind.UNAVAILABLE, "chat_flow_unavailable", Map.of("key", flowKey));
      }
      return conversation(rows.iterator().next());
    });
  }

  /** A new WhatsApp conversation for a proven number, already linked to its patient (if any). */
  public Future<Conversation> createWhatsApp(String phone, String locale, boolean localeChosen, String flowKey,
                                             UUID patientId) {
    return create("whatsapp", null, phone, locale, localeChosen, flowKey, new JsonObject(), null, patientId)
        .map(c -> {
          c.variables.put("phone", phone);
          if (patientId != null) {
            c.variables.put("patientId", patientId.toString());
          }
          return c;
        });
  }

  Future<Optional<Conversation>> byToken(UUID id, byte[] tokenHash) {
    return one("conversation_by_token", Tuple.of(id, Buffer.buffer(tokenHash)));
  }

  public Future<Optional<Conversation>> openWhatsApp(String phone) {
    return one("open_whatsapp_conversation", Tuple.of(phone));
  }

  private Future<Optional<Conversation>> one(String statement, Tuple args) {
    return pool.preparedQuery(SQL.get(statement)).execute(args)
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(conversation(rows.iterator().next())));
  }

  private static Conversation conversation(Row r) {
    return new Conversation(r.getUUID("id"), r.getString("channel"), r.getInteger("turn"), r.getString("flow_key"),
        r.getInteger("flow_version"), r.getString("locale"), r.getBoolean("locale_chosen"), r.getString("status"),
        r.getString("current_node"), (JsonObject) r.getValue("variables"), r.getUUID("patient_id"),
        r.getUUID("lead_id"), r.getString("phone"), (JsonObject) r.getValue("utm"), r.getBoolean("silent_notice_sent"));
  }

  /**
   * Writes a turn in one statement: the new state (only if no other turn of this conversation was saved
   * since it was read; else 409 chat_busy and nothing is written), the inbound message and the replies.
   * The chatbot tables have no row-level security and no audit trigger, so a lone statement (atomic by
   * itself) needs no transaction and no session settings.
   */
  Future<Void> saveTurn(Conversation c, String inbound, JsonObject inboundPayload, List<BotReply> replies) {
    return checked(pool.preparedQuery(SQL.get("save_turn")).execute(turn(c, inbound, inboundPayload, replies)))
        .onSuccess(saved -> held(c));
  }

  /** The same, with more work (the WhatsApp outbox rows) in the same transaction. */
  public Future<Void> saveTurn(Conversation c, String inbound, JsonObject inboundPayload, List<BotReply> replies,
                               String requestId, Function<SqlConnection, Future<Void>> also) {
    return SessionContext.inTransaction(pool, SessionContext.Actor.system(requestId), conn ->
        checked(conn.preparedQuery(SQL.get("save_turn")).execute(turn(c, inbound, inboundPayload, replies)))
            .compose(v -> also.apply(conn)))
        .onSuccess(saved -> held(c));
  }

  private static Tuple turn(Conversation c, String inbound, JsonObject inboundPayload, List<BotReply> replies) {
    JsonArray messages = new JsonArray();
    if (inbound != null) {
      messages.add(message("in", "user", inbound, inboundPayload));
    }
    replies.forEach(reply -> messages.add(message("out", "bot", reply.text(), reply.payload())));
    return Tuple.tuple()
        .addUUID(c.id).addInteger(c.turn).addString(c.locale).addBoolean(c.localeChosen).addString(c.status)
        .addString(c.currentNode).addValue(c.variables).addUUID(c.patientId).addUUID(c.leadId)
        .addString(c.phone).addBoolean(c.silentNoticeSent).addString(c.handedOffBy).addValue(messages);
  }

  private static JsonObject message(String direction, String author, String text, JsonObject payload) {
    return new JsonObject().put("direction", direction).put("author", author).put("text", text)
        .put("payload", payload == null ? new JsonObject() : payload);
  }

  private static Future<Void> checked(Future<RowSet<Row>> saved) {
    return saved.compose(rows -> rows.size() == 0
        ? Future.failedFuture(new Problem(ProblemKind.CONFLICT, "chat_busy", Map.of()))
        : Future.succeededFuture());
  }

  Future<JsonArray> messages(UUID conversation, long after, int limit) {
    return pool.preparedQuery(SQL.get("messages")).execute(Tuple.of(conversation, after, limit)).map(rows -> {
      JsonArray items = new JsonArray();
      for (Row r : rows) {
        items.add(new JsonObject().put("id", r.getUUID("id").toString()).put("seq", r.getLong("seq"))
            .put("direction", r.getString("direction"))
            .put("author", r.getString("author")).put("text", r.getString("text"))
            .put("payload", r.getValue("payload"))
            .put("createdAt", r.getOffsetDateTime("created_at").withOffsetSameInstant(ZoneOffset.UTC).toString()));
      }
      return items;
    });
  }

  Pool pool() {
    return pool;
  }
}
