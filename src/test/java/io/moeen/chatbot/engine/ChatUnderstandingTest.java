package io.moeen.chatbot.engine;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the engine reads what a contact types at the receptionist flow: choices picked by number,
 * label or intent; answers it cannot read are re-asked; and the words that work from any node
 * (cancel, start over, a language, a person).
 */
class ChatUnderstandingTest {
  ChatScript chat;

  @BeforeEach
  void clinic() {
    chat = ChatScript.web(Flows.receptionist());
    chat.actions.sets("list_services", new JsonObject().put("services", FakeActions.options(
            "service1", "General consultation", "svc-consult",
            "service2", "Follow-up visit", "svc-follow")).put("servicesText", "• General consultation"))
        .sets("list_doctors", new JsonObject().put("doctors", FakeActions.options("any", "Any available doctor", "any")));
    chat.greet();
  }

  void english() {
    chat.tap("en");
  }

  @Nested
  class Typed_choices {
    @Test
    void a_number_picks_the_option_in_that_place_in_latin_or_arabic_digits() {
      english();
      chat.say("1");
      assertThat(chat.node()).isEqualTo("book_pick_service");
      chat.say("٢");
      assertThat(chat.conversation.variables.getString("service")).isEqualTo("svc-follow");
    }

    @Test
    void the_label_typed_picks_the_option_whatever_its_case() {
      english();
      chat.say("book an APPOINTMENT");
      chat.say("general consultation");
      assertThat(chat.conversation.variables.getString("service")).isEqualTo("svc-consult");
      assertThat(chat.conversation.variables.getString("serviceLabel")).isEqualTo("General consultation");
    }

    @Test
    void gulf_arabic_for_booking_picks_the_book_entry_of_the_menu() {
      chat.tap("ar");
      chat.say("ابي احجز موعد");
      assertThat(chat.actions.names()).containsExactly("list_services");
      assertThat(chat.node()).isEqualTo("book_pick_service");
    }

    @Test
    void a_language_typed_at_the_first_question_is_taken_as_its_answer() {
      chat.say("English please");
      assertThat(chat.conversation.locale).isEqualTo("en");
      assertThat(chat.node()).isEqualTo("menu");
    }

    @Test
    void anything_else_answered_with_a_new_request_goes_straight_to_it() {
      english();
      chat.tap("services");
      assertThat(chat.node()).isEqualTo("anything_else");
      chat.say("I want to book an appointment");
      assertThat(chat.node()).isEqualTo("book_pick_service");
    }
  }

  @Nested
  class Answers_it_cannot_read {
    @Test
    void an_unknown_answer_to_a_choice_says_so_in_arabic_and_shows_the_options_again() {
      chat.tap("ar");
      chat.say("زرافة");
      assertThat(chat.texts().get(0)).contains("ما فهمت").isEqualTo(ChatScript.say("ar", "chatbot.pick_option"));
      assertThat(chat.texts()).hasSize(2);
      assertThat(chat.offered()).contains("book", "human");
      assertThat(chat.node()).isEqualTo("menu");
    }

    @Test
    void a_second_unknown_answer_in_a_row_offers_a_person_without_handing_over() {
      english();
      chat.say("giraffe");
      chat.say("giraffe");
      assertThat(chat.texts().get(0)).isEqualTo(ChatScript.say("en", "chatbot.offer_person"));
      assertThat(chat.replies().get(0).payload().getJsonArray("buttons").getJsonObject(0).getString("id"))
          .isEqualTo(SlotFilling.PERSON);
      assertThat(chat.conversation.handedOff()).isFalse();
      assertThat(chat.node()).isEqualTo("menu");
      chat.tap(SlotFilling.PERSON);
      assertThat(chat.conversation.handedOff()).isTrue();
    }

    @Test
    void a_number_past_the_last_option_is_not_a_choice() {
      english();
      chat.say("9");
      assertThat(chat.texts().get(0)).isEqualTo(ChatScript.say("en", "chatbot.pick_option"));
    }

    @Test
    void an_unreadable_or_past_day_gets_the_questions_own_reask() {
      english();
      chat.tap("book");
      chat.tap("service1");
      chat.tap("any");
      chat.say("whenever");
      assertThat(chat.texts()).containsExactly(
          "Sorry, I didn't get the day. Try “tomorrow”, “next Sunday” or 2026-12-01 — today or later.");
      chat.say("2026-10-31");
      assertThat(chat.node()).isEqualTo("book_ask_date");
      assertThat(chat.conversation.variables.containsKey("date")).isFalse();
    }

    @Test
    void an_empty_message_is_asked_again_with_the_question_repeated() {
      english();
      chat.say("   ");
      assertThat(chat.texts()).containsExactly(ChatScript.say("en", "chatbot.empty_message"), "How can I help you?");
    }
  }

  @Nested
  class From_any_node {
    /** English, "book", a service and a doctor: the bot waits for a day. */
    void midBooking() {
      chat.conversation.variables.put("phone", "+966551234567");
      english();
      chat.tap("book");
      chat.tap("service1");
      chat.tap("any");
      assertThat(chat.node()).isEqualTo("book_ask_date");
    }

    @Test
    void cancel_stops_the_task_says_so_and_shows_the_menu_keeping_who_the_contact_is() {
      midBooking();
      chat.say("cancel");
      assertThat(chat.texts()).containsExactly(ChatScript.say("en", "chatbot.aborted"), "How can I help you?");
      assertThat(chat.node()).isEqualTo("menu");
      assertThat(chat.conversation.variables.fieldNames()).containsExactly("phone");
    }

    @Test
    void start_over_goes_back_to_the_menu_without_a_word_about_it() {
      midBooking();
      chat.say("start over");
      assertThat(chat.texts()).containsExactly("How can I help you?");
      assertThat(chat.conversation.variables.containsKey("service")).isFalse();
    }

    @Test
    void a_language_asked_for_switches_and_repeats_the_question_in_it() {
      midBooking();
      chat.say("عربي");
      assertThat(chat.conversation.locale).isEqualTo("ar");
      assertThat(chat.texts()).containsExactly(ChatScript.say("ar", "chatbot.language_set"),
          ReceptionistBookingTest.textOf("book_ask_date", "ar"));
      assertThat(chat.node()).isEqualTo("book_ask_date");
    }

    @Test
    void at_the_language_question_what_the_contact_writes_chooses_the_language_and_a_message_without_letters_does_not() {
      chat.say("👍");
      assertThat(chat.conversation.localeChosen).isFalse();
      assertThat(chat.node()).isEqualTo("choose_language");
      chat.say("hello there");
      assertThat(chat.conversation.locale).isEqualTo("en");
      assertThat(chat.conversation.localeChosen).isTrue();
      assertThat(chat.node()).isEqualTo("menu");
      chat.say("مرحبا، عربي لو سمحت");
      assertThat(chat.conversation.locale).as("still switched on request").isEqualTo("ar");
    }
  }

  @Nested
  class Handoff {
    @Test
    void asking_for_a_person_mid_task_hands_over_at_the_flows_handoff_node() {
      english();
      chat.tap("book");
      chat.say("I want to talk to a person");
      assertThat(chat.texts()).containsExactly("Sure — I've passed you to a colleague, who will reply shortly.");
      assertThat(chat.conversation.handedOff()).isTrue();
      assertThat(chat.conversation.handedOffBy).isEqualTo("user");
      // when staff release it, the bot picks up at the menu
      assertThat(chat.node()).isEqualTo("menu");
    }

    @Test
    void a_handed_off_conversation_says_once_that_a_person_will_answer_then_stays_silent() {
      english();
      chat.say("talk to a person");
      chat.say("hello?");
      assertThat(chat.texts()).containsExactly(ChatScript.say("en", "chatbot.handed_off_notice"));
      assertThat(chat.conversation.silentNoticeSent).isTrue();
      chat.say("anyone?");
      assertThat(chat.texts()).isEmpty();
      assertThat(chat.actions.calls).isEmpty();
    }

    @Test
    void a_flow_without_a_handoff_node_still_hands_over() {
      ChatScript bare = ChatScript.web(Flows.startingAt("ask")
          .question("ask", "text", "note", "Anything to add?", "bye").end("bye", "Bye").build());
      bare.conversation.locale = "en";
      bare.greet();
      bare.say("I want to talk to a person");
      assertThat(bare.texts()).containsExactly(ChatScript.say("en", "chatbot.handed_off"));
      assertThat(bare.conversation.handedOff()).isTrue();
      assertThat(bare.conversation.handedOffBy).isEqualTo("user");
    }
  }
}
