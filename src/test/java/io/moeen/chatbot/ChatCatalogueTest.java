package io.moeen.chatbot;

import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.ApiCalls;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat keeps the catalogue it reads (services, locations, doctors) in memory for a few seconds; a change
 * an administrator saves is in the very next answer all the same (scheduling's invalidation event drops it).
 */
class ChatCatalogueTest {
  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("chat-catalogue");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("A price and a name the administrator changes show in the chat's next answer, in both languages")
  void a_catalogue_change_shows_in_the_next_answer() {
    String admin = app.loginAs(DemoAccounts.ADMIN);
    WebChatScript en = new WebChatScript(app, "en").open(new JsonObject().put("locale", "en"));
    en.tap("en");
    en.say("services and prices");
    assertThat(en.said()).contains("General consultation");
    WebChatScript ar = new WebChatScript(app, "ar").open(new JsonObject());
    ar.tap("ar");
    ar.say("كم الأسعار؟");
    String arabicBefore = ar.said();

    var changed = ApiCalls.call(app, "PATCH", "/v1/services/" + SchedulingDemo.GENERAL_CONSULTATION, "en", admin,
        new JsonObject().put("price", 987.5).put("nameEn", "General check-up").put("nameAr", "فحص عام").encode());
    assertThat(changed.statusCode()).as(changed.bodyAsString()).isEqualTo(200);

    // at once, well inside the chat's few seconds of memory: the answer is the new one
    en.tap("yes");
    en.say("services and prices");
    assertThat(en.said()).as(en.toString()).contains("General check-up").contains("987.5")
        .doesNotContain("General consultation");
    ar.tap("yes");
    ar.say("كم الأسعار؟");
    assertThat(ar.said()).as(ar.toString()).contains("فحص عام").contains("987.5").isNotEqualTo(arabicBefore);
    // booking offers the new name too (the list of services the booking asks from)
    en.say("start over");
    en.tap("book");
    assertThat(en.options()).extracting(o -> o.getString("title")).contains("General check-up")
        .doesNotContain("General consultation");
  }
}
