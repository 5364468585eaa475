package io.moeen.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The public operations a page on another website may call from the browser: those the contract marks
 * {@code x-moeen-cross-origin: true}, exactly what the chat widget needs (docs/web.md), nothing else. Any
 * origin, never with credentials (the widget sends its chat token in a header, no cookie is involved), so a
 * page elsewhere can do no more than a script on a server could. Every other operation answers as before:
 * no CORS header, OPTIONS 405.
 */
final class CrossOrigin {
  static final String ALLOWED_HEADERS = "Accept-Language, Content-Type, If-None-Match, X-Chat-Token";
  static final String EXPOSED_HEADERS = "Content-Language, ETag, Retry-After, X-Request-Id";
  private static final String MAX_AGE_SECONDS = "600";

  private CrossOrigin() {
  }

  /** The marked operations; fails the start if one is secured: only public operations may be opened to other sites. */
  static List<ContractOperation> operations(List<ContractOperation> all) {
    List<ContractOperation> chosen = all.stream().filter(ContractOperation::crossOrigin).toList();
    chosen.stream().filter(ContractOperation::secured).findAny().ifPresent(op -> {
      throw new IllegalStateException("Cross-origin operation " + op.operationId() + " is secured; only public ones may be");
    });
    return chosen;
  }

  /** On each chosen operation's route, first: its answers (problems included) may be read by any page. */
  static Handler<RoutingContext> headers() {
    return ctx -> {
      ctx.response()
          .putHeader("Access-Control-Allow-Origin", "*")
          .putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
      ctx.next();
    };
  }

  /** The browsers' preflight ({@code OPTIONS}) on the chosen operations' paths. */
  static void mountPreflights(Router router, List<ContractOperation> chosen, AllowedMethods allowed) {
    Map<String, Set<String>> methodsByPath = new TreeMap<>();
    chosen.forEach(op -> methodsByPath.computeIfAbsent(op.path(), p -> new TreeSet<>()).add(op.method()));
    methodsByPath.forEach((path, methods) -> {
      String methodList = String.join(", ", methods);
      router.options(path.replaceAll("\\{([^}/]+)}", ":$1")).handler(ctx -> ctx.response()
          .setStatusCode(204)
          .putHeader("Access-Control-Allow-Origin", "*")
          .putHeader("Access-Control-Allow-Methods", methodList)
          .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
          .putHeader("Access-Control-Max-Age", MAX_AGE_SECONDS)
          .end());
      allowed.add(path, "OPTIONS");
    });
  }
}
