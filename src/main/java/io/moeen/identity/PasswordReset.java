package io.moeen.identity;

import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.kv.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Forgotten passwords. Asking for a reset answers the same whether or not the account exists;
 * when it does, a single-use token (only its SHA-256 stored) valid for 30 minutes goes to the
 * person through the notifications outbox. Using it sets the new password and ends every session.
 */
final class PasswordReset {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/identity/recovery.sql");
  static final Duration TOKEN_TTL = Duration.ofMinutes(30);
  static final int REQUESTS_PER_WINDOW = 3;
  static final Duration REQUEST_WINDOW = Duration.ofMinutes(15);

  private final Vertx vertx;
  private final Pool pool;
  private final KeyValueStore store;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final ResetAnswers answers;
  private final PrincipalInvalidations principals;

  PasswordReset(Vertx vertx, Pool pool, KeyValueStore store, PasswordHasher hasher, PasswordPolicy policy,
                ResetAnswers answers, PrincipalInvalidations principals) {
    this.principals = principals;
    this.vertx = vertx;
    this.pool = pool;
    this.store = store;
    this.hasher = hasher;
    this.policy = policy;
    this.answers = answers;
  }

  /** Always the same 202 answer; the work happens only for a real account within the rate limit. */
  Future<JsonObject> request(RequestEnvelope request) {
    JsonObject accepted = answers.accepted(request.locale());
    Optional<LoginIdentifier> identifier = LoginIdentifier.parse(request.bodyAsObject().getString("identifier"));
    if (identifier.isEmpty()) {
      return Future.succeededFuture(accepted);
    }
    LoginIdentifier who = identifier.get();
    return store.increment("reset:req:" + who.key(), REQUEST_WINDOW)
        .compose(count -> count > REQUESTS_PER_WINDOW
            ? Future.succeededFuture()
            : pool.preparedQuery(SQL.get("user_for_reset"))
                .execute(Tuple.of(who.email().orElse(null), who.phone().orElse(null)))
                .compose(rows -> rows.size() == 0 ? Future.succeededFuture() : issue(rows.iterator().next(), request)))
        .map(x -> accepted);
  }

  private Future<Void> issue(Row user, RequestEnvelope request) {
    String token = RefreshTokens.newToken();
    return pool.withTransaction(conn -> conn.preparedQuery(SQL.get("insert_reset_token"))
        .execute(Tuple.of(user.getUUID("id"), RefreshTokens.hash(token), TOKEN_TTL.toSeconds(), request.clientIp()))
        .compose(rows -> {
          Row reset = rows.iterator().next();
          boolean byEmail = user.getString("email") != null;
          JsonObject payload = new JsonObject()
              .put("token", token)
              .put("expiresAt", reset.getOffsetDateTime("expires_at").toInstant().toString())
              .put("expiresInMinutes", TOKEN_TTL.toMinutes());
          return conn.preparedQuery(SQL.get("enqueue_notification")).execute(Tuple.from(new Object[] {
              user.getUUID("id"), byEmail ? "email" : "sms", "password_reset", user.getString("language_preference"),
              payload, "urgent", "password_reset:" + reset.getUUID("id")}));
        })).mapEmpty();
  }

  /** Sets the new password with a valid token: 204; a used, expired or unknown token is 400. */
  Future<Void> confirm(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    String hash = RefreshTokens.hash(body.getString("token", ""));
    String newPassword = body.getString("newPassword");
    return pool.preparedQuery(SQL.get("peek_reset_token")).execute(Tuple.of(hash))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(invalidToken());
          }
          Row user = rows.iterator().next();
          policy.check(newPassword, "newPassword", user.getString("email"), user.getString("phone"));
          return vertx.executeBlocking(() -> hasher.hash(newPassword), false);
        })
        // locked and checked again: of two confirmations with one token, only one sets a password
        .compose(passwordHash -> pool.withTransaction(conn -> conn.preparedQuery(SQL.get("lock_reset_token"))
            .execute(Tuple.of(hash))
            .compose(rows -> {
              if (rows.size() == 0) {
                return Future.failedFuture(invalidToken());
              }
              var userId = rows.iterator().next().getUUID("user_id");
              return conn.preparedQuery(Registration.SQL.get("change_password")).execute(Tuple.of(userId, passwordHash))
                  .compose(x -> conn.preparedQuery(SQL.get("use_reset_tokens")).execute(Tuple.of(userId)))
                  .compose(x -> TokenRefresh.revokeAll(conn, userId, "password_changed"))
                  .map(userId);
            })))
        .map(userId -> principals.<Void>user(userId, null));
  }

  private static Problem invalidToken() {
    return Problem.invalid("reset_token_invalid", "token", Map.of());
  }
}
