package io.moeen.identity;

import io.moeen.common.auth.AccessTokens;
import io.moeen.common.bus.RequestEnvelope;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;

import java.util.UUID;

/**
 * Opens signed-in sessions: a short-lived access token and a refresh token whose family ties
 * together every token rotated from it (so reuse of any of them can end the whole session).
 */
final class Sessions {
  private final IdentityStore store;
  private final AccessTokens tokens;
  private final PrincipalInvalidations principals;

  Sessions(IdentityStore store, AccessTokens tokens, PrincipalInvalidations principals) {
    this.store = store;
    this.tokens = tokens;
    this.principals = principals;
  }

  /** A token pair and the new refresh token's row id. */
  record Issued(UUID refreshTokenId, JsonObject pair) {
  }

  /**
   * A successful sign-in: recorded, last_login touched, a new token family started; after commit,
   * what was cached of the account (its last sign-in) is dropped.
   */
  Future<JsonObject> signIn(UUID userId, String identifier, RequestEnvelope request) {
    return store.pool().withTransaction(conn -> store.recordLogin(conn, userId, identifier, request.clientIp(),
                request.userAgent(), true, null)
            .compose(x -> store.touchLastLogin(conn, userId))
            .compose(x -> issue(conn, userId, UUID.randomUUID(), request)))
        .map(issued -> principals.user(userId, issued.pair()));
  }

  /** Within the caller's transaction: a pair whose refresh token belongs to {@code familyId}. */
  Future<Issued> issue(SqlConnection conn, UUID userId, UUID familyId, RequestEnvelope request) {
    String refresh = RefreshTokens.newToken();
    return store.insertRefreshToken(conn, userId, familyId, RefreshTokens.hash(refresh),
            RefreshTokens.TTL.toSeconds(), request.clientIp(), request.userAgent())
        .map(id -> new Issued(id, new JsonObject()
            .put("tokenType", "Bearer")
            .put("accessToken", tokens.issue(userId, "access", AccessTokens.ACCESS_TTL, familyId))
            .put("expiresIn", AccessTokens.ACCESS_TTL.toSeconds())
            .put("refreshToken", refresh)
            .put("refreshExpiresIn", RefreshTokens.TTL.toSeconds())));
  }
}
