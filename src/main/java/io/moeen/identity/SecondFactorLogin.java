package io.moeen.identity;

import io.moeen.common.auth.AccessTokens;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.identity.twofactor.TotpCodes;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * The second step of signing in to an account with two-factor sign-in: the mfa token from the
 * password step and a code from the authenticator app. Wrong codes count toward the same
 * throttle as wrong passwords.
 */
final class SecondFactorLogin {
  private final IdentityStore store;
  private final AccessTokens tokens;
  private final TotpCodes codes;
  private final LoginThrottle throttle;
  private final Sessions sessions;

  SecondFactorLogin(IdentityStore store, AccessTokens tokens, TotpCodes codes, LoginThrottle throttle,
                    Sessions sessions) {
    this.store = store;
    this.tokens = tokens;
    this.codes = codes;
    this.throttle = throttle;
    this.sessions = sessions;
  }

  Future<JsonObject> complete(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    return tokens.verify(body.getString("mfaToken"), "mfa")
        .recover(e -> Future.failedFuture(new Problem(ProblemKind.UNAUTHENTICATED, "two_factor_session_expired")))
        .compose(store::userForSecondFactor)
        .compose(found -> {
          if (found.isEmpty() || !found.get().active() || !found.get().totpEnabled()) {
            return Future.failedFuture(new Problem(ProblemKind.UNAUTHENTICATED, "two_factor_session_expired"));
          }
          IdentityStore.LoginCandidate user = found.get();
          return throttle.check(user.accountKey(), request.clientIp())
              .recover(e -> record(user, request, "throttled").compose(x -> Future.failedFuture(e)))
              .compose(open -> codes.accept(user.id(), user.totpSecret(), body.getString("code")))
              .compose(right -> right
                  ? throttle.succeeded(user.accountKey()).compose(x -> sessions.signIn(user.id(), user.accountKey(), request))
                  : record(user, request, "invalid_two_factor_code")
                      .compose(x -> throttle.failed(user.accountKey(), request.clientIp()))
                      .compose(x -> Future.failedFuture(new Problem(ProblemKind.UNAUTHENTICATED, "invalid_two_factor_code"))));
        });
  }

  private Future<Void> record(IdentityStore.LoginCandidate user, RequestEnvelope request, String reason) {
    return store.recordLogin(store.pool(), user.id(), user.accountKey(), request.clientIp(), request.userAgent(),
        false, reason);
  }
}
