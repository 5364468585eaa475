package io.moeen.chatbot.channels.web;

import io.moeen.chatbot.ChatChannels;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.kv.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * The web chat: anonymous sessions with a token handed out once (only its SHA-256 is stored),
 * messages in and the bot's replies out, and the history. A wrong token is 404, the same as an
 * unknown session, so one visitor cannot learn that another's conversation exists. Rate limits
 * per session and per IP address live in the key-value store.
 */
public final class WebChat {
  static final int SESSION_MESSAGES_PER_MINUTE = 30;
  static final int IP_MESSAGES_PER_MINUTE = 120;
  static final int IP_SESSIONS_PER_HOUR = 60;
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final java.util.Set<String> UTM = java.util.Set.of("campaign", "medium", "source", "content", "term");

  private final ChatChannels chats;
  private final KeyValueStore limits;

  public WebChat(ChatChannels chats, KeyValueStore limits) {
    this.chats = chats;
    this.limits = limits;
  }

  public Future<Reply> open(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    String locale = body.getString("locale");
    JsonObject utm = new JsonObject();
    JsonObject given = body.getJsonObject("utm", new JsonObject());
    UTM.forEach(key -> {
      if (given.getString(key) != null) {
        utm.put(key, given.getString(key));
      }
    });
    String token = newToken();
    return limit("chat:sessions:ip:" + request.clientIp(), IP_SESSIONS_PER_HOUR, Duration.ofHours(1))
        .compose(ok -> chats.openWeb(hash(token), locale != null ? locale : request.locale(), locale != null, utm,
            request.clientIp(), request.requestId()))
        .map(opened -> Reply.of(new JsonObject().put("sessionId", opened.getString("id")).put("token", token)
            .put("locale", opened.getString("locale")).put("replies", opened.getJsonArray("replies"))));
  }

  public Future<Reply> send(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    JsonObject body = request.bodyAsObject();
    byte[] hash = hash(request.param("X-Chat-Token"));
    return limit("chat:messages:session:" + id, SESSION_MESSAGES_PER_MINUTE, Duration.ofMinutes(1))
        .compose(ok -> limit("chat:messages:ip:" + request.clientIp(), IP_MESSAGES_PER_MINUTE, Duration.ofMinutes(1)))
        .compose(ok -> chats.webTurn(id, hash, body.getString("text", ""), body.getString("replyId"),
            request.requestId()))
        .map(answer -> Reply.of(answer));
  }

  public Future<Reply> history(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    long after = request.param("after") == null ? 0 : Long.parseLong(request.param("after"));
    int limit = request.param("limit") == null ? 100 : Integer.parseInt(request.param("limit"));
    return chats.webHistory(id, hash(request.param("X-Chat-Token")), after, limit)
        .map(items -> Reply.of(new JsonObject().put("items", items)));
  }

  private Future<Void> limit(String key, int max, Duration window) {
    return limits.increment(key, window).compose(count -> count <= max ? Future.succeededFuture()
        : Future.failedFuture(new Problem(ProblemKind.TOO_MANY_REQUESTS, "chat_rate_limited",
            Map.of("limit", max))));
  }

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static byte[] hash(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonArray none() {
    return new JsonArray();
  }
}
