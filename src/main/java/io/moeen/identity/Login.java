package io.moeen.identity;

import io.moeen.common.auth.AccessTokens;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Password sign-in. A wrong email and a wrong password get the same answer and cost the same
 * time (Argon2id runs either way, on a worker). The throttle is asked first; every attempt,
 * throttled ones included, is recorded in login_activity. An account with two-factor sign-in
 * gets a 5-minute mfa token instead of tokens.
 */
final class Login {
  static final Duration MFA_TTL = Duration.ofMinutes(5);

  private final Vertx vertx;
  private final IdentityStore store;
  private final PasswordHasher hasher;
  private final AccessTokens tokens;
  private final LoginThrottle throttle;
  private final Sessions sessions;

  Login(Vertx vertx, IdentityStore store, PasswordHasher hasher, AccessTokens tokens, LoginThrottle throttle,
        Sessions sessions) {
    this.vertx = vertx;
    this.store = store;
    this.hasher = hasher;
    this.tokens = tokens;
    this.throttle = throttle;
    this.sessions = sessions;
  }

  Future<JsonObject> login(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    String password = body.getString("password");
    String typed = body.getString("identifier", "");
    Optional<LoginIdentifier> identifier = LoginIdentifier.parse(typed);
    String recorded = identifier.map(LoginIdentifier::key).orElse(typed.trim().toLowerCase(Locale.ROOT));
    Future<Optional<IdentityStore.LoginCandidate>> candidate = identifier.isEmpty()
        ? Future.succeededFuture(Optional.empty())
        : store.userForLogin(identifier.get());
    return candidate.compose(user -> {
      String accountKey = user.map(IdentityStore.LoginCandidate::accountKey).orElse(recorded);
      UUID userId = user.map(IdentityStore.LoginCandidate::id).orElse(null);
      return throttle.check(accountKey, request.clientIp())
          .recover(e -> recordRefusal(userId, recorded, request, e))
          // unordered: sign-ins hash in parallel on the worker pool instead of queueing behind each other
          .compose(open -> vertx.executeBlocking(() -> check(user, password), false))
          .compose(outcome -> outcome.failure() == null
              ? succeed(user.get(), recorded, request)
              : store.recordLogin(store.pool(), userId, recorded, request.clientIp(), request.userAgent(), false,
                      outcome.failure())
                  .compose(x -> throttle.failed(accountKey, request.clientIp()))
                  .compose(x -> Future.failedFuture(invalidCredentials())));
    });
  }

  private Future<Void> recordRefusal(UUID userId, String identifier, RequestEnvelope request, Throwable refusal) {
    if (!LoginThrottle.isThrottled(refusal)) {
      return Future.failedFuture(refusal);
    }
    return store.recordLogin(store.pool(), userId, identifier, request.clientIp(), request.userAgent(), false, "throttled")
        .compose(x -> Future.failedFuture(refusal));
  }

  private Future<JsonObject> succeed(IdentityStore.LoginCandidate user, String identifier, RequestEnvelope request) {
    if (!user.totpEnabled()) {
      return throttle.succeeded(user.accountKey()).compose(x -> sessions.signIn(user.id(), identifier, request));
    }
    // The password was right; the sign-in completes at POST /v1/auth/login/two-factor. The
    // failure counter stays until then, or a known password would reset the code guesses.
    return store.recordLogin(store.pool(), user.id(), identifier, request.clientIp(), request.userAgent(), false,
            "two_factor_pending")
        .map(y -> new JsonObject()
            .put("mfaRequired", true)
            .put("mfaToken", tokens.issue(user.id(), "mfa", MFA_TTL))
            .put("expiresIn", MFA_TTL.toSeconds()));
  }

  /** Why the attempt failed (null: it did not). */
  private record Outcome(String failure) {
  }

  private Outcome check(Optional<IdentityStore.LoginCandidate> candidate, String password) {
    if (candidate.isEmpty()) {
      hasher.verifyDecoy(password);
      return new Outcome("unknown_account");
    }
    IdentityStore.LoginCandidate user = candidate.get();
    if (!hasher.verify(password, user.passwordHash())) {
      return new Outcome("wrong_password");
    }
    return new Outcome(user.active() ? null : "inactive");
  }

  static Problem invalidCredentials() {
    return new Problem(ProblemKind.UNAUTHENTICATED, "invalid_credentials");
  }
}
