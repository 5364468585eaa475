package io.moeen.chatbot.handoff;

import io.moeen.chatbot.ChatbotAddresses;
import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.notifications.NotificationsAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * Staff and handed-off conversations ({@code chatbot.conversations.manage}): the queue, a
 * transcript, a reply (stored for the web visitor's next poll; on WhatsApp also an outbox row,
 * event {@code staff_reply}, sent at once), and the release back to the bot.
 */
public final class StaffDesk {
  public static final String PERMISSION = "chatbot.conversations.manage";

  private final Vertx vertx;
  private final Pool pool;
  private final SqlStatements sql;

  public StaffDesk(Vertx vertx, Pool pool, SqlStatements sql) {
    this.vertx = vertx;
    this.pool = pool;
    this.sql = sql;
  }

  public Future<Reply> queue(RequestEnvelope request) {
    Access.requireAny(Access.principal(request), PERMISSION);
    int limit = request.param("limit") == null ? 50 : Integer.parseInt(request.param("limit"));
    return pool.preparedQuery(sql.get("handed_off")).execute(Tuple.of(limit)).map(rows -> {
      JsonArray items = new JsonArray();
      for (Row r : rows) {
        items.add(new JsonObject().put("id", r.getUUID("id").toString()).put("channel", r.getString("channel"))
            .put("locale", r.getString("locale")).put("phone", r.getString("phone"))
            .put("patientId", str(r.getUUID("patient_id"))).put("leadId", str(r.getUUID("lead_id")))
            .put("handedOffAt", instant(r, "handed_off_at")).put("handedOffBy", r.getString("handed_off_by"))
            .put("lastMessageAt", instant(r, "last_message_at")).put("lastMessage", r.getString("last_message")));
      }
      return Reply.of(new JsonObject().put("items", items));
    });
  }

  public Future<Reply> transcript(RequestEnvelope request) {
    Access.requireAny(Access.principal(request), PERMISSION);
    UUID id = UUID.fromString(request.param("id"));
    return conversation(id).compose(c -> pool.preparedQuery(sql.get("messages")).execute(Tuple.of(id, 0L, 1000)))
        .map(rows -> {
          JsonArray items = new JsonArray();
          for (Row r : rows) {
            items.add(new JsonObject().put("id", r.getUUID("id").toString()).put("seq", r.getLong("seq"))
                .put("direction", r.getString("direction"))
                .put("author", r.getString("author")).put("text", r.getString("text")).put("payload", r.getValue("payload"))
                .put("createdAt", instant(r, "created_at")));
          }
          return Reply.of(new JsonObject().put("items", items));
        });
  }

  public Future<Reply> reply(RequestEnvelope request) {
    Principal staff = Access.principal(request);
    Access.requireAny(staff, PERMISSION);
    UUID id = UUID.fromString(request.param("id"));
    String text = request.bodyAsObject().getString("text", "").strip();
    if (text.isEmpty()) {
      return Future.failedFuture(Problem.invalid("chat_reply_blank", "text", Map.of()));
    }
    return SessionContext.inTransaction(pool, new SessionContext.Actor(staff, request.requestId(), request.clientIp()),
        conn -> conn.preparedQuery(sql.get("conversation_for_update")).execute(Tuple.of(id)).compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(notFound(id));
          }
          Row c = rows.iterator().next();
          if (!"handed_off".equals(c.getString("status"))) {
            return Future.failedFuture(notHandedOff(id));
          }
          Future<?> stored = conn.preparedQuery(sql.get("insert_message")).execute(Tuple.tuple().addUUID(id)
              .addString("out").addString("staff").addUUID(staff.userId()).addString(text).addValue(new JsonObject()));
          return stored.compose(message -> {
            Row inserted = ((io.vertx.sqlclient.RowSet<Row>) message).iterator().next();
            String messageId = inserted.getUUID("id").toString();
            long seq = inserted.getLong("seq");
            String createdAt = instant(inserted, "created_at");
            Future<?> outbox = !"whatsapp".equals(c.getString("channel")) ? Future.succeededFuture()
                : conn.preparedQuery(sql.get("outbox_reply")).execute(Tuple.tuple().addString(c.getString("phone"))
                    .addString("staff_reply").addString(c.getString("locale")).addString(text)
                    .addValue(new JsonObject()).addString("chatbot:staff:" + messageId));
            return outbox.map(done -> new JsonObject().put("id", messageId).put("seq", seq)
                .put("channel", c.getString("channel"))
                .put("createdAt", createdAt));
          });
        }))
        .map(done -> {
          changed(id, "handed_off");
          if ("whatsapp".equals(done.getString("channel"))) {
            vertx.eventBus().send(NotificationsAddresses.OUTBOX_WAKE, null);
          }
          return Reply.of(new JsonObject().put("id", done.getString("id")).put("seq", done.getLong("seq"))
              .put("direction", "out").put("author", "staff")
              .put("text", text).put("payload", new JsonObject()).put("createdAt", done.getString("createdAt")));
        });
  }

  public Future<Reply> release(RequestEnvelope request) {
    Principal staff = Access.principal(request);
    Access.requireAny(staff, PERMISSION);
    UUID id = UUID.fromString(request.param("id"));
    return conversation(id)
        .compose(c -> pool.preparedQuery(sql.get("release")).execute(Tuple.of(id, staff.userId())))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(notHandedOff(id));
          }
          changed(id, "active");
          return Future.succeededFuture(Reply.of(new JsonObject().put("id", id.toString()).put("status", "active")));
        });
  }

  /**
   * The desk's live stream ({@code GET /v1/chat/handoffs/live}): each change of a held conversation becomes a
   * {@code handoff} event with its id and status; the desk reads the queue (and that transcript) again in its own
   * language. Nothing is replayed: load the queue, then follow.
   */
  public Future<Reply> live(RequestEnvelope request) {
    Access.requireAny(Access.principal(request), PERMISSION);
    JsonObject phase = request.bodyAsObject();
    JsonObject answer = switch (phase.getString("phase", "")) {
      case "open" -> new JsonObject().put("topics", new JsonArray().add(ChatbotAddresses.CONVERSATIONS_CHANGED));
      case "catch-up" -> new JsonObject().put("events", new JsonArray());
      case "event" -> {
        JsonObject message = phase.getJsonObject("message", new JsonObject());
        yield new JsonObject().put("events", new JsonArray().add(new JsonObject().put("id", null).put("event", "handoff")
            .put("data", new JsonObject().put("conversationId", message.getString("conversationId"))
                .put("status", message.getString("status")))));
      }
      default -> null;
    };
    return answer == null ? Future.failedFuture(new IllegalArgumentException("unknown stream phase"))
        : Future.succeededFuture(Reply.of(answer));
  }

  private void changed(UUID id, String status) {
    vertx.eventBus().publish(ChatbotAddresses.CONVERSATIONS_CHANGED,
        new JsonObject().put("conversationId", id.toString()).put("status", status));
  }

  private Future<Row> conversation(UUID id) {
    return pool.preparedQuery(sql.get("conversation")).execute(Tuple.of(id))
        .compose(rows -> rows.size() == 0 ? Future.failedFuture(notFound(id))
            : Future.succeededFuture(rows.iterator().next()));
  }

  private static Problem notFound(UUID id) {
    return Problem.notFound("conversation_not_found", Map.of("id", id.toString()));
  }

  private static Problem notHandedOff(UUID id) {
    return new Problem(ProblemKind.CONFLICT, "conversation_not_handed_off", Map.of("id", id.toString()));
  }

  private static String str(UUID id) {
    return id == null ? null : id.toString();
  }

  private static String instant(Row r, String column) {
    var value = r.getOffsetDateTime(column);
    return value == null ? null : value.withOffsetSameInstant(ZoneOffset.UTC).toString();
  }
}
