package io.moeen.notifications.channels.whatsapp;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on loopback standing in for the WhatsApp Cloud API's
 * {@code POST /{phone-number-id}/messages}: records each request, answers as scripted per
 * recipient ({@code to}), else 200 with a {@code wamid.} id, as Meta does.
 */
final class FakeCloudApi implements AutoCloseable {
  record Received(String path, String authorization, JsonObject body) {
  }

  /** A scripted answer: an HTTP status with a Cloud API error, or {@link #SLOW} (no answer in time). */
  record Answer(int status, int code, String message) {
  }

  static final Answer SLOW = new Answer(-1, 0, null);

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Answer>> script = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  FakeCloudApi(Vertx vertx) {
    this.server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      JsonObject json = body.toJsonObject();
      received.add(new Received(request.path(), request.getHeader("Authorization"), json));
      Deque<Answer> answers = script.get(json.getString("to"));
      Answer answer;
      synchronized (this) {
        answer = answers == null || answers.isEmpty() ? null : answers.poll();
      }
      if (answer == SLOW) {
        vertx.setTimer(3000, t -> request.response().setStatusCode(200).end("{}"));
      } else if (answer == null) {
        String to = json.getString("to");
        request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("messaging_product", "whatsapp")
                .put("contacts", new JsonArray().add(new JsonObject().put("input", to).put("wa_id", to)))
                .put("messages", new JsonArray().add(new JsonObject().put("id", "wamid.TEST" + ids.incrementAndGet())))
                .encode());
      } else {
        request.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("error", new JsonObject().put("message", answer.message())
                .put("type", "OAuthException").put("code", answer.code())
                .put("error_data", new JsonObject().put("messaging_product", "whatsapp").put("details", "scripted"))
                .put("fbtrace_id", "Atest")).encode());
      }
    })).listen(0, "127.0.0.1").await();
  }

  /** The answers for messages to this number (without '+'), in order; then 200. */
  void answer(String to, Answer... answers) {
    script.put(to, new ArrayDeque<>(List.of(answers)));
  }

  /** What to set as MOEEN_WHATSAPP_API_URL. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort() + "/v21.0";
  }

  List<Received> requestsTo(String to) {
    return received.stream().filter(r -> to.equals(r.body().getString("to"))).toList();
  }

  @Override
  public void close() {
    server.close().await();
  }
}
