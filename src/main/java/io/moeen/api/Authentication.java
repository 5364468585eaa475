package io.moeen.api;

import io.moeen.common.auth.AccessTokens;
import io.moeen.identity.IdentityAddresses;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.Handler;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The first handler of each contract operation's own route, so it decides on the operation the
 * router actually matched, never on a second lookup of the path. Runs before the contract
 * validates: a Bearer access token is verified, the account behind it resolved to a principal
 * (roles, permissions, patient links) by the identity verticle — once per session while the
 * {@link PrincipalCache} keeps it — and the operation's
 * {@code x-moeen-permissions} checked. A secured operation without a valid token is 401 with
 * {@code WWW-Authenticate}; without the permission, 403. A public operation accepts an absent
 * token, but never an invalid one.
 */
final class Authentication implements Handler<RoutingContext> {
  static final String PRINCIPAL = "moeen.principal";
  /** The contract operation of the matched route: the access log and the guards name it. */
  static final String OPERATION = "moeen.operation";
  /** What resolves the caller's principal again ({userId, sessionId}): long-lived streams re-check with it. */
  static final String SESSION = "moeen.session";
  /** The identity verticle's address that turns a user id into a principal. */
  static final String RESOLVE_PRINCIPAL = IdentityAddresses.PRINCIPAL_RESOLVE;

  private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
  private final Vertx vertx;
  private final AccessTokens tokens;
  private final ContractOperation operation;
  private final PrincipalCache principals;
  private final DeliveryOptions delivery = new DeliveryOptions().setSendTimeout(10_000);

  Authentication(Vertx vertx, AccessTokens tokens, ContractOperation operation, PrincipalCache principals) {
    this.vertx = vertx;
    this.tokens = tokens;
    this.operation = operation;
    this.principals = principals;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ctx.put(OPERATION, operation);
    String header = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
    if (header == null && operation.queryToken()) {
      // only where the contract declares it (EventSource cannot send headers); the access log writes no query
      String token = ctx.request().getParam(ContractOperation.QUERY_TOKEN);
      header = token == null ? null : "Bearer " + token;
    }
    if (header == null && !operation.secured()) {
      ctx.next();
      return;
    }
    if (header == null) {
      ctx.fail(new Problem(ProblemKind.UNAUTHENTICATED, "unauthenticated"));
      return;
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      ctx.fail(new Problem(ProblemKind.UNAUTHENTICATED, "invalid_token"));
      return;
    }
    tokens.verifyWithSession(header.substring(7).trim(), "access")
        .recover(e -> {
          try (var ignored = MDC.putCloseable("requestId", RequestAttributes.requestId(ctx))) {
            LOG.info("access token refused: {}", e.getMessage());
          }
          return Future.failedFuture(new Problem(ProblemKind.UNAUTHENTICATED, "invalid_token"));
        })
        .compose(token -> {
          JsonObject session = new JsonObject().put("userId", token.userId().toString())
              .put("sessionId", token.sessionId().map(Object::toString).orElse(null));
          ctx.put(SESSION, session);
          // a token without a session cannot be invalidated by session: it is resolved every time
          return token.sessionId().isEmpty()
              ? resolve(vertx, session, delivery)
              : principals.get(vertx, token.sessionId().get(), token.userId(), () -> resolve(vertx, session, delivery));
        })
        .onSuccess(principal -> {
          if (!permitted(principal, operation)) {
            ctx.fail(new Problem(ProblemKind.FORBIDDEN, "forbidden"));
            return;
          }
          ctx.put(PRINCIPAL, principal);
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  /** The account behind a session as a principal; fails unauthenticated once the session or account is gone. */
  static Future<JsonObject> resolve(Vertx vertx, JsonObject request, DeliveryOptions delivery) {
    return vertx.eventBus().<JsonObject>request(RESOLVE_PRINCIPAL, request, delivery)
        .map(message -> message.body())
        // null: the account is gone or deactivated, or the token's sign-in session has ended
        .compose(principal -> principal == null
            ? Future.failedFuture(new Problem(ProblemKind.UNAUTHENTICATED, "invalid_token"))
            : Future.succeededFuture(principal));
  }

  private static boolean permitted(JsonObject principal, ContractOperation operation) {
    if (operation.permissions().isEmpty()) {
      return true;
    }
    JsonArray held = principal.getJsonArray("permissions", new JsonArray());
    return operation.permissions().stream().anyMatch(held::contains);
  }
}
