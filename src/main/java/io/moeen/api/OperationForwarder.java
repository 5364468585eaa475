package io.moeen.api;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.SharedReplies;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.files.FileStore;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
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
  /** The reply header by which a domain answers with a stored file instead of a body (see docs/architecture.md). */
  static final String STORED_FILE = "X-Moeen-File";
  private final Vertx vertx;
  private final ContractOperation operation;
  private final SupportedLocale fallback;
  private final DeliveryOptions delivery;
  private final ClientAddress clients;
  private final FileStore files;

  OperationForwarder(Vertx vertx, ContractOperation operation, SupportedLocale fallback, long timeoutMillis,
                     ClientAddress clients, FileStore files) {
    this.vertx = vertx;
    this.files = files;
    this.clients = clients;
    this.operation = operation;
    this.fallback = fallback;
    // the reply is only written out: no copy of it is needed (SharedReplies)
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMillis).addHeader(SharedReplies.ASK, "1");
  }

  @Override
  public void handle(RoutingContext ctx) {
    ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    forward(ctx, validated.getBody() == null ? null : validated.getBody().get(), Future::succeededFuture);
  }

  /**
   * Sends {@code body} with the validated parameters to the operation's address; when it is refused,
   * {@code onFailure} runs (an upload deletes its file) and the refusal is answered once it is done.
   */
  void forward(RoutingContext ctx, Object body, java.util.function.Supplier<Future<?>> onFailure) {
    ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    RequestEnvelope envelope = new RequestEnvelope(
        operation.operationId(),
        params(validated),
        body,
        ctx.get(Authentication.PRINCIPAL),
        RequestAttributes.locale(ctx, fallback).tag(),
        RequestAttributes.requestId(ctx),
        new JsonObject()
            .put("ip", clients.of(ctx.request()))
            .put("userAgent", ctx.request().getHeader(HttpHeaders.USER_AGENT)));
    vertx.eventBus().<JsonObject>request(operation.address(), envelope.toJson(), delivery)
        .onSuccess(message -> write(ctx, Reply.fromJson(message.body())))
        .onFailure(failure -> onFailure.get().onComplete(cleaned -> ctx.fail(failure)));
  }

  private void write(RoutingContext ctx, Reply reply) {
    if (ctx.response().closed()) {
      return;
    }
    HttpServerResponse response = ctx.response();
    reply.headers().forEach((name, value) -> {
      if (!STORED_FILE.equalsIgnoreCase(name)) {
        response.putHeader(name, value);
      }
    });
    String etag = reply.headers().get("ETag");
    if (etag != null && noneMatchHits(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
      response.setStatusCode(304).end();
      return;
    }
    response.setStatusCode(operation.successStatus());
    String storedFile = reply.headers().get(STORED_FILE);
    if (storedFile != null) {
      sendStored(ctx, storedFile);
      return;
    }
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

  /**
   * The stored file a domain named with {@value #STORED_FILE} (beside its Content-Type and Content-Disposition),
   * streamed from the file store: {@code sendFile} for a local file (the kernel copies it, no event loop reads it),
   * a piped stream otherwise. A file missing from the store is a 500: the database names a file that is gone.
   */
  private void sendStored(RoutingContext ctx, String key) {
    files.find(key).onComplete(found -> {
      if (ctx.response().closed()) {
        return;
      }
      if (found.failed() || found.result().isEmpty()) {
        ctx.fail(500, found.failed() ? found.cause() : new IllegalStateException("stored file missing: " + key));
        return;
      }
      FileStore.StoredObject object = found.result().get();
      if (object.localPath().isPresent()) {
        ctx.response().sendFile(object.localPath().get()).onFailure(e -> ctx.response().reset());
        return;
      }
      ctx.response().putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(object.size()));
      files.open(key).compose(stream -> stream.pipeTo(ctx.response())).onFailure(e -> ctx.response().reset());
    });
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
