package io.moeen.api;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatedRequest;

import java.util.Map;

/**
 * The handler of every contract operation: wraps the validated request in an envelope, sends it
 * to the operation's event-bus address and writes the reply. It knows nothing of any domain.
 */
final class OperationForwarder implements Handler<RoutingContext> {
  private final Vertx vertx;
  private final ContractOperation operation;
  private final SupportedLocale fallback;
  private final DeliveryOptions delivery;
  private final ClientAddress clients;

  OperationForwarder(Vertx vertx, ContractOperation operation, SupportedLocale fallback, long timeoutMillis,
                     ClientAddress clients) {
    this.vertx = vertx;
    this.clients = clients;
    this.operation = operation;
    this.fallback = fallback;
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMillis);
  }

  @Override
  public void handle(RoutingContext ctx) {
    ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    RequestEnvelope envelope = new RequestEnvelope(
        operation.operationId(),
        params(validated),
        validated.getBody() == null ? null : validated.getBody().get(),
        ctx.get(Authentication.PRINCIPAL),
        RequestAttributes.locale(ctx, fallback).tag(),
        RequestAttributes.requestId(ctx),
        new JsonObject()
            .put("ip", clients.of(ctx.request()))
            .put("userAgent", ctx.request().getHeader(HttpHeaders.USER_AGENT)));
    vertx.eventBus().<JsonObject>request(operation.address(), envelope.toJson(), delivery)
        .onSuccess(message -> write(ctx, Reply.fromJson(message.body())))
        .onFailure(ctx::fail);
  }

  private void write(RoutingContext ctx, Reply reply) {
    if (ctx.response().closed()) {
      return;
    }
    HttpServerResponse response = ctx.response();
    reply.headers().forEach(response::putHeader);
    String etag = reply.headers().get("ETag");
    if (etag != null && noneMatchHits(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
      response.setStatusCode(304).end();
      return;
    }
    response.setStatusCode(operation.successStatus());
    if (reply.body() == null || operation.successStatus() == 204) {
      response.end();
      return;
    }
    // a domain that answers in another media type names it and sends text (text/calendar) or bytes (a PDF)
    if (reply.body() instanceof String text && reply.headers().containsKey("Content-Type")) {
      response.end(text);
      return;
    }
    if (reply.body() instanceof byte[] bytes && reply.headers().containsKey("Content-Type")) {
      response.end(Buffer.buffer(bytes));
      return;
    }
    response.putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8")
        .end(Json.encodeToBuffer(reply.body()));
  }

  /** RFC 9110 If-None-Match: "*" or a list of tags, compared weakly (a proxy may have added W/). */
  private static boolean noneMatchHits(String ifNoneMatch, String etag) {
    if (ifNoneMatch == null) {
      return false;
    }
    String wanted = opaque(etag);
    for (String candidate : ifNoneMatch.split(",")) {
      String tag = candidate.trim();
      if (tag.equals("*") || opaque(tag).equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static String opaque(String tag) {
    return tag.startsWith("W/") ? tag.substring(2) : tag;
  }

  static JsonObject params(ValidatedRequest validated) {
    JsonObject params = new JsonObject();
    putAll(params, validated.getPathParameters());
    putAll(params, validated.getQuery());
    putAll(params, validated.getHeaders());
    return params;
  }

  private static void putAll(JsonObject target, Map<String, RequestParameter> source) {
    source.forEach((name, value) -> {
      if (value != null && !value.isNull()) {
        target.put(name, value.get());
      }
    });
  }
}
