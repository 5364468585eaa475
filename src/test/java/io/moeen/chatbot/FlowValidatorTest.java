package io.moeen.chatbot;

import io.moeen.chatbot.flow.FlowProblem;
import io.moeen.chatbot.flow.FlowValidator;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FlowValidatorTest {
  private final FlowValidator validator = new FlowValidator();

  static JsonObject t(String ar, String en) {
    return new JsonObject().put("ar", ar).put("en", en);
  }

  /** start → ask (question phone) → act (capture_lead) → bye. */
  static JsonObject small() {
    return new JsonObject().put("start", "hello").put("nodes", new JsonObject()
        .put("hello", new JsonObject().put("type", "message").put("text", t("أهلًا", "Hi")).put("next", "ask"))
        .put("ask", new JsonObject().put("type", "question").put("input", "phone").put("variable", "phone")
            .put("text", t("رقمك؟", "Your number?")).put("next", "act"))
        .put("act", new JsonObject().put("type", "action").put("action", "capture_lead").put("next", "bye"))
        .put("bye", new JsonObject().put("type", "end").put("text", t("مع السلامة {phone}", "Bye {phone}"))));
  }

  private List<FlowProblem> problems(JsonObject flow) {
    return validator.validate(flow);
  }

  @Test
  @DisplayName("The default receptionist flow passes the validator")
  void default_flow_is_valid() {
    assertThat(problems(ChatbotVerticle.defaultFlow())).isEmpty();
  }

  @Test
  void a_well_formed_small_flow_passes() {
    assertThat(problems(small())).isEmpty();
  }

  @Test
  void no_start_is_named() {
    JsonObject flow = small().put("start", "nowhere");
    assertThat(problems(flow)).extracting(FlowProblem::code).containsExactly("no_start");
  }

  @Test
  void a_dangling_edge_names_node_edge_and_target() {
    JsonObject flow = small();
    flow.getJsonObject("nodes").getJsonObject("act").put("onError", "oops");
    assertThat(problems(flow)).containsExactly(new FlowProblem("dangling_edge", "act",
        Map.of("edge", "onError", "target", "oops")));
  }

  @Test
  void an_unreachable_node_is_named() {
    JsonObject flow = small();
    flow.getJsonObject("nodes").put("island", new JsonObject().put("type", "end").put("text", t("؟", "?")));
    assertThat(problems(flow)).containsExactly(new FlowProblem("unreachable_node", "island", Map.of()));
  }

  @Test
  void a_missing_translation_names_field_and_language() {
    JsonObject flow = small();
    flow.getJsonObject("nodes").getJsonObject("hello").put("text", new JsonObject().put("en", "Hi").put("ar", " "));
    assertThat(problems(flow)).containsExactly(new FlowProblem("missing_translation", "hello",
        Map.of("field", "text", "language", "ar")));
  }

  @Test
  void an_unknown_action_is_named() {
    JsonObject flow = small();
    flow.getJsonObject("nodes").getJsonObject("act").put("action", "launch_rocket");
    assertThat(problems(flow)).containsExactly(new FlowProblem("unknown_action", "act",
        Map.of("action", "launch_rocket")));
  }

  @Test
  void an_unknown_node_type_is_named() {
    JsonObject flow = small();
    flow.getJsonObject("nodes").getJsonObject("hello").put("type", "teleport");
    assertThat(problems(flow)).extracting(FlowProblem::code).contains("unknown_node_type");
    assertThat(problems(flow).get(0).nodeId()).isEqualTo("hello");
  }

  @Test
  @DisplayName("A variable set on only one of two paths is 'used before set' where the paths meet")
  void a_variable_set_on_one_path_only_is_named() {
    JsonObject flow = small();
    JsonObject nodes = flow.getJsonObject("nodes");
    // hello → pick: "ask" (sets phone) or straight to "act" (needs phone)
    nodes.getJsonObject("hello").put("next", "pick");
    nodes.put("pick", new JsonObject().put("type", "choice").put("text", t("اختر", "Pick")).put("options", new JsonArray()
        .add(new JsonObject().put("id", "a").put("label", t("أ", "A")).put("next", "ask"))
        .add(new JsonObject().put("id", "b").put("label", t("ب", "B")).put("next", "act"))));
    assertThat(problems(flow)).containsExactly(new FlowProblem("variable_unset", "act", Map.of("variable", "phone")),
        new FlowProblem("variable_unset", "bye", Map.of("variable", "phone")));
  }

  @Test
  @DisplayName("A condition that tests a variable is set proves it on that branch")
  void a_set_test_proves_the_variable_on_its_branch() {
    JsonObject flow = small();
    JsonObject nodes = flow.getJsonObject("nodes");
    nodes.getJsonObject("hello").put("next", "known");
    nodes.put("known", new JsonObject().put("type", "condition")
        .put("branches", new JsonArray().add(new JsonObject()
            .put("when", new JsonObject().put("variable", "phone").put("is", "set")).put("next", "act")))
        .put("otherwise", "ask"));
    assertThat(problems(flow)).isEmpty();
  }

  @Test
  void a_placeholder_never_set_is_named_in_the_text_that_uses_it() {
    JsonObject flow = small();
    flow.getJsonObject("nodes").getJsonObject("hello").put("text", t("أهلًا {name}", "Hi {name}"));
    assertThat(problems(flow)).containsExactly(new FlowProblem("variable_unset", "hello", Map.of("variable", "name")));
  }

  @Test
  void missing_fields_are_named() {
    JsonObject flow = small();
    flow.getJsonObject("nodes").getJsonObject("ask").remove("variable");
    assertThat(problems(flow)).contains(new FlowProblem("missing_field", "ask", Map.of("field", "variable")));
  }
}
