package io.moeen.notifications.dispatch;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An SMS provider on loopback that behaves like real ones under retries: it sends the message
 * the moment it gets the request, remembers the Idempotency-Key, and answers a repeated key
 * with the first answer instead of sending again. While {@link #hold} is set it never answers
 * (the request hangs, as when the network or the caller dies mid-call).
 */
final class DedupingSmsProvider implements AutoCloseable {
  private final HttpServer server;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> deliveries = new ConcurrentHashMap<>();
  private final AtomicInteger sent = new AtomicInteger();
  volatile boolean hold;

  DedupingSmsProvider(Vertx vertx) {
    server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      String key = request.getHeader("Idempotency-Key");
      requests.add(key);
      String id = deliveries.computeIfAbsent(key, k -> "sms-" + sent.incrementAndGet());
      if (!hold) {
        request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("id", id).encode());
      }
    })).listen(0, "127.0.0.1").await();
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/send";
  }

  /** Every request received, by key (repeats included). */
  List<String> requests() {
    return List.copyOf(requests);
  }

  /** Messages actually sent to phones: one per key, however often it was asked. */
  Map<String, String> deliveries() {
    return Map.copyOf(deliveries);
  }

  int sentCount() {
    return sent.get();
  }

  @Override
  public void close() {
    server.close().await();
  }
}
