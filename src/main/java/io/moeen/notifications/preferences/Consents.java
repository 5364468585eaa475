package io.moeen.notifications.preferences;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.time.Timestamps;
import io.moeen.notifications.ConsentRecorder;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

/**
 * The caller's own marketing consent per channel. The sentence to agree to comes from the i18n
 * bundle ({@code consent.marketing.<channel>}) in the request's language; an opt-in must send back
 * exactly that sentence, and it is recorded with its language. An opt-out stops pending marketing
 * on that channel at once.
 */
final class Consents {
  private final Pool pool;
  private final SqlStatements sql;
  private final Messages messages;
  private final SupportedLocale defaultLocale;

  Consents(Pool pool, SqlStatements sql, Messages messages, SupportedLocale defaultLocale) {
    this.pool = pool;
    this.sql = sql;
    this.messages = messages;
    this.defaultLocale = defaultLocale;
  }

  Future<JsonObject> list(RequestEnvelope request) {
    UUID me = Access.principal(request).userId();
    SupportedLocale locale = locale(request);
    return pool.preparedQuery(sql.get("my_consents")).execute(Tuple.of(me)).map(rows -> {
      JsonArray items = new JsonArray();
      rows.forEach(row -> items.add(item(row, locale)));
      return new JsonObject().put("items", items);
    });
  }

  Future<JsonObject> record(RequestEnvelope request) {
    UUID me = Access.principal(request).userId();
    SupportedLocale locale = locale(request);
    JsonObject body = request.bodyAsObject();
    String channel = body.getString("channel");
    boolean optIn = Boolean.TRUE.equals(body.getBoolean("optIn"));
    if (optIn) {
      String shown = wording(channel, locale);
      String sent = body.getString("wording");
      if (sent == null || !sent.strip().equals(shown)) {
        return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "consent_wording_mismatch",
            Map.of("language", locale.tag()), "wording"));
      }
    }
    return pool.withTransaction(conn -> contact(conn, me, channel).compose(who -> optIn
            ? ConsentRecorder.optIn(conn, who, channel, wording(channel, locale), locale.tag(), "self", me).map(0)
            : ConsentRecorder.optOut(conn, who, channel, "self", me)))
        .compose(stopped -> pool.preparedQuery(sql.get("my_consents")).execute(Tuple.of(me)).map(rows -> {
          for (Row row : rows) {
            if (row.getString("channel").equals(channel)) {
              return item(row, locale).put("stoppedMessages", stopped);
            }
          }
          throw new IllegalStateException("no consent row for " + channel);
        }));
  }

  /** The account and its address on that channel, so a lead-style row to the same number is covered too. */
  private Future<ConsentRecorder.Contact> contact(SqlConnection conn, UUID me, String channel) {
    return conn.preparedQuery(sql.get("account_contact")).execute(Tuple.of(me)).map(rows -> {
      if (rows.size() == 0) {
        throw new Problem(ProblemKind.UNAUTHENTICATED, "invalid_token");
      }
      Row account = rows.iterator().next();
      return "email".equals(channel)
          ? new ConsentRecorder.Contact(me, null, account.getString("email"))
          : new ConsentRecorder.Contact(me, account.getString("phone"), null);
    });
  }

  private JsonObject item(Row row, SupportedLocale locale) {
    String channel = row.getString("channel");
    return new JsonObject()
        .put("channel", channel)
        .put("optedIn", row.getBoolean("opted_in"))
        .put("since", Timestamps.iso(row.getOffsetDateTime("since")))
        .put("wording", wording(channel, locale))
        .put("locale", locale.tag());
  }

  private String wording(String channel, SupportedLocale locale) {
    return messages.format(locale, "consent.marketing." + channel);
  }

  private SupportedLocale locale(RequestEnvelope request) {
    return SupportedLocale.fromTag(request.locale()).orElse(defaultLocale);
  }
}
