package io.moeen.api;

import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.PlatformHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One JSON log line per request, with its request id, status and duration, and the contract
 * operation the router matched (as the route itself named it; "-" when none matched).
 */
final class AccessLog implements PlatformHandler {
  private static final Logger LOG = LoggerFactory.getLogger("io.moeen.access");

  @Override
  public void handle(RoutingContext ctx) {
    long started = System.nanoTime();
    ctx.addEndHandler(done -> {
      long millis = (System.nanoTime() - started) / 1_000_000;
      try (var ignored = MDC.putCloseable("requestId", RequestAttributes.requestId(ctx))) {
        ContractOperation operation = ctx.get(Authentication.OPERATION);
        LOG.info("{} {} {} {} {}ms", ctx.request().method(), ctx.request().path(),
            operation == null ? "-" : operation.operationId(), ctx.response().getStatusCode(), millis);
      }
    });
    ctx.next();
  }
}
