package io.moeen.notifications.channels.whatsapp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CloudApiMessagesTest {
  @Property
  void a_cut_text_never_exceeds_the_limit_in_code_points(@ForAll String text, @ForAll @IntRange(min = 2, max = 40) int limit) {
    String cut = CloudApiMessages.cut(text, limit);
    assertThat(cut.codePointCount(0, cut.length())).isLessThanOrEqualTo(limit);
  }

  @Test
  void a_short_text_is_kept_and_a_long_one_ends_with_an_ellipsis() {
    assertThat(CloudApiMessages.cut("My appointments", 20)).isEqualTo("My appointments");
    assertThat(CloudApiMessages.cut("Book an appointment now", 20)).isEqualTo("Book an appointment…");
    // an emoji is one code point, never split in half
    assertThat(CloudApiMessages.cut("😀".repeat(30), 20)).isEqualTo("😀".repeat(19) + "…");
  }

  @Test
  void template_parameters_lose_new_lines_and_long_runs_of_spaces() {
    assertThat(CloudApiMessages.parameterText("line one\nline two\t     end")).isEqualTo("line one line two   end");
  }

  @Test
  void a_template_without_parameters_has_no_components() {
    assertThat(CloudApiMessages.template("966500000001", "moeen_hello", "ar", List.of()).getJsonObject("template"))
        .isEqualTo(new JsonObject().put("name", "moeen_hello").put("language", new JsonObject().put("code", "ar")));
  }

  @Test
  void a_payload_without_usable_buttons_or_list_goes_as_text() {
    assertThat(CloudApiMessages.interactive("1", "hi", new JsonObject())).isEmpty();
    assertThat(CloudApiMessages.interactive("1", "hi", new JsonObject().put("buttons", new JsonArray()
        .add(new JsonObject().put("title", "no id"))))).isEmpty();
    assertThat(CloudApiMessages.interactive("1", "hi", new JsonObject().put("list", new JsonObject()
        .put("rows", new JsonArray().add(new JsonObject().put("id", "a").put("title", "A")))))).isEmpty();
  }

  @Test
  void a_list_keeps_at_most_ten_rows() {
    JsonArray rows = new JsonArray();
    for (int i = 0; i < 12; i++) {
      rows.add(new JsonObject().put("id", "r" + i).put("title", "Row " + i));
    }
    JsonObject message = CloudApiMessages.interactive("1", "pick", new JsonObject()
        .put("list", new JsonObject().put("button", "Choose").put("rows", rows))).orElseThrow();
    assertThat(message.getJsonObject("interactive").getJsonObject("action").getJsonArray("sections")
        .getJsonObject(0).getJsonArray("rows")).hasSize(10);
  }
}
