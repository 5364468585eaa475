package io.moeen.chatbot;

import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;

import java.util.ArrayList;
import java.util.List;

/** A visitor on the web chat, for scripted conversations: say something, read what the bot said. */
final class WebChatScript {
  final RunningApp app;
  final String lang;
  String sessionId;
  String token;
  JsonArray last = new JsonArray();
  final List<String> transcript = new ArrayList<>();

  WebChatScript(RunningApp app, String lang) {
    this.app = app;
    this.lang = lang;
  }

  WebChatScript open(JsonObject body) {
    HttpResponse<Buffer> r = app.post("/v1/chat/sessions", lang, "application/json", body.encode());
    if (r.statusCode() != 201) {
      throw new AssertionError("open: " + r.statusCode() + " " + r.bodyAsString());
    }
    sessionId = r.bodyAsJsonObject().getString("sessionId");
    token = r.bodyAsJsonObject().getString("token");
    remember(r.bodyAsJsonObject().getJsonArray("replies"));
    return this;
  }

  HttpResponse<Buffer> raw(String id, String chatToken, JsonObject body) {
    var request = app.client().post("/v1/chat/sessions/" + id + "/messages");
    if (chatToken != null) {
      request.putHeader("X-Chat-Token", chatToken);
    }
    return app.send(request, lang, "application/json", body.encode());
  }

  HttpResponse<Buffer> history(String id, String chatToken) {
    var request = app.client().get("/v1/chat/sessions/" + id + "/messages");
    request.putHeader("X-Chat-Token", chatToken);
    return app.send(request, lang, null, null);
  }

  JsonObject say(String text) {
    return send(new JsonObject().put("text", text));
  }

  JsonObject tap(String replyId) {
    return send(new JsonObject().put("replyId", replyId));
  }

  JsonObject send(JsonObject body) {
    transcript.add("> " + body.encode());
    HttpResponse<Buffer> r = raw(sessionId, token, body);
    if (r.statusCode() != 200) {
      throw new AssertionError("send " + body + ": " + r.statusCode() + " " + r.bodyAsString() + "\n" + this);
    }
    remember(r.bodyAsJsonObject().getJsonArray("replies"));
    return r.bodyAsJsonObject();
  }

  private void remember(JsonArray replies) {
    last = replies;
    replies.forEach(o -> transcript.add("< " + ((JsonObject) o).encode()));
  }

  /** All the texts of the last replies, one string. */
  String said() {
    StringBuilder all = new StringBuilder();
    last.forEach(o -> all.append(((JsonObject) o).getString("text")).append('\n'));
    return all.toString();
  }

  /** The options (buttons or list rows) the last reply offered. */
  List<JsonObject> options() {
    List<JsonObject> options = new ArrayList<>();
    for (Object o : last) {
      JsonObject payload = ((JsonObject) o).getJsonObject("payload");
      JsonArray items = payload.containsKey("buttons") ? payload.getJsonArray("buttons")
          : payload.containsKey("list") ? payload.getJsonObject("list").getJsonArray("rows") : new JsonArray();
      items.forEach(i -> options.add((JsonObject) i));
    }
    return options;
  }

  @Override
  public String toString() {
    return String.join("\n", transcript);
  }
}
