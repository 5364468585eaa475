package io.moeen.identity;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

/** A person changes their own account: names, language, password (notification choices: /v1/me/notification-preferences). */
final class ProfileUpdates {
  private final Vertx vertx;
  private final Pool pool;
  private final PasswordHasher hasher;
  private final PasswordPolicy policy;
  private final LoginThrottle throttle;
  private final Sessions sessions;
  private final PrincipalInvalidations principals;

  ProfileUpdates(Vertx vertx, Pool pool, PasswordHasher hasher, PasswordPolicy policy, LoginThrottle throttle,
                 Sessions sessions, PrincipalInvalidations principals) {
    this.principals = principals;
    this.vertx = vertx;
    this.pool = pool;
    this.hasher = hasher;
    this.policy = policy;
    this.throttle = throttle;
    this.sessions = sessions;
  }

  /** Only the fields sent change; a name sent as null is cleared (one first name must remain). */
  Future<Void> update(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    JsonObject body = request.bodyAsObject();
    return pool.preparedQuery(Registration.SQL.get("update_profile")).execute(Tuple.from(new Object[] {
            principal.userId(),
            body.containsKey("firstNameAr"), body.containsKey("lastNameAr"),
            body.containsKey("firstNameEn"), body.containsKey("lastNameEn"),
            trimmed(body.getString("firstNameAr")), trimmed(body.getString("lastNameAr")),
            trimmed(body.getString("firstNameEn")), trimmed(body.getString("lastNameEn")),
            body.getString("languagePreference")}))
        .recover(SqlFailures.CONSTRAINTS::recover)
        // the principal carries the language preference
        .map(x -> principals.<Void>user(principal.userId(), null));
  }

  /**
   * Needs the current password (guesses count toward the sign-in throttle); ends every session
   * of the account and answers with a fresh one for the caller.
   */
  Future<JsonObject> changePassword(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    JsonObject body = request.bodyAsObject();
    String current = body.getString("currentPassword");
    String next = body.getString("newPassword");
    return pool.preparedQuery(Registration.SQL.get("credentials")).execute(Tuple.of(principal.userId()))
        .compose(rows -> rows.size() == 0
            ? Future.failedFuture(new Problem(ProblemKind.UNAUTHENTICATED, "invalid_token"))
            : Future.succeededFuture(rows.iterator().next()))
        .compose(account -> {
          String accountKey = account.getString("email") != null ? account.getString("email") : account.getString("phone");
          return throttle.check(accountKey, request.clientIp())
              .compose(open -> vertx.executeBlocking(() -> hasher.verify(current, account.getString("password_hash")), false))
              .compose(right -> right
                  ? Future.succeededFuture(account)
                  : throttle.failed(accountKey, request.clientIp()).compose(x -> Future.failedFuture(
                      Problem.invalid("current_password_incorrect", "currentPassword", Map.of()))));
        })
        .compose(account -> {
          policy.check(next, "newPassword", account.getString("email"), account.getString("phone"));
          return vertx.executeBlocking(() -> hasher.hash(next), false).compose(hash -> replace(account, hash, request));
        });
  }

  private Future<JsonObject> replace(Row account, String hash, RequestEnvelope request) {
    UUID userId = account.getUUID("id");
    return pool.withTransaction(conn -> conn.preparedQuery(Registration.SQL.get("change_password"))
            .execute(Tuple.of(userId, hash))
            .compose(x -> TokenRefresh.revokeAll(conn, userId, "password_changed"))
            .compose(x -> sessions.issue(conn, userId, UUID.randomUUID(), request)))
        .map(issued -> principals.user(userId, issued.pair()));
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
