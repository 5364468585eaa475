package io.moeen.identity;

import io.moeen.common.auth.AccessTokens;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.util.Optional;
import java.util.UUID;

/**
 * Password sign-in. A wrong email and a wrong password get the same answer and cost the same
 * time (Argon2id runs either way, on a worker). Every attempt is recorded in login_activity.
 */
final class Login {
  private final Vertx vertx;
  private final IdentityStore store;
  private final PasswordHasher hasher;
  private final AccessTokens tokens;

  Login(Vertx vertx, IdentityStore store, PasswordHasher hasher, AccessTokens tokens) {
    this.vertx = vertx;
    this.store = store;
    this.hasher = hasher;
    this.tokens = tokens;
  }

  Future<JsonObject> login(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    String password = body.getString("password");
    Optional<LoginIdentifier> identifier = LoginIdentifier.parse(body.getString("identifier"));
    if (identifier.isEmpty()) {
      // not even a well-formed email or phone: still spend the hashing time
      return vertx.executeBlocking(() -> {
        hasher.verifyDecoy(password);
        return null;
      }).compose(x -> Future.failedFuture(invalidCredentials()));
    }
    return store.userForLogin(identifier.get())
        .compose(candidate -> vertx.executeBlocking(() -> check(candidate, password)))
        .compose(outcome -> {
          String key = identifier.get().key();
          if (outcome.failure() != null) {
            return store.recordLogin(store.pool(), outcome.userId(), key, request.clientIp(), request.userAgent(),
                    false, outcome.failure())
                .compose(x -> Future.failedFuture(invalidCredentials()));
          }
          return issue(outcome.userId(), key, request);
        });
  }

  /** The account tried (if any) and why it failed (null: it did not). */
  private record Outcome(UUID userId, String failure) {
  }

  private Outcome check(Optional<IdentityStore.LoginCandidate> candidate, String password) {
    if (candidate.isEmpty()) {
      hasher.verifyDecoy(password);
      return new Outcome(null, "unknown_account");
    }
    IdentityStore.LoginCandidate user = candidate.get();
    if (!hasher.verify(password, user.passwordHash())) {
      return new Outcome(user.id(), "wrong_password");
    }
    return user.active() ? new Outcome(user.id(), null) : new Outcome(user.id(), "inactive");
  }

  private Future<JsonObject> issue(UUID userId, String identifier, RequestEnvelope request) {
    String refresh = RefreshTokens.newToken();
    return store.pool().withTransaction(conn -> store.recordLogin(conn, userId, identifier, request.clientIp(),
                request.userAgent(), true, null)
            .compose(x -> store.touchLastLogin(conn, userId))
            .compose(x -> store.insertRefreshToken(conn, userId, UUID.randomUUID(), RefreshTokens.hash(refresh),
                RefreshTokens.TTL.toSeconds(), request.clientIp(), request.userAgent())))
        .map(x -> new JsonObject()
            .put("tokenType", "Bearer")
            .put("accessToken", tokens.issue(userId, "access", AccessTokens.ACCESS_TTL))
            .put("expiresIn", AccessTokens.ACCESS_TTL.toSeconds())
            .put("refreshToken", refresh)
            .put("refreshExpiresIn", RefreshTokens.TTL.toSeconds()));
  }

  private static Problem invalidCredentials() {
    return new Problem(ProblemKind.UNAUTHENTICATED, "invalid_credentials");
  }
}
