package io.moeen.api;

import io.moeen.common.bus.BusFailures;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.moeen.common.i18n.LocaleNegotiator;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.openapi.validation.ValidatorException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Map;

/**
 * The one place where failures become HTTP: a {@link Problem}'s kind picks the status, its code
 * picks the localized title and detail, and the answer is RFC 9457 problem+json carrying the
 * request id. Unexpected failures are logged and answered with nothing but that id.
 */
final class ProblemResponses {
  static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";
  private static final String TYPE_BASE = "https://moeen.io/problems/";
  private static final Logger LOG = LoggerFactory.getLogger(ProblemResponses.class);

  private final Messages messages;
  private final SupportedLocale fallback;
  private final long maxBodyBytes;

  ProblemResponses(Messages messages, SupportedLocale fallback, long maxBodyBytes) {
    this.messages = messages;
    this.fallback = fallback;
    this.maxBodyBytes = maxBodyBytes;
  }

  static int status(ProblemKind kind) {
    return switch (kind) {
      case INVALID_INPUT -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case GONE -> 410;
      case PRECONDITION_FAILED -> 412;
      case PAYLOAD_TOO_LARGE -> 413;
      case UNSUPPORTED_MEDIA_TYPE -> 415;
      case UNPROCESSABLE -> 422;
      case TOO_MANY_REQUESTS -> 429;
      case UNAVAILABLE -> 503;
      case INTERNAL -> 500;
    };
  }

  /** Router failure handler: whatever failed the request, answer with a problem. */
  void handleFailure(RoutingContext ctx) {
    if (ctx.response().headWritten()) {
      ctx.response().reset();
      return;
    }
    write(ctx, toProblem(ctx, ctx.failure(), ctx.statusCode()));
  }

  void notFound(RoutingContext ctx) {
    write(ctx, Problem.notFound("not_found", Map.of("path", ctx.request().path())));
  }

  void methodNotAllowed(RoutingContext ctx, String allowed) {
    ctx.response().putHeader(HttpHeaders.ALLOW, allowed);
    write(ctx, new Problem(ProblemKind.INVALID_INPUT, "method_not_allowed",
        Map.of("method", ctx.request().method().name(), "allowed", allowed)), 405);
  }

  void write(RoutingContext ctx, Problem problem) {
    write(ctx, problem, status(problem.kind()));
  }

  void write(RoutingContext ctx, Problem problem, int status) {
    SupportedLocale locale = RequestAttributes.locale(ctx, fallback);
    String requestId = RequestAttributes.requestId(ctx);
    JsonObject body = body(problem, status, locale, requestId, ctx.request().path());
    if (status == 401) {
      ctx.response().putHeader("WWW-Authenticate", "invalid_token".equals(problem.code())
          ? "Bearer realm=\"moeen\", error=\"invalid_token\"" : "Bearer realm=\"moeen\"");
    }
    if (status == 429 && problem.args().getValue("retryAfterSeconds") != null) {
      ctx.response().putHeader(HttpHeaders.RETRY_AFTER, String.valueOf(problem.args().getValue("retryAfterSeconds")));
    }
    ctx.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .end(body.toBuffer());
  }

  /**
   * The server's answer to a request it could not even parse (request line or headers too long,
   * a broken request line): problem+json like every other refusal, then the connection closes.
   * No router ran, so the language is read from the header if it was parsed at all.
   */
  void invalidRequest(HttpServerRequest request, LocaleNegotiator negotiator) {
    Throwable cause = request.decoderResult().cause();
    int status;
    String code;
    if (cause instanceof TooLongHttpLineException) {
      status = 414;
      code = "uri_too_long";
    } else if (cause instanceof TooLongHttpHeaderException) {
      status = 431;
      code = "headers_too_large";
    } else {
      status = 400;
      code = "malformed_request";
    }
    SupportedLocale locale = status == 431 ? fallback : negotiator.negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
    String requestId = java.util.UUID.randomUUID().toString();
    JsonObject body = body(new Problem(ProblemKind.INVALID_INPUT, code), status, locale, requestId, null);
    request.response()
        .setStatusCode(status)
        .putHeader(HttpHeaders.CONTENT_TYPE, PROBLEM_JSON)
        .putHeader(HttpHeaders.CONTENT_LANGUAGE, locale.tag())
        .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
        .putHeader(HttpHeaders.CONNECTION, "close")
        .putHeader(RequestIds.HEADER, requestId)
        .end(body.toBuffer())
        .onComplete(done -> request.connection().close());
  }

  private JsonObject body(Problem problem, int status, SupportedLocale locale, String requestId, String instance) {
    Map<String, Object> args = problem.args().getMap();
    args.put("requestId", requestId);
    if (args.get("reasonKey") instanceof String reasonKey) {
      args.put("reason", messages.format(locale, reasonKey, Map.of()));
    }
    JsonObject body = new JsonObject()
        .put("type", TYPE_BASE + problem.code())
        .put("code", problem.code())
        .put("title", messages.format(locale, "error." + problem.code() + ".title", args))
        .put("status", status)
        .put("detail", messages.format(locale, "error." + problem.code() + ".detail", args));
    if (instance != null) {
      body.put("instance", instance);
    }
    body.put("requestId", requestId);
    if (problem.field() != null) {
      body.put("field", problem.field());
    }
    // extension members never replace the standard ones
    problem.extensions().forEach(member -> {
      if (!body.containsKey(member.getKey())) {
        body.put(member.getKey(), member.getValue());
      }
    });
    return body;
  }

  private Problem toProblem(RoutingContext ctx, Throwable failure, int statusCode) {
    if (failure instanceof Problem problem) {
      return problem;
    }
    if (failure instanceof HttpException http && http.getCause() instanceof ValidatorException invalid) {
      return ContractViolations.toProblem(invalid);
    }
    if (failure instanceof ReplyException reply) {
      return fromReply(ctx, reply);
    }
    if (failure instanceof DecodeException) {
      return new Problem(ProblemKind.INVALID_INPUT, "malformed_json");
    }
    int status = failure instanceof HttpException http ? http.getStatusCode() : statusCode;
    switch (status) {
      case 413:
        return new Problem(ProblemKind.PAYLOAD_TOO_LARGE, "payload_too_large", Map.of("limit", maxBodyBytes));
      case 404:
        return Problem.notFound("not_found", Map.of("path", ctx.request().path()));
      case 400:
        return new Problem(ProblemKind.INVALID_INPUT, "malformed_request");
      default:
        logUnexpected(ctx, failure, status);
        return new Problem(ProblemKind.INTERNAL, "internal");
    }
  }

  private Problem fromReply(RoutingContext ctx, ReplyException reply) {
    java.util.Optional<Problem> refused = BusFailures.problem(reply);
    if (refused.isPresent()) {
      return refused.get();
    }
    if (reply.failureType() == ReplyFailure.RECIPIENT_FAILURE && reply.failureCode() == ServiceVerticle.PROBLEM_FAILURE) {
      return new Problem(ProblemKind.INTERNAL, "internal"); // a refusal that did not read as one: BusFailures logged it
    }
    // No verticle at the address, or it did not answer in time: the service is not ready.
    logUnexpected(ctx, reply, 503);
    return new Problem(ProblemKind.UNAVAILABLE, "unavailable");
  }

  private static void logUnexpected(RoutingContext ctx, Throwable failure, int status) {
    try (var ignored = MDC.putCloseable("requestId", RequestAttributes.requestId(ctx))) {
      LOG.error("{} {} failed with {}", ctx.request().method(), ctx.request().path(), status, failure);
    }
  }
}
