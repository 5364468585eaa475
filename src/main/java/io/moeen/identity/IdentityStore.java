package io.moeen.identity;

import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/** Accounts, logins and tokens in PostgreSQL; the SQL is in identity.sql. */
final class IdentityStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/identity/identity.sql");

  private final Pool pool;

  IdentityStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  /** The principal JSON of an active account whose session (if given) is still open, or null. */
  Future<JsonObject> principal(UUID userId, UUID sessionId) {
    return pool.preparedQuery(SQL.get("principal")).execute(Tuple.of(userId, sessionId))
        .map(rows -> {
          Object value = rows.iterator().next().getValue("principal");
          return value instanceof JsonObject json ? json : null;
        });
  }

  /** {@code accountKey}: the identifier the account's login throttle counts under. */
  record LoginCandidate(UUID id, String passwordHash, boolean active, boolean totpEnabled, String accountKey,
                        String totpSecret) {
  }

  Future<Optional<LoginCandidate>> userForLogin(LoginIdentifier identifier) {
    return pool.preparedQuery(SQL.get("user_for_login"))
        .execute(Tuple.of(identifier.email().orElse(null), identifier.phone().orElse(null)))
        .map(IdentityStore::firstCandidate);
  }

  /** The account an mfa token names, with its TOTP secret. */
  Future<Optional<LoginCandidate>> userForSecondFactor(UUID userId) {
    return pool.preparedQuery(SQL.get("user_for_second_factor")).execute(Tuple.of(userId))
        .map(IdentityStore::firstCandidate);
  }

  private static Optional<LoginCandidate> firstCandidate(RowSet<Row> rows) {
    if (!rows.iterator().hasNext()) {
      return Optional.empty();
    }
    Row row = rows.iterator().next();
    return Optional.of(new LoginCandidate(row.getUUID("id"), row.getString("password_hash"),
        row.getBoolean("is_active"), row.getBoolean("totp_enabled"), row.getString("account_key"),
        row.getColumnIndex("totp_secret") < 0 ? null : row.getString("totp_secret")));
  }

  Future<Void> recordLogin(SqlClient client, UUID userId, String identifier, String ip, String userAgent,
                           boolean success, String failureReason) {
    return client.preparedQuery(SQL.get("record_login"))
        .execute(Tuple.of(userId, identifier, ip, userAgent, success, failureReason)).mapEmpty();
  }

  Future<Void> touchLastLogin(SqlClient client, UUID userId) {
    return client.preparedQuery(SQL.get("touch_last_login")).execute(Tuple.of(userId)).mapEmpty();
  }

  Future<UUID> insertRefreshToken(SqlClient client, UUID userId, UUID familyId, String tokenHash, long ttlSeconds,
                                  String ip, String userAgent) {
    return client.preparedQuery(SQL.get("insert_refresh_token"))
        .execute(Tuple.of(userId, familyId, tokenHash, ttlSeconds, ip, userAgent))
        .map(rows -> rows.iterator().next().getUUID("id"));
  }

  Pool pool() {
    return pool;
  }
}
