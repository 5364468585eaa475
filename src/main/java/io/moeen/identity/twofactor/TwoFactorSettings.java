package io.moeen.identity.twofactor;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Map;

/**
 * A person turns two-factor sign-in on (a secret for their authenticator app, enabled once they
 * prove it works with a code) and off again (with a current code).
 */
public final class TwoFactorSettings {
  public static final SqlStatements SQL = SqlStatements.load("io/moeen/identity/twofactor/two-factor.sql");

  private final Pool pool;
  private final TotpCodes codes;
  private final PrincipalInvalidations principals;

  /** {@code principals}: turning the second factor on or off is a security change the API hears of. */
  public TwoFactorSettings(Pool pool, TotpCodes codes, PrincipalInvalidations principals) {
    this.pool = pool;
    this.codes = codes;
    this.principals = principals;
  }

  /** A new, not yet enabled secret; replaces one that was never confirmed. */
  public Future<JsonObject> start(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    String secret = TotpCodes.newSecret();
    return state(principal).compose(account -> {
      if (account.getBoolean("totp_enabled")) {
        return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "two_factor_already_enabled"));
      }
      String label = account.getString("email") != null ? account.getString("email") : account.getString("phone");
      return pool.preparedQuery(SQL.get("store_pending_secret")).execute(Tuple.of(principal.userId(), secret))
          .map(x -> new JsonObject().put("secret", secret).put("otpauthUri", TotpCodes.uri(secret, label)));
    });
  }

  public Future<Void> confirm(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    String code = request.bodyAsObject().getString("code");
    return state(principal).compose(account -> {
      if (account.getBoolean("totp_enabled")) {
        return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "two_factor_already_enabled"));
      }
      String secret = account.getString("totp_secret");
      if (secret == null) {
        return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "two_factor_not_set_up"));
      }
      return requireCode(principal, secret, code)
          .compose(x -> pool.preparedQuery(SQL.get("enable_two_factor")).execute(Tuple.of(principal.userId(), secret)))
          .map(x -> principals.<Void>user(principal.userId(), null));
    });
  }

  public Future<Void> disable(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    String code = request.bodyAsObject().getString("code");
    return state(principal).compose(account -> {
      if (!account.getBoolean("totp_enabled")) {
        return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "two_factor_not_enabled"));
      }
      return requireCode(principal, account.getString("totp_secret"), code)
          .compose(x -> pool.preparedQuery(SQL.get("disable_two_factor")).execute(Tuple.of(principal.userId())))
          .map(x -> principals.<Void>user(principal.userId(), null));
    });
  }

  private Future<Void> requireCode(Principal principal, String secret, String code) {
    return codes.accept(principal.userId(), secret, code).compose(ok -> ok
        ? Future.succeededFuture()
        : Future.failedFuture(Problem.invalid("invalid_two_factor_code", "code", Map.of())));
  }

  private Future<Row> state(Principal principal) {
    return pool.preparedQuery(SQL.get("two_factor_state")).execute(Tuple.of(principal.userId()))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(new Problem(ProblemKind.UNAUTHENTICATED, "invalid_token"))
            : Future.succeededFuture(rows.iterator().next()));
  }
}
