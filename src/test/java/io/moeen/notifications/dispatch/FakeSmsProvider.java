package io.moeen.notifications.dispatch;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on loopback standing in for the SMS provider: records requests, answers as told. */
final class FakeSmsProvider implements AutoCloseable {
  record Received(String idempotencyKey, String authorization, JsonObject body) {
  }

  /** A scripted answer: status, or -1 = never answer in time (slow). */
  static final int SLOW = -1;

  private final Vertx vertx;
  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Integer>> script = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  FakeSmsProvider(Vertx vertx) {
    this.vertx = vertx;
    this.server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      String key = request.getHeader("Idempotency-Key");
      received.add(new Received(key, request.getHeader("Authorization"), body.toJsonObject()));
      Deque<Integer> answers = script.get(key);
      Integer status;
      synchronized (this) {
        status = answers == null || answers.isEmpty() ? 200 : answers.poll();
      }
      if (status == SLOW) {
        vertx.setTimer(3000, t -> request.response().setStatusCode(200).end("{}"));
      } else if (status == 200) {
        request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("id", "m-" + ids.incrementAndGet()).encode());
      } else {
        request.response().setStatusCode(status).end("{\"error\":\"scripted " + status + "\"}");
      }
    })).listen(0, "127.0.0.1").await();
  }

  /** The answers the provider gives for this key, in order; then 200. */
  void answer(String key, Integer... statuses) {
    script.put(key, new ArrayDeque<>(List.of(statuses)));
  }

  String url() {
    return "http://127.0.0.1:" + server.actualPort() + "/send";
  }

  List<Received> requestsFor(String key) {
    return received.stream().filter(r -> key.equals(r.idempotencyKey())).toList();
  }

  List<Received> all() {
    return List.copyOf(received);
  }

  @Override
  public void close() {
    server.close().await();
  }
}
