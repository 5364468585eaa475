package io.moeen.api;

import io.moeen.common.bus.Reply;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * One open Server-Sent Events answer. Follows the domain's topics from before the catch-up
 * (so nothing delivered meanwhile is missed; replayed ids are not sent twice), handles messages
 * one at a time in arrival order, sends a comment every 25 s, and re-resolves the caller's
 * session at every heartbeat and message: a signed-out session ends the stream.
 */
final class EventStream {
  static final long HEARTBEAT_MS = 25_000;
  static final int DEFAULT_MAX_SECONDS = 3600;
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  private final Vertx vertx;
  private final RoutingContext ctx;
  private final HttpServerResponse response;
  private final LiveStreams streams;
  private final DeliveryOptions delivery;
  private final JsonObject session;
  private final BiFunction<JsonObject, JsonObject, JsonObject> envelopes;
  private final String address;
  private final int maxSeconds;
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();
  private final Set<String> replayed = new HashSet<>();
  private JsonObject principal;
  private Future<Void> tail = Future.succeededFuture();
  private long heartbeat = -1;
  private long lifetime = -1;
  private boolean ended;

  EventStream(Vertx vertx, RoutingContext ctx, LiveStreams streams, DeliveryOptions delivery, JsonObject session,
              BiFunction<JsonObject, JsonObject, JsonObject> envelopes, String address, int maxSeconds) {
    this.vertx = vertx;
    this.ctx = ctx;
    this.response = ctx.response();
    this.streams = streams;
    this.delivery = delivery;
    this.session = session;
    this.envelopes = envelopes;
    this.address = address;
    this.maxSeconds = maxSeconds;
  }

  JsonObject envelope(JsonObject phase, JsonObject principal) {
    return envelopes.apply(phase, principal);
  }

  void start(JsonObject principal, JsonArray topics) {
    this.principal = principal;
    streams.add(this);
    response.closeHandler(closed -> end());
    for (Object topic : topics) {
      consumers.add(vertx.eventBus().<JsonObject>consumer(String.valueOf(topic),
          message -> enqueue(String.valueOf(topic), message.body())));
    }
    // the catch-up runs once every topic listens; messages arriving meanwhile queue behind it
    Future<Void> catchUp = Future.all(consumers.stream().map(MessageConsumer::completion).toList())
        .compose(listening -> phase(new JsonObject().put("phase", "catch-up")))
        .compose(events -> {
          response.setStatusCode(200)
              .putHeader(HttpHeaders.CONTENT_TYPE, "text/event-stream; charset=utf-8")
              .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store")
              .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY) // compression would hold events back
              .putHeader("X-Accel-Buffering", "no")
              .setChunked(true);
          events.forEach(e -> replayed.add(((JsonObject) e).getString("id")));
          write("retry: 3000\n\n");
          writeEvents(events);
          heartbeat = vertx.setPeriodic(HEARTBEAT_MS, tick -> heartbeat());
          lifetime = vertx.setTimer(maxSeconds * 1000L, t -> end());
          return Future.<Void>succeededFuture();
        });
    tail = catchUp;
    catchUp.onFailure(e -> {
      boolean started = response.headWritten();
      end();
      if (!started) {
        ctx.fail(e);
      }
    });
  }

  private void enqueue(String topic, JsonObject message) {
    tail = tail.compose(previous -> ended ? Future.succeededFuture() : recheck()
            .compose(alive -> phase(new JsonObject().put("phase", "event").put("topic", topic).put("message", message)))
            .map(events -> {
              JsonArray fresh = new JsonArray();
              events.forEach(e -> {
                String id = ((JsonObject) e).getString("id");
                if (id == null || !replayed.contains(id)) {
                  fresh.add(e);
                }
              });
              writeEvents(fresh);
              return (Void) null;
            }))
        .recover(e -> {
          log("stream event not sent: {}", e.toString());
          return Future.succeededFuture();
        });
  }

  private void heartbeat() {
    write(": keep-alive\n\n");
    recheck();
  }

  /**
   * The session still stands: the principal is fresh. A session said to be gone ends the stream; a check that
   * could not be made (a timeout while the service is loaded) keeps the last principal until the next check —
   * ending then would send a signed-in reader reconnecting for nothing, and a notification would wait for it.
   */
  private Future<Void> recheck() {
    return Authentication.resolve(vertx, session, delivery)
        .onSuccess(fresh -> principal = fresh)
        .<Void>mapEmpty()
        .recover(failure -> {
          if (sessionGone(failure)) {
            log("stream ended: {}", "session no longer valid");
            end();
            return Future.failedFuture(failure);
          }
          log("session not re-checked, kept until the next check: {}", failure.toString());
          return Future.succeededFuture();
        });
  }

  private static boolean sessionGone(Throwable failure) {
    return failure instanceof Problem problem ? problem.kind() == ProblemKind.UNAUTHENTICATED
        : !(failure instanceof ReplyException reply) || reply.failureType() == ReplyFailure.RECIPIENT_FAILURE;
  }

  private Future<JsonArray> phase(JsonObject phase) {
    return vertx.eventBus().<JsonObject>request(address, envelope(phase, principal), delivery)
        .map(message -> ((JsonObject) Reply.fromJson(message.body()).body()).getJsonArray("events", new JsonArray()));
  }

  private void writeEvents(JsonArray events) {
    StringBuilder text = new StringBuilder();
    for (Object item : events) {
      JsonObject event = (JsonObject) item;
      if (event.getString("id") != null) {
        text.append("id: ").append(event.getString("id")).append('\n');
      }
      text.append("event: ").append(event.getString("event")).append('\n')
          .append("data: ").append(event.getValue("data") == null ? "{}" : event.getJsonObject("data").encode())
          .append("\n\n");
    }
    if (!text.isEmpty()) {
      write(text.toString());
    }
  }

  private void write(String text) {
    if (ended || response.closed()) {
      return;
    }
    response.write(text);
    if (response.writeQueueFull()) {
      // a reader this slow would hold memory for ever: let it reconnect with Last-Event-ID
      log("stream ended: {}", "client reads too slowly");
      end();
    }
  }

  /** Idempotent: stops following, cancels the timers and ends the answer. */
  void end() {
    if (ended) {
      return;
    }
    ended = true;
    streams.remove(this);
    consumers.forEach(MessageConsumer::unregister);
    vertx.cancelTimer(heartbeat);
    vertx.cancelTimer(lifetime);
    if (response.headWritten() && !response.ended() && !response.closed()) {
      response.end();
    }
  }

  private void log(String format, String detail) {
    try (var ignored = MDC.putCloseable("requestId", RequestAttributes.requestId(ctx))) {
      LOG.info(format, detail);
    }
  }
}
