package io.moeen.api;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.Handler;

import java.util.Locale;
import java.util.Map;

/**
 * One spelling per resource: a request whose path is not in canonical form is 404 before any
 * route matches. Canonical means what the router itself would match after RFC 3986 normalisation
 * (no {@code .} or {@code ..} segments, no doubled slash, no percent-encoded unreserved
 * character), and, for the API, no trailing slash, no {@code ;parameters} and no encoded slash or
 * backslash. Refusing instead of normalising keeps caches, access logs, rate limits and metrics on
 * one key per resource, and leaves nothing for a second lookup to disagree about.
 */
final class CanonicalPaths implements Handler<RoutingContext> {
  private static final String API_PREFIX = "/v1/";

  private final ProblemResponses problems;

  CanonicalPaths(ProblemResponses problems) {
    this.problems = problems;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String normalized;
    try {
      normalized = ctx.normalizedPath();
    } catch (IllegalArgumentException brokenEscape) { // "%zz": not a path at all
      problems.write(ctx, new Problem(ProblemKind.INVALID_INPUT, "malformed_request"));
      return;
    }
    if (isCanonical(ctx.request().path(), normalized)) {
      ctx.next();
    } else {
      problems.write(ctx, Problem.notFound("not_found", Map.of("path", ctx.request().path())));
    }
  }

  /** {@code normalized}: the router's RFC 3986 normalisation of {@code raw}. */
  static boolean isCanonical(String raw, String normalized) {
    if (raw == null || raw.isEmpty() || raw.charAt(0) != '/' || !raw.equals(normalized)) {
      return false;
    }
    if (raw.indexOf('\\') >= 0 || raw.indexOf(';') >= 0) {
      return false;
    }
    if (raw.indexOf('%') >= 0) { // most paths have none: no copy for them
      String lower = raw.toLowerCase(Locale.ROOT);
      if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%00") || lower.contains("%2e")) {
        return false;
      }
    }
    // static areas (/docs/) name directories with a trailing slash; API resources never do
    return !(raw.startsWith(API_PREFIX) && raw.length() > API_PREFIX.length() && raw.endsWith("/"))
        && !raw.equals(API_PREFIX);
  }
}
