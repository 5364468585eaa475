package io.moeen.chatbot;

import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Turns of one conversation that arrive at the same time: each is either saved whole on top of the
 * previous one or refused with 409 chat_busy and leaves nothing behind, so no turn's state overwrites
 * another's and the messages stay in turn order.
 */
class ChatTurnRaceTest {
  private static final int RACERS = 8;
  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("chat-race");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("Racing turns of one session: each saved whole or refused with chat_busy, none lost, messages in turn order")
  void racing_turns_are_saved_whole_or_refused() {
    WebChatScript chat = new WebChatScript(app, "en").open(new JsonObject());
    int greetingReplies = count("SELECT count(*) FROM chatbot_messages WHERE conversation_id = $1", chat.sessionId);
    chat.tap("en");

    List<Future<HttpResponse<Buffer>>> racing = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      racing.add(app.client().post("/v1/chat/sessions/" + chat.sessionId + "/messages")
          .putHeader("X-Chat-Token", chat.token).putHeader("Accept-Language", "en")
          .putHeader("Content-Type", "application/json")
          .sendBuffer(Buffer.buffer(new JsonObject().put("text", "racer " + i + ": opening hours").encode())));
    }
    Future.join(racing).await();
    int saved = 0;
    for (Future<HttpResponse<Buffer>> f : racing) {
      HttpResponse<Buffer> r = f.result();
      assertThat(r.statusCode()).as(r.bodyAsString()).isIn(200, 409);
      if (r.statusCode() == 409) {
        assertThat(r.bodyAsJsonObject().getString("code")).isEqualTo("chat_busy");
      } else {
        saved++;
      }
    }
    assertThat(saved).isGreaterThanOrEqualTo(1);

    // one turn for the greeting, one for "en", one per saved racer: none overwrote another
    assertThat(count("SELECT turn FROM chatbot_conversations WHERE id = $1", chat.sessionId)).isEqualTo(2 + saved);
    List<Row> messages = new ArrayList<>();
    app.pool().preparedQuery("SELECT direction, text FROM chatbot_messages WHERE conversation_id = $1 ORDER BY seq")
        .execute(Tuple.of(UUID.fromString(chat.sessionId))).await().forEach(messages::add);
    List<String> inbound = messages.stream().filter(m -> "in".equals(m.getString("direction")))
        .map(m -> m.getString("text")).toList();
    assertThat(inbound).hasSize(1 + saved);
    // each saved turn's messages are together: its inbound message, then its replies, before the next turn's
    int turnsSeen = 0;
    boolean repliedSinceInbound = true;
    for (Row m : messages.subList(greetingReplies, messages.size())) {
      if ("in".equals(m.getString("direction"))) {
        assertThat(repliedSinceInbound).as("a turn without replies before the next inbound message").isTrue();
        repliedSinceInbound = false;
        turnsSeen++;
      } else {
        repliedSinceInbound = true;
      }
    }
    assertThat(turnsSeen).isEqualTo(1 + saved);
    assertThat(repliedSinceInbound).isTrue();

    // the conversation goes on from the state the last saved turn left
    chat.tap("yes");
    assertThat(chat.said()).containsIgnoringCase("help");
  }

  private static int count(String sql, String id) {
    return app.pool().preparedQuery(sql).execute(Tuple.of(UUID.fromString(id))).await().iterator().next().getInteger(0);
  }
}
