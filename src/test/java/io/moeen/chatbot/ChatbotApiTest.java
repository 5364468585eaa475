package io.moeen.chatbot;

import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The web chat's edges: a slot taken meanwhile, handoff and release, tokens, bad input, and flow versions. */
class ChatbotApiTest {
  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("chat-api");
    app.asOwner(SchedulingDemo.PLAIN_CALENDAR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static WebChatScript toConfirmation(String lang, LocalDate day, String phone) {
    WebChatScript chat = new WebChatScript(app, lang).open(new JsonObject());
    chat.tap(lang);
    chat.tap("book");
    // one doctor gives the general consultation: the bot names them and asks for the day
    chat.say("ar".equals(lang) ? "كشف عام" : "General consultation");
    chat.say(day.toString());
    chat.tap("slot1");
    chat.say(phone);
    chat.say("ar".equals(lang) ? "نورة" : "Nora");
    chat.tap("no");
    return chat;
  }

  @Test
  @DisplayName("A slot taken between offer and confirmation: the bot says so and offers the next free ones")
  void slot_taken_meanwhile_offers_alternatives() {
    LocalDate day = SchedulingDemo.sunday(3);
    WebChatScript chat = toConfirmation("ar", day, "0559990001");
    Instant nine = SchedulingDemo.riyadh(day, "09:00");
    app.asOwner(SchedulingDemo.appointment(DemoAccounts.AHMED_PATIENT_ID, SchedulingDemo.KHALID,
        SchedulingDemo.GENERAL_CONSULTATION, nine, 30, 5));
    chat.tap("yes");
    assertThat(chat.said()).contains("انحجز قبل شوي").doesNotContain("Exception").doesNotContain("slot_taken");
    assertThat(chat.options()).isNotEmpty();
    assertThat(chat.options().get(0).getString("title")).isEqualTo("09:45");
    chat.tap("slot1");
    assertThat(chat.said()).contains("09:45");
    chat.tap("yes");
    assertThat(chat.said()).contains("تم حجز موعدك");
  }

  @Test
  @DisplayName("Handoff: the bot goes quiet (one notice), staff read and reply, release gives the bot back")
  void handoff_and_release() {
    WebChatScript chat = new WebChatScript(app, "en").open(new JsonObject());
    chat.tap("en");
    chat.say("I want to talk to a human please");
    assertThat(chat.said()).contains("colleague");
    JsonObject quiet = chat.say("hello?");
    assertThat(quiet.getString("status")).isEqualTo("handed_off");
    assertThat(chat.said()).contains("will answer you here");
    chat.say("anyone?");
    assertThat(chat.last).isEmpty();

    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    var queue = ApiCalls.call(app, "GET", "/v1/chat/handoffs", "en", reception, null);
    assertThat(queue.statusCode()).isEqualTo(200);
    assertThat(queue.bodyAsJsonObject().getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")))
        .contains(chat.sessionId);
    var transcript = ApiCalls.call(app, "GET", "/v1/chat/conversations/" + chat.sessionId + "/messages", "en", reception,
        null);
    assertThat(transcript.bodyAsString()).contains("anyone?");
    var reply = ApiCalls.call(app, "POST", "/v1/chat/conversations/" + chat.sessionId + "/replies", "en", reception,
        new JsonObject().put("text", "Hi, this is Reem from reception. How can I help?").encode());
    assertThat(reply.statusCode()).isEqualTo(201);
    assertThat(chat.history(chat.sessionId, chat.token).bodyAsString()).contains("Reem from reception")
        .contains("\"author\":\"staff\"");
    var blank = ApiCalls.call(app, "POST", "/v1/chat/conversations/" + chat.sessionId + "/replies", "en", reception,
        new JsonObject().put("text", "   ").encode());
    assertThat(blank.statusCode()).isEqualTo(400);
    assertThat(blank.bodyAsJsonObject().getString("field")).isEqualTo("text");

    var released = ApiCalls.call(app, "POST", "/v1/chat/conversations/" + chat.sessionId + "/release", "en", reception,
        null);
    assertThat(released.statusCode()).isEqualTo(200);
    var again = ApiCalls.call(app, "POST", "/v1/chat/conversations/" + chat.sessionId + "/release", "en", reception,
        null);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.bodyAsJsonObject().getString("code")).isEqualTo("conversation_not_handed_off");
    chat.say("opening hours");
    assertThat(chat.said()).contains("Opening hours").contains("Sunday").contains("09:00");

    String patient = app.loginAs(DemoAccounts.PATIENT_AHMED);
    assertThat(ApiCalls.call(app, "GET", "/v1/chat/handoffs", "en", patient, null).statusCode()).isEqualTo(403);
    assertThat(ApiCalls.call(app, "GET", "/v1/chat/conversations/" + UUID.randomUUID() + "/messages", "en", reception,
        null).statusCode()).isEqualTo(404);
  }

  @Test
  @DisplayName("Another visitor's token, no token or an unknown session: never a way in")
  void session_tokens_isolate_visitors() {
    WebChatScript alice = new WebChatScript(app, "en").open(new JsonObject());
    WebChatScript bob = new WebChatScript(app, "en").open(new JsonObject());
    JsonObject hi = new JsonObject().put("text", "hi");
    var wrong = alice.raw(alice.sessionId, bob.token, hi);
    assertThat(wrong.statusCode()).isEqualTo(404);
    assertThat(wrong.bodyAsJsonObject().getString("code")).isEqualTo("chat_session_not_found");
    assertThat(alice.history(alice.sessionId, bob.token).statusCode()).isEqualTo(404);
    assertThat(alice.raw(UUID.randomUUID().toString(), alice.token, hi).statusCode()).isEqualTo(404);
    var none = alice.raw(alice.sessionId, null, hi);
    assertThat(none.statusCode()).isEqualTo(400);
    assertThat(none.bodyAsJsonObject().getString("field")).isEqualTo("X-Chat-Token");
    assertThat(alice.history(alice.sessionId, alice.token).statusCode()).isEqualTo(200);
  }

  @Test
  @DisplayName("Empty messages get a polite re-ask, a message over 4096 characters a localized 400, a flood 429")
  void bad_input() {
    WebChatScript chat = new WebChatScript(app, "ar").open(new JsonObject());
    chat.say("   ");
    assertThat(chat.said()).contains("ما وصلتني رسالة");
    assertThat(chat.options()).extracting(o -> o.getString("id")).containsExactly("ar", "en");
    var tooLong = chat.raw(chat.sessionId, chat.token, new JsonObject().put("text", "ا".repeat(4097)));
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.bodyAsJsonObject().getString("field")).isEqualTo("text");
    assertThat(tooLong.getHeader("Content-Language")).isEqualTo("ar");
    chat.say("عربي");
    chat.say("شي ما له معنى");
    assertThat(chat.said()).contains("اختر واحد من الخيارات");
    int status = 200;
    for (int i = 0; i < 40 && status == 200; i++) {
      status = chat.raw(chat.sessionId, chat.token, new JsonObject().put("text", "")).statusCode();
    }
    assertThat(status).isEqualTo(429);
  }

  @Test
  @DisplayName("Flow versions: a draft with problems is listed and refused, fixed with If-Match, published, the old one archived")
  void flow_versions() {
    String marketer = app.loginAs(DemoAccounts.MARKETER);
    JsonObject broken = FlowValidatorTest.small();
    broken.getJsonObject("nodes").getJsonObject("act").put("action", "launch_rocket").put("onError", "nowhere");
    var created = ApiCalls.call(app, "POST", "/v1/chat/flows", "ar", marketer,
        new JsonObject().put("key", "promo").put("definition", broken).encode());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.bodyAsJsonObject().getInteger("version")).isEqualTo(1);
    var checked = ApiCalls.call(app, "POST", "/v1/chat/flows/promo/versions/1/validate", "ar", marketer, null);
    assertThat(checked.bodyAsJsonObject().getBoolean("valid")).isFalse();
    JsonArray problems = checked.bodyAsJsonObject().getJsonArray("problems");
    assertThat(problems.stream().map(p -> ((JsonObject) p).getString("code")))
        .containsExactlyInAnyOrder("dangling_edge", "unknown_action");
    assertThat(problems.getJsonObject(0).getString("nodeId")).isEqualTo("act");
    assertThat(problems.getJsonObject(0).getString("message")).contains("nowhere");
    var refused = ApiCalls.call(app, "POST", "/v1/chat/flows/promo/versions/1/publish", "en", marketer, null);
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("flow_invalid");
    assertThat(refused.bodyAsJsonObject().getJsonArray("problems")).hasSize(2);

    var stale = withHeader(app, "PUT", "/v1/chat/flows/promo/versions/1", "en", marketer,
        new JsonObject().put("definition", FlowValidatorTest.small()).encode(), "If-Match", "\"7\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    var fixed = withHeader(app, "PUT", "/v1/chat/flows/promo/versions/1", "en", marketer,
        new JsonObject().put("definition", FlowValidatorTest.small()).encode(), "If-Match", "\"1\"");
    assertThat(fixed.statusCode()).isEqualTo(200);
    assertThat(ApiCalls.call(app, "POST", "/v1/chat/flows/promo/versions/1/publish", "en", marketer, null).statusCode())
        .isEqualTo(200);
    ApiCalls.call(app, "POST", "/v1/chat/flows", "en", marketer,
        new JsonObject().put("key", "promo").put("definition", FlowValidatorTest.small()).encode());
    assertThat(ApiCalls.call(app, "POST", "/v1/chat/flows/promo/versions/2/publish", "en", marketer, null).statusCode())
        .isEqualTo(200);
    var list = ApiCalls.call(app, "GET", "/v1/chat/flows?key=promo", "en", marketer, null).bodyAsJsonObject();
    assertThat(list.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("status")))
        .containsExactly("published", "archived");
    var notDraft = ApiCalls.call(app, "PUT", "/v1/chat/flows/promo/versions/1", "en", marketer,
        new JsonObject().put("definition", FlowValidatorTest.small()).encode());
    assertThat(notDraft.statusCode()).isEqualTo(409);
    String receptionist = app.loginAs(DemoAccounts.RECEPTIONIST);
    assertThat(ApiCalls.call(app, "GET", "/v1/chat/flows", "en", receptionist, null).statusCode()).isEqualTo(403);
  }

  private static io.vertx.ext.web.client.HttpResponse<io.vertx.core.buffer.Buffer> withHeader(RunningApp app,
      String method, String path, String lang, String token, String body, String header, String value) {
    var request = app.client().request(io.vertx.core.http.HttpMethod.valueOf(method), path)
        .putHeader("Authorization", "Bearer " + token).putHeader(header, value);
    return app.send(request, lang, "application/json", body);
  }
}
