package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's walk through small built flows: the guards a flow author relies on. */
class FlowWalkTest {

  static ChatScript english(Flow flow) {
    ChatScript chat = ChatScript.web(flow);
    chat.conversation.locale = "en";
    chat.conversation.localeChosen = true;
    return chat;
  }

  @Test
  void a_flow_that_loops_without_waiting_stops_with_an_apology_instead_of_spinning() {
    ChatScript chat = english(Flows.startingAt("a").message("a", "ping", "b").message("b", "pong", "a").build());
    chat.greet();
    assertThat(chat.texts()).hasSizeLessThanOrEqualTo(61)
        .last().isEqualTo(ChatScript.say("en", "chatbot.action_failed"));
    assertThat(chat.node()).isNull();
  }

  @Test
  void an_edge_to_a_missing_node_apologises_and_the_next_message_starts_over() {
    ChatScript chat = english(Flows.startingAt("hi").message("hi", "Hi", "nowhere").build());
    chat.greet();
    assertThat(chat.texts()).containsExactly("Hi", ChatScript.say("en", "chatbot.action_failed"));
    chat.say("hello");
    assertThat(chat.texts()).first().isEqualTo("Hi");
  }

  @Test
  void an_action_failing_with_no_error_path_apologises_and_returns_to_the_menu() {
    Flow flow = Flows.startingAt("menu").menu("menu")
        .choice("menu", "Menu", "hours", "Hours", "hours")
        .action("hours", "clinic_hours", "show", null)
        .message("show", "{hoursText}", "menu").build();
    ChatScript chat = english(flow);
    chat.actions.refuses("clinic_hours", "closed_today", null);
    chat.greet();
    chat.tap("hours");
    assertThat(chat.texts()).containsExactly(ChatScript.say("en", "chatbot.action_failed"), "Menu");
    assertThat(chat.conversation.variables.getString("errorCode")).isEqualTo("closed_today");
  }

  @Test
  void what_an_action_sets_fills_the_placeholders_and_an_unknown_one_stays_as_written() {
    Flow flow = Flows.startingAt("hours")
        .action("hours", "clinic_hours", "show", null)
        .message("show", "Open {hoursText} {nobody}", "end").end("end", "Bye").build();
    ChatScript chat = english(flow);
    chat.actions.sets("clinic_hours", new JsonObject().put("hoursText", "9–5"));
    chat.greet();
    assertThat(chat.texts()).containsExactly("Open 9–5 {nobody}", "Bye");
  }

  @Test
  void a_condition_compares_numbers_by_value_and_falls_back_to_otherwise() {
    JsonObject condition = new JsonObject().put("type", "condition")
        .put("branches", new JsonArray().add(new JsonObject()
            .put("when", new JsonObject().put("variable", "slotCount").put("is", "equals").put("value", 0))
            .put("next", "none")))
        .put("otherwise", "some");
    Flow flow = Flows.startingAt("count").action("count", "find_slots", "check", null).node("check", condition)
        .end("none", "None").end("some", "Some").build();
    ChatScript none = english(flow);
    none.actions.sets("find_slots", new JsonObject().put("slotCount", 0.0));
    none.greet();
    assertThat(none.texts()).containsExactly("None");
    ChatScript some = english(flow);
    some.actions.sets("find_slots", new JsonObject().put("slotCount", 3));
    some.greet();
    assertThat(some.texts()).containsExactly("Some");
  }

  @Test
  void more_than_three_options_become_a_list_of_at_most_ten_rows_with_long_titles_cut() {
    JsonArray rows = new JsonArray();
    for (int i = 1; i <= 12; i++) {
      rows.add(new JsonObject().put("id", "o" + i).put("title", "Option number " + i + " with a rather long title")
          .put("value", i));
    }
    Flow flow = Flows.startingAt("load").action("load", "list_services", "pick", null)
        .node("pick", new JsonObject().put("type", "choice").put("optionsFrom", "services").put("variable", "service")
            .put("text", "Pick").put("next", "end"))
        .end("end", "Picked {serviceLabel}").build();
    ChatScript chat = english(flow);
    chat.actions.sets("list_services", new JsonObject().put("services", rows));
    chat.greet();
    assertThat(chat.offered()).hasSize(10);
    JsonObject first = chat.replies().get(0).payload().getJsonObject("list").getJsonArray("rows").getJsonObject(0);
    assertThat(first.getString("title")).hasSize(24).endsWith("…");
    assertThat(first.getString("description")).isEqualTo("Option number 1 with a rather long title");
    chat.say("3");
    assertThat(chat.texts()).containsExactly("Picked Option number 3 with a rather long title");
  }

  @Test
  void the_end_forgets_the_task_and_the_next_message_starts_the_flow_again() {
    Flow flow = Flows.startingAt("ask").question("ask", "number", "count", "How many?", "end")
        .end("end", "Thanks for {count}").build();
    ChatScript chat = english(flow);
    chat.conversation.variables.put("phone", "+966551234567");
    chat.greet();
    chat.say("٣");
    assertThat(chat.texts()).containsExactly("Thanks for 3");
    assertThat(chat.conversation.variables.fieldNames()).containsExactly("phone");
    chat.say("hello again");
    assertThat(chat.texts()).containsExactly("How many?");
  }
}
