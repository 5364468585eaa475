package io.moeen.api;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * The last word before a secured operation is forwarded: no principal, no forwarding (401),
 * whatever ran before. It holds even if a handler earlier on the route is changed or dropped.
 */
final class PrincipalGuard implements Handler<RoutingContext> {
  @Override
  public void handle(RoutingContext ctx) {
    ContractOperation operation = ctx.get(Authentication.OPERATION);
    if (operation == null || (operation.secured() && ctx.get(Authentication.PRINCIPAL) == null)) {
      ctx.fail(new Problem(ProblemKind.UNAUTHENTICATED, "unauthenticated"));
      return;
    }
    ctx.next();
  }
}
