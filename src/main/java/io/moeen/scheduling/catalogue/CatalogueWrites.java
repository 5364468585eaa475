package io.moeen.scheduling.catalogue;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import static io.moeen.scheduling.catalogue.CatalogueRequests.actor;
import static io.moeen.scheduling.catalogue.CatalogueRequests.first;

/**
 * The shape every catalogue write shares: one transaction as the signed-in actor, SQLSTATEs
 * translated, the row read back as the contract shows it; nothing is written when any step fails.
 */
final class CatalogueWrites {
  private final Pool pool;
  private final SqlStatements sql;

  CatalogueWrites(Pool pool, SqlStatements sql) {
    this.pool = pool;
    this.sql = sql;
  }

  SqlStatements sql() {
    return sql;
  }

  <T> Future<T> inTransaction(RequestEnvelope request, Function<SqlConnection, Future<T>> work) {
    return SessionContext.inTransaction(pool, actor(request), work).recover(CatalogueFailures.CONSTRAINTS::recover);
  }

  /** Runs a statement that answers the touched row's id; none means 404 {@code missing}. */
  Future<UUID> touch(SqlConnection conn, String statement, Tuple args, String missing, Object id) {
    return conn.preparedQuery(sql.get(statement)).execute(args).compose(rows -> first(rows)
        .map(row -> Future.succeededFuture(row.getUUID("id")))
        .orElseGet(() -> Future.failedFuture(CatalogueFailures.notFound(missing, id))));
  }

  Future<JsonObject> readBack(SqlConnection conn, String statement, Tuple args,
                              BiFunction<Row, Boolean, JsonObject> json, RequestEnvelope request) {
    return conn.preparedQuery(sql.get(statement)).execute(args)
        .map(rows -> json.apply(rows.iterator().next(), CatalogueRequests.arabic(request)));
  }

  /** Hard delete when nothing refers to the row (the statement checks), else 409 in_use; 404 when absent. */
  Future<Void> delete(RequestEnvelope request, String statement, String exists, String missing, UUID id) {
    return inTransaction(request, conn -> conn.preparedQuery(sql.get(statement)).execute(Tuple.of(id))
        .compose(deleted -> deleted.size() > 0 ? Future.<Void>succeededFuture()
            : conn.preparedQuery(sql.get(exists)).execute(Tuple.of(id)).compose(found -> Future.failedFuture(
                found.size() > 0 ? CatalogueFailures.inUse() : CatalogueFailures.notFound(missing, id)))));
  }

  /** Fails with 400 {@code code} naming {@code field} when any of {@code ids} does not exist. */
  Future<Void> requireKnown(SqlConnection conn, String statement, List<UUID> ids, String code, String field) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    return conn.preparedQuery(sql.get(statement)).execute(Tuple.tuple().addValue(ids.toArray(UUID[]::new))).compose(rows -> {
      Set<UUID> known = new HashSet<>();
      rows.forEach(row -> known.add(row.getUUID("id")));
      for (int i = 0; i < ids.size(); i++) {
        if (ids.get(i) != null && !known.contains(ids.get(i))) {
          return Future.failedFuture(CatalogueFailures.unknown(code, field.replace("[]", "." + i)));
        }
      }
      return Future.succeededFuture();
    });
  }
}
