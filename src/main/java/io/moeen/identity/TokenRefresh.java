package io.moeen.identity;

import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.UUID;

/**
 * Refresh-token rotation with reuse detection. Each refresh revokes the presented token
 * ('rotated', pointing at its successor) and issues the next of the same family. A rotated token
 * presented again means two parties hold it: the whole family is revoked. The presented row is
 * locked, so of two concurrent refreshes with one token only the first succeeds.
 */
final class TokenRefresh {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/identity/tokens.sql");

  private final Pool pool;
  private final Sessions sessions;
  private final PrincipalInvalidations principals;

  TokenRefresh(Pool pool, Sessions sessions, PrincipalInvalidations principals) {
    this.pool = pool;
    this.sessions = sessions;
    this.principals = principals;
  }

  /** What the transaction decided; failures are raised only after it commits the revocations. */
  private record Outcome(JsonObject pair, String refusal, UUID endedSession) {
    Outcome(JsonObject pair, String refusal) {
      this(pair, refusal, null);
    }
  }

  Future<JsonObject> refresh(RequestEnvelope request) {
    String hash = RefreshTokens.hash(request.bodyAsObject().getString("refreshToken", ""));
    return pool.withTransaction(conn -> conn.preparedQuery(SQL.get("lock_refresh_token")).execute(Tuple.of(hash))
            .compose(rows -> rows.size() == 0
                ? Future.succeededFuture(new Outcome(null, "invalid_refresh_token"))
                : decide(conn, rows.iterator().next(), request)))
        .map(outcome -> outcome.endedSession() == null ? outcome : principals.session(outcome.endedSession(), outcome))
        .compose(outcome -> outcome.refusal() == null
            ? Future.succeededFuture(outcome.pair())
            : Future.failedFuture(new Problem(ProblemKind.UNAUTHENTICATED, outcome.refusal())));
  }

  private Future<Outcome> decide(SqlConnection conn, Row token, RequestEnvelope request) {
    UUID family = token.getUUID("family_id");
    if (token.getOffsetDateTime("revoked_at") != null) {
      if (!"rotated".equals(token.getString("revoke_reason"))) {
        return Future.succeededFuture(new Outcome(null, "invalid_refresh_token"));
      }
      return conn.preparedQuery(SQL.get("revoke_family")).execute(Tuple.of(family, "reuse_detected"))
          .map(x -> new Outcome(null, "refresh_token_reused", family));
    }
    if (token.getBoolean("expired") || !token.getBoolean("is_active")) {
      return Future.succeededFuture(new Outcome(null, "invalid_refresh_token"));
    }
    return sessions.issue(conn, token.getUUID("user_id"), family, request)
        .compose(next -> conn.preparedQuery(SQL.get("mark_rotated"))
            .execute(Tuple.of(token.getUUID("id"), next.refreshTokenId()))
            .map(x -> new Outcome(next.pair(), null)));
  }

  /** Ends the session the token belongs to; unknown or already revoked tokens change nothing. */
  Future<Void> logout(RequestEnvelope request) {
    String hash = RefreshTokens.hash(request.bodyAsObject().getString("refreshToken", ""));
    return pool.preparedQuery(SQL.get("revoke_family_of_token")).execute(Tuple.of(hash))
        // every row is of the one family the token belongs to
        .map(rows -> rows.size() == 0 ? null : principals.<Void>session(rows.iterator().next().getUUID("family_id"), null));
  }

  /** Within a transaction: every open session of the user ends (password changed, deactivated). */
  static Future<Void> revokeAll(SqlConnection conn, UUID userId, String reason) {
    return conn.preparedQuery(SQL.get("revoke_all_of_user")).execute(Tuple.of(userId, reason)).mapEmpty();
  }
}
