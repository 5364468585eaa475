package io.moeen.chatbot;

import io.moeen.chatbot.engine.BotReply;
import io.moeen.chatbot.engine.Conversation;
import io.moeen.common.errors.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The web channel's side of conversations: open a session, take a turn, read the history. */
public final class ChatChannels {
  private final ConversationStore store;
  private final ChatTurns turns;
  private final String flowKey;

  public ChatChannels(ConversationStore store, ChatTurns turns, String flowKey) {
    this.store = store;
    this.turns = turns;
    this.flowKey = flowKey;
  }

  /** {id, locale, replies}: a new web conversation on the published flow, and its greeting. */
  public Future<JsonObject> openWeb(byte[] tokenHash, String locale, boolean chosen, JsonObject utm, String ip,
                                    String requestId) {
    return store.create("web", tokenHash, null, locale, chosen, flowKey, utm, ip, null)
        .compose(c -> store.pinned(c).compose(flow -> turns.greet(c, flow, requestId))
            .map(replies -> new JsonObject().put("id", c.id.toString()).put("locale", c.locale)
                .put("replies", json(replies))));
  }

  public Future<JsonObject> webTurn(UUID id, byte[] tokenHash, String text, String replyId, String requestId) {
    return store.byToken(id, tokenHash)
        .map(found -> found.orElseThrow(() -> sessionNotFound(id)))
        .compose(c -> turns.take(c, text, replyId, replyId == null ? null : new JsonObject().put("replyId", replyId),
                requestId)
            .map(replies -> new JsonObject().put("replies", json(replies)).put("status", c.status)
                .put("locale", c.locale)));
  }

  public Future<JsonArray> webHistory(UUID id, byte[] tokenHash, long after, int limit) {
    return store.byToken(id, tokenHash)
        .map(found -> found.orElseThrow(() -> sessionNotFound(id)))
        .compose(c -> store.messages(c.id, after, limit));
  }

  static Problem sessionNotFound(UUID id) {
    return Problem.notFound("chat_session_not_found", Map.of("id", id.toString()));
  }

  static JsonArray json(List<BotReply> replies) {
    JsonArray out = new JsonArray();
    replies.forEach(r -> out.add(r.toJson()));
    return out;
  }
}
