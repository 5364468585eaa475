package io.moeen.billing.insurance;

import io.moeen.common.auth.Access;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.function.Function;

/** The insurance statements ({@code insurance.sql}), run in a transaction acting as the caller. */
final class InsuranceStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/billing/insurance.sql");

  private final Pool pool;

  InsuranceStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  <T> Future<T> as(RequestEnvelope request, Function<SqlConnection, Future<T>> work) {
    return SessionContext.inTransaction(pool, new Actor(Access.principal(request), request.requestId(), request.clientIp()), work);
  }

  static Future<RowSet<Row>> run(SqlConnection conn, String name, Tuple args) {
    return conn.preparedQuery(SQL.get(name)).execute(args);
  }

  static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  /** The {@code item} column of every row. */
  static JsonArray items(RowSet<Row> rows) {
    JsonArray items = new JsonArray();
    rows.forEach(row -> items.add(item(row)));
    return items;
  }

  static JsonObject item(Row row) {
    Object value = row.getValue("item");
    return value instanceof JsonObject json ? json : new JsonObject(String.valueOf(value));
  }

  static String lang(RequestEnvelope request) {
    return SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.AR) == SupportedLocale.AR ? "ar" : "en";
  }
}
