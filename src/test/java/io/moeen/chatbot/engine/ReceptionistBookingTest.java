package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged receptionist flow walked by the engine, turn by turn, with the scheduling and
 * contact actions scripted: what the bot says, which node it waits at, and what each action is
 * handed. No HTTP, no bus, no database.
 */
class ReceptionistBookingTest {
  static final JsonObject SLOT = new JsonObject().put("startsAt", "2026-11-02T06:00:00Z").put("doctorId", "dr-khalid")
      .put("locationId", "olaya").put("serviceId", "svc-consult");

  ChatScript chat;

  @BeforeEach
  void clinic() {
    chat = ChatScript.web(Flows.receptionist());
    chat.actions
        .sets("list_services", new JsonObject().put("services", FakeActions.options(
            "service1", "General consultation", "svc-consult",
            "service2", "Follow-up visit", "svc-follow",
            "service3", "Child check-up", "svc-child")).put("servicesText", "• …"))
        .sets("list_doctors", new JsonObject().put("doctors", FakeActions.options(
            "any", "Any available doctor", "any",
            "doctor1", "Khalid Al-Otaibi", "dr-khalid")))
        .sets("find_slots", new JsonObject().put("slots", new JsonArray()
            .add(new JsonObject().put("id", "slot1").put("title", "09:00").put("value", SLOT))
            .add(new JsonObject().put("id", "slot2").put("title", "09:30").put("value", SLOT.copy()
                .put("startsAt", "2026-11-02T06:30:00Z")))).put("slotCount", 2))
        .sets("identify_contact", new JsonObject().put("patientId", "patient-1"))
        .answers("book_appointment", scope -> new JsonObject().put("appointmentId", "appt-1")
            .put("appointmentTime", "Mon 2 Nov, 09:00").put("patientId", "patient-1")
            .put("bookedIds", new JsonArray().add("appt-1")));
  }

  static String textOf(String node, String language) {
    return Flow.text(Flows.receptionist().node(node).orElseThrow().getValue("text"), language);
  }

  /** Greeting, English, then "book" from the menu: the service list is on screen. */
  void toTheServiceList() {
    chat.greet();
    chat.tap("en");
    chat.tap("book");
  }

  @Test
  @DisplayName("greeting → service → doctor → day → slot → phone → confirmation → booked")
  void a_web_visitor_books_turn_by_turn() {
    chat.greet();
    // a new conversation speaks Arabic until the contact chooses
    assertThat(chat.texts()).containsExactly(textOf("greeting", "ar"), textOf("choose_language", "ar"));
    assertThat(chat.node()).isEqualTo("choose_language");
    assertThat(chat.offered()).containsExactly("ar", "en");

    chat.tap("en");
    assertThat(chat.conversation.locale).isEqualTo("en");
    assertThat(chat.conversation.localeChosen).isTrue();
    assertThat(chat.node()).isEqualTo("menu");
    assertThat(chat.texts()).containsExactly("How can I help you?");
    assertThat(chat.offered()).containsExactly("book", "mine", "cancel", "reschedule", "hours", "locations", "services", "human");

    chat.tap("book");
    assertThat(chat.actions.names()).containsExactly("list_services");
    assertThat(chat.node()).isEqualTo("book_pick_service");
    assertThat(chat.offered()).containsExactly("service1", "service2", "service3");

    chat.tap("service1");
    assertThat(chat.actions.last("list_doctors").scope().getString("service")).isEqualTo("svc-consult");
    assertThat(chat.node()).isEqualTo("book_pick_doctor");
    assertThat(chat.offered()).containsExactly("any", "doctor1");

    chat.tap("doctor1");
    assertThat(chat.node()).isEqualTo("book_ask_date");
    assertThat(chat.texts().get(0)).startsWith("Which day suits you?");

    chat.say("tomorrow");
    JsonObject asked = chat.actions.last("find_slots").scope();
    assertThat(asked.getString("service")).isEqualTo("svc-consult");
    assertThat(asked.getString("doctor")).isEqualTo("dr-khalid");
    assertThat(asked.getString("date")).isEqualTo("2026-11-02");
    assertThat(chat.node()).isEqualTo("book_pick_slot");
    assertThat(chat.offered()).containsExactly("slot1", "slot2");

    chat.tap("slot1");
    assertThat(chat.node()).isEqualTo("book_ask_phone");

    chat.say("0551234567");
    assertThat(chat.conversation.phone).isEqualTo("+966551234567");
    assertThat(chat.actions.last("identify_contact").scope().getString("phone")).isEqualTo("+966551234567");
    assertThat(chat.node()).isEqualTo("book_confirm");
    assertThat(chat.texts()).singleElement().asString().startsWith("Shall I book it?\nGeneral consultation with ")
        .contains("2026 at 09:00 (clinic time)").contains("cancel or move it");
    assertThat(chat.offered()).containsExactly("yes", "no");

    chat.tap("yes");
    JsonObject booking = chat.actions.last("book_appointment").scope();
    assertThat(booking.getString("service")).isEqualTo("svc-consult");
    assertThat(booking.getJsonObject("slot")).isEqualTo(SLOT);
    assertThat(booking.getString("phone")).isEqualTo("+966551234567");
    assertThat(chat.texts()).containsExactly(
        "You're booked ✅ Mon 2 Nov, 09:00. A confirmation is on its way. See you soon!",
        "Anything else I can help with?");
    assertThat(chat.node()).isEqualTo("anything_else");
    assertThat(chat.actions.names()).containsExactly("list_services", "list_doctors", "find_slots", "identify_contact",
        "book_appointment");
  }

  @Test
  void saying_goodbye_ends_the_conversation_and_forgets_the_task_but_not_the_contact() {
    toTheServiceList();
    chat.tap("service1");
    chat.tap("doctor1");
    chat.say("tomorrow");
    chat.tap("slot1");
    chat.say("0551234567");
    chat.tap("yes");
    chat.tap("no");
    assertThat(chat.texts()).containsExactly("You're welcome! Take care 🌷");
    assertThat(chat.node()).isNull();
    assertThat(chat.conversation.variables.fieldNames())
        .containsExactlyInAnyOrder("phone", "patientId", "bookedIds");
  }

  @Test
  void a_known_phone_is_not_asked_for_again() {
    chat.conversation.variables.put("phone", "+966551234567");
    toTheServiceList();
    chat.tap("service1");
    chat.tap("doctor1");
    chat.say("tomorrow");
    chat.tap("slot1");
    assertThat(chat.node()).isEqualTo("book_confirm");
    assertThat(chat.actions.names()).contains("identify_contact");
  }

  @Test
  void a_new_contact_gives_a_name_and_consent_and_becomes_a_lead_before_the_confirmation() {
    chat.actions.refuses("identify_contact", "not_found", null)
        .sets("capture_lead", new JsonObject().put("leadId", "lead-1"));
    toTheServiceList();
    chat.tap("service1");
    chat.tap("any");
    chat.say("tomorrow");
    chat.tap("slot2");
    chat.say("0551234567");
    assertThat(chat.node()).isEqualTo("book_ask_name");
    chat.say("Sara Al-Harbi");
    assertThat(chat.node()).isEqualTo("book_consent");
    chat.tap("yes");
    JsonObject lead = chat.actions.last("capture_lead").scope();
    assertThat(lead.getString("name")).isEqualTo("Sara Al-Harbi");
    assertThat(lead.getBoolean("marketingConsent")).isTrue();
    assertThat(lead.getString("doctor")).isEqualTo("any");
    assertThat(chat.texts()).singleElement().asString().startsWith("Shall I book it?\nGeneral consultation with ")
        .contains("2026 at 09:30 (clinic time)").contains("cancel or move it");
  }

  @Nested
  class When_the_slot_is_gone {
    @Test
    void the_next_free_times_are_offered_and_a_new_pick_goes_back_to_the_confirmation() {
      chat.actions.refuses("book_appointment", "slot_taken", new JsonObject().put("slotCount", 1).put("slots",
          new JsonArray().add(new JsonObject().put("id", "slot1").put("title", "10:00").put("value", SLOT))));
      chat.conversation.variables.put("phone", "+966551234567");
      toTheServiceList();
      chat.tap("service1");
      chat.tap("doctor1");
      chat.say("tomorrow");
      chat.tap("slot1");
      chat.tap("yes");
      assertThat(chat.conversation.variables.getString("errorCode")).isEqualTo("slot_taken");
      assertThat(chat.node()).isEqualTo("book_alternatives");
      assertThat(chat.texts().get(0)).startsWith("Sorry, someone just took that time");
      chat.tap("slot1");
      assertThat(chat.texts()).singleElement().asString().startsWith("Shall I book it?\nGeneral consultation with ")
        .contains("2026 at 10:00 (clinic time)").contains("cancel or move it");
    }

    @Test
    void with_no_alternative_the_contact_is_told_and_offered_more_help() {
      chat.actions.refuses("book_appointment", "slot_taken", new JsonObject().put("slotCount", 0).put("slots",
          new JsonArray()));
      chat.conversation.variables.put("phone", "+966551234567");
      toTheServiceList();
      chat.tap("service1");
      chat.tap("doctor1");
      chat.say("tomorrow");
      chat.tap("slot1");
      chat.tap("yes");
      assertThat(chat.texts()).containsExactly(
          "Something went wrong on my side 🙏 Please try again shortly, or ask to talk to a person.",
          "Anything else I can help with?");
    }
  }

  @Test
  void a_service_given_by_one_doctor_skips_the_doctor_question_and_names_the_doctor() {
    JsonArray only = FakeActions.options("doctor1", "Dr. Maha Al-Harbi", "dr-maha");
    only.getJsonObject(0).put("sole", "This service is given here by Dr. Maha Al-Harbi only.");
    chat.actions.sets("list_doctors", new JsonObject().put("doctors", only));
    toTheServiceList();
    chat.tap("service1");
    assertThat(chat.node()).isEqualTo("book_ask_date");
    assertThat(chat.texts()).containsExactly("This service is given here by Dr. Maha Al-Harbi only.",
        textOf("book_ask_date", "en"));
    chat.say("tomorrow");
    assertThat(chat.actions.last("find_slots").scope().getString("doctor")).isEqualTo("dr-maha");
    assertThat(chat.conversation.variables.getString("doctorLabel")).isEqualTo("Dr. Maha Al-Harbi");
  }

  @Test
  void one_doctor_without_the_sole_mark_is_still_offered_as_before() {
    chat.actions.sets("list_doctors", new JsonObject().put("doctors", FakeActions.options(
        "doctor1", "Khalid Al-Otaibi", "dr-khalid")));
    toTheServiceList();
    chat.tap("service1");
    assertThat(chat.node()).isEqualTo("book_pick_doctor");
  }

  @Test
  void a_day_with_no_free_times_asks_for_another_day() {
    chat.actions.sets("find_slots", new JsonObject().put("slots", new JsonArray()).put("slotCount", 0));
    toTheServiceList();
    chat.tap("service1");
    chat.tap("doctor1");
    chat.say("2026-11-04");
    assertThat(chat.texts().get(0)).startsWith("Sorry, there are no free times on ").doesNotContain("{dateLabel}");
    assertThat(chat.node()).isEqualTo("book_ask_date");
  }

  @Test
  void a_failing_service_list_takes_the_flows_error_path_with_the_code_kept() {
    chat.actions.refuses("list_services", "unavailable", null);
    chat.greet();
    chat.tap("en");
    chat.tap("book");
    assertThat(chat.conversation.variables.getString("errorCode")).isEqualTo("unavailable");
    assertThat(chat.texts()).containsExactly(
        "Something went wrong on my side 🙏 Please try again shortly, or ask to talk to a person.",
        "Anything else I can help with?");
  }

  @Test
  void an_action_that_breaks_unexpectedly_is_an_internal_error_on_the_same_path() {
    chat.actions.breaks("list_services");
    chat.greet();
    chat.tap("en");
    chat.tap("book");
    assertThat(chat.conversation.variables.getString("errorCode")).isEqualTo("internal");
    assertThat(chat.node()).isEqualTo("anything_else");
  }
}
