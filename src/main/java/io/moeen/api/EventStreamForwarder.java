package io.moeen.api;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.validation.ValidatedRequest;

/**
 * The handler of a streaming operation ({@code x-moeen-stream: true}): the answer is
 * Server-Sent Events, kept open. Still request/reply to the domain, in phases carried in the
 * envelope's body: {@code open} names the event-bus topics to follow, {@code catch-up} gives the
 * first events (after {@code Last-Event-ID}), and each message on a topic is turned into events by
 * an {@code event} request. The domain decides what to say; this class only keeps the connection.
 */
final class EventStreamForwarder implements Handler<RoutingContext> {
  private final Vertx vertx;
  private final ContractOperation operation;
  private final SupportedLocale fallback;
  private final DeliveryOptions delivery;
  private final ClientAddress clients;
  private final LiveStreams streams;

  EventStreamForwarder(Vertx vertx, ContractOperation operation, SupportedLocale fallback, long timeoutMillis,
                       ClientAddress clients, LiveStreams streams) {
    this.vertx = vertx;
    this.operation = operation;
    this.fallback = fallback;
    this.delivery = new DeliveryOptions().setSendTimeout(timeoutMillis);
    this.clients = clients;
    this.streams = streams;
  }

  @Override
  public void handle(RoutingContext ctx) {
    ValidatedRequest validated = ctx.get(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST);
    JsonObject params = OperationForwarder.params(validated);
    params.remove(ContractOperation.QUERY_TOKEN); // a credential: the domain has no use for it
    JsonObject client = new JsonObject().put("ip", clients.of(ctx.request()))
        .put("userAgent", ctx.request().getHeader(HttpHeaders.USER_AGENT));
    EventStream stream = new EventStream(vertx, ctx, streams, delivery, ctx.get(Authentication.SESSION),
        (phase, principal) -> new RequestEnvelope(operation.operationId(), params, phase, principal,
            RequestAttributes.locale(ctx, fallback).tag(), RequestAttributes.requestId(ctx), client).toJson(),
        operation.address(), params.getInteger("maxSeconds", EventStream.DEFAULT_MAX_SECONDS));
    JsonObject principal = ctx.get(Authentication.PRINCIPAL);
    vertx.eventBus().<JsonObject>request(operation.address(),
            stream.envelope(new JsonObject().put("phase", "open"), principal), delivery)
        .map(message -> Reply.fromJson(message.body()).body())
        .onSuccess(body -> stream.start(principal, ((JsonObject) body).getJsonArray("topics", new JsonArray())))
        .onFailure(ctx::fail);
  }
}
