package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.moeen.common.i18n.Messages;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * One conversation with the engine, turn by turn, on a fixed clock (Sunday 1 November 2026, 09:00
 * in Riyadh). The actions are a {@link FakeActions}, so every turn completes at once: no Vert.x,
 * no bus, no database.
 */
final class ChatScript {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T06:00:00Z"), RIYADH);
  static final Messages MESSAGES = Messages.load();

  final FakeActions actions = new FakeActions();
  final Conversation conversation;
  private final Flow flow;
  private final ChatEngine engine;
  private List<BotReply> last = List.of();

  ChatScript(Flow flow, String channel) {
    this.flow = flow;
    this.engine = new ChatEngine(actions, MESSAGES, RIYADH, CLOCK);
    this.conversation = new Conversation(UUID.randomUUID(), channel, 1, flow.key(), flow.version(), "ar", false,
        "active", null, new JsonObject(), null, null, null, null, false);
  }

  static ChatScript web(Flow flow) {
    return new ChatScript(flow, "web");
  }

  List<BotReply> greet() {
    return remember(engine.greet(conversation, flow, "greet"));
  }

  /** The contact types {@code text}. */
  List<BotReply> say(String text) {
    return remember(engine.turn(conversation, flow, text, null, "turn"));
  }

  /** The contact taps a button or list row. */
  List<BotReply> tap(String id) {
    return remember(engine.turn(conversation, flow, null, id, "turn"));
  }

  private List<BotReply> remember(Future<List<BotReply>> replies) {
    if (!replies.isComplete()) {
      throw new AssertionError("A turn with fake actions should complete at once");
    }
    if (replies.failed()) {
      throw new AssertionError("The turn failed", replies.cause());
    }
    last = replies.result();
    return last;
  }

  List<BotReply> replies() {
    return last;
  }

  List<String> texts() {
    return last.stream().map(BotReply::text).toList();
  }

  /** The ids offered by the last reply that offers any (buttons or list rows). */
  List<String> offered() {
    for (int i = last.size() - 1; i >= 0; i--) {
      JsonObject payload = last.get(i).payload();
      JsonArray items = payload.containsKey("buttons") ? payload.getJsonArray("buttons")
          : payload.containsKey("list") ? payload.getJsonObject("list").getJsonArray("rows") : null;
      if (items != null) {
        return items.stream().map(o -> ((JsonObject) o).getString("id")).toList();
      }
    }
    return List.of();
  }

  String node() {
    return conversation.currentNode;
  }

  static String say(String locale, String key) {
    return MESSAGES.format(io.moeen.common.i18n.SupportedLocale.fromTag(locale).orElseThrow(), key, java.util.Map.of());
  }
}
