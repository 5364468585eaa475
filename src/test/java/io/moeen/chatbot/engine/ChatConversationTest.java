package io.moeen.chatbot.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conversations as people write them (issue 17), pure engine on the packaged flow: everything in
 * one message fills its slots, typed choices at each question, an ambiguous answer asks «تقصد»,
 * a side question is answered and the booking resumes, "I can't come tomorrow" leads to the
 * contact's appointments, and the confirmation names what is being agreed to.
 */
class ChatConversationTest {
  static final JsonObject SLOT = new JsonObject().put("startsAt", "2026-11-02T13:00:00Z").put("doctorId", "dr-khalid")
      .put("locationId", "loc-1").put("serviceId", "svc-clean").put("hijri", " (الاثنين، 21 جمادى الأولى 1448 هـ)")
      .put("branch", "\n📍 فرع العليا — طريق الملك فهد").put("price", "\nالسعر: 250 SAR");
  ChatScript chat;

  @BeforeEach
  void clinic() {
    chat = ChatScript.web(Flows.receptionist());
    JsonArray services = FakeActions.options(
        "service1", "كشف عام", "svc-consult",
        "service2", "تنظيف الأسنان", "svc-clean",
        "service3", "استشارة قلب", "svc-cardio",
        "service4", "تخطيط القلب", "svc-ecg");
    services.getJsonObject(1).put("code", "dental_cleaning");
    chat.actions
        .sets("list_services", new JsonObject().put("services", services).put("servicesText", "• كشف عام — 150 ريال"))
        .sets("list_doctors", new JsonObject().put("doctors", FakeActions.options(
            "any", "أي طبيب متاح", "any",
            "doctor1", "د. خالد العتيبي", "dr-khalid",
            "doctor2", "د. فيصل الدوسري", "dr-faisal")))
        .sets("find_slots", new JsonObject().put("slots", new JsonArray()
            .add(new JsonObject().put("id", "slot1").put("title", "15:30").put("value", SLOT))
            .add(new JsonObject().put("id", "slot2").put("title", "16:00").put("value", SLOT.copy()
                .put("startsAt", "2026-11-02T13:00:00Z")))).put("slotCount", 2))
        .sets("clinic_hours", new JsonObject().put("hoursText", "الأحد–الخميس: 09:00–21:00"))
        .sets("clinic_locations", new JsonObject().put("locationsText", "📍 فرع العليا — طريق الملك فهد"));
    chat.greet();
    chat.tap("ar");
  }

  @Test
  void everything_said_in_one_message_goes_straight_to_the_free_times() {
    chat.say("ابي موعد تنظيف اسنان بكرة العصر مع د. خالد");
    assertThat(chat.node()).isEqualTo("book_pick_slot");
    JsonObject asked = chat.actions.last("find_slots").scope();
    assertThat(asked.getString("service")).isEqualTo("svc-clean");
    assertThat(asked.getString("doctor")).isEqualTo("dr-khalid");
    assertThat(asked.getString("date")).isEqualTo("2026-11-02");
    assertThat(asked.getString("dayPart")).as("«العصر»: the afternoon's free times").isEqualTo("afternoon");
    assertThat(chat.texts().get(0)).startsWith("تمام، فهمت:").contains("تنظيف الأسنان").contains("د. خالد العتيبي");
  }

  @Test
  void a_service_with_one_doctor_is_not_asked_which_doctor_the_bot_says_who() {
    JsonArray only = FakeActions.options("doctor1", "د. مها الحربي", "dr-maha");
    only.getJsonObject(0).put("sole", "هذه الخدمة عندنا مع د. مها الحربي فقط.");
    chat.actions.sets("list_doctors", new JsonObject().put("doctors", only));
    chat.say("ابي موعد تنظيف اسنان");
    assertThat(chat.node()).as("straight to the day: no doctor question").isEqualTo("book_ask_date");
    assertThat(chat.conversation.variables.getString("doctor")).isEqualTo("dr-maha");
    assertThat(chat.conversation.variables.getString("doctorLabel")).isEqualTo("د. مها الحربي");
    assertThat(chat.texts()).hasSize(3);
    assertThat(chat.texts().get(0)).startsWith("تمام، فهمت:").contains("تنظيف الأسنان");
    assertThat(chat.texts().get(1)).isEqualTo("هذه الخدمة عندنا مع د. مها الحربي فقط.");
    chat.say("بكرة");
    assertThat(chat.actions.last("find_slots").scope().getString("doctor")).isEqualTo("dr-maha");
  }

  @Test
  void a_typed_time_picks_the_free_time() {
    chat.say("ابي موعد تنظيف اسنان بكرة مع د. خالد");
    chat.say("4 العصر");
    assertThat(chat.conversation.variables.getString("slotLabel")).isEqualTo("16:00");
  }

  @Test
  void typed_choices_at_each_question_a_synonym_an_ordinal_and_a_day() {
    chat.tap("book");
    chat.say("ابي تنظيف اسنان");
    assertThat(chat.conversation.variables.getString("service")).isEqualTo("svc-clean");
    chat.say("الثاني");
    assertThat(chat.conversation.variables.getString("doctor")).isEqualTo("dr-khalid");
    chat.say("الخميس");
    assertThat(chat.conversation.variables.getString("date")).isEqualTo("2026-11-05");
    chat.say("الاول");
    assertThat(chat.conversation.variables.getString("slotLabel")).isEqualTo("15:30");
  }

  @Test
  void an_answer_that_fits_two_options_asks_which_one_with_them_as_buttons() {
    chat.tap("book");
    chat.say("قلب");
    assertThat(chat.texts().get(0)).isEqualTo(ChatScript.say("ar", "chatbot.did_you_mean"));
    assertThat(chat.offered()).containsExactly("service3", "service4");
    assertThat(chat.node()).isEqualTo("book_pick_service");
    chat.tap("service4");
    assertThat(chat.conversation.variables.getString("service")).isEqualTo("svc-ecg");
  }

  @Test
  void a_side_question_mid_booking_is_answered_and_the_booking_resumes() {
    chat.tap("book");
    chat.tap("service2");
    assertThat(chat.node()).isEqualTo("book_pick_doctor");
    chat.say("وين موقعكم بالضبط؟");
    assertThat(String.join("\n", chat.texts())).contains("فرع العليا").contains(ChatScript.say("ar", "chatbot.resume"));
    assertThat(chat.node()).isEqualTo("book_pick_doctor");
    assertThat(chat.conversation.variables.getString("service")).isEqualTo("svc-clean");
    chat.say("د. فيصل");
    assertThat(chat.conversation.variables.getString("doctor")).isEqualTo("dr-faisal");
  }

  @Test
  void i_cannot_come_tomorrow_leads_to_the_contacts_appointments_and_a_new_time() {
    chat.actions.sets("list_my_appointments", new JsonObject().put("appointmentCount", 1)
            .put("appointments", new JsonArray().add(new JsonObject().put("id", "appointment1")
                .put("title", "الاثنين 2 نوفمبر 09:00").put("value", new JsonObject().put("id", "appt-1")))))
        .sets("find_slots_for_appointment", new JsonObject().put("slots", new JsonArray()
            .add(new JsonObject().put("id", "slot1").put("title", "10:00").put("value", SLOT))).put("slotCount", 1))
        .sets("reschedule_appointment", new JsonObject().put("appointmentTime", "الخميس 5 نوفمبر 10:00"));
    chat.say("ما اقدر اجي بكرة");
    assertThat(chat.node()).isEqualTo("resched_pick");
    chat.say("1");
    assertThat(chat.node()).as("move or cancel?").isEqualTo("resched_how");
    assertThat(chat.offered()).containsExactly("move", "cancel");
    chat.tap("move");
    assertThat(chat.node()).isEqualTo("resched_ask_date");
    chat.say("الخميس");
    chat.say("10");
    assertThat(chat.actions.names()).contains("reschedule_appointment");
    assertThat(String.join("\n", chat.texts())).contains("الخميس 5 نوفمبر 10:00");
  }

  @Test
  void i_cannot_come_can_also_cancel_and_a_plain_reschedule_does_not_ask_move_or_cancel() {
    chat.actions.sets("list_my_appointments", new JsonObject().put("appointmentCount", 1)
            .put("appointments", new JsonArray().add(new JsonObject().put("id", "appointment1")
                .put("title", "الاثنين 2 نوفمبر 09:00").put("value", new JsonObject().put("id", "appt-1")))))
        .sets("cancel_appointment", new JsonObject().put("appointmentTime", "الاثنين 2 نوفمبر 09:00"));
    chat.say("ما اقدر اجي بكرة");
    chat.tap("appointment1");
    chat.tap("cancel");
    assertThat(chat.node()).isEqualTo("cancel_confirm");
    chat.tap("yes");
    assertThat(chat.actions.names()).contains("cancel_appointment");
    chat.say("من البداية");
    chat.tap("reschedule");
    chat.tap("appointment1");
    assertThat(chat.node()).as("a tapped reschedule goes straight to the day").isEqualTo("resched_ask_date");
  }

  @Test
  void the_confirmation_names_service_doctor_day_date_time_and_how_to_cancel_in_both_languages() {
    chat.conversation.variables.put("phone", "+966551234567");
    chat.actions.sets("identify_contact", new JsonObject().put("patientId", "p-1"));
    chat.say("ابي موعد تنظيف اسنان بكرة مع د. خالد");
    chat.tap("slot2");
    assertThat(chat.node()).isEqualTo("book_confirm");
    assertThat(chat.texts().get(0)).contains("تنظيف الأسنان مع د. خالد العتيبي").contains("2026").contains("16:00")
        .contains("بتوقيت العيادة").contains("تلغيه")
        .contains("جمادى الأولى 1448").contains("فرع العليا — طريق الملك فهد").contains("السعر: 250 SAR");
    chat.say("English");
    assertThat(chat.texts().get(1)).contains("with").contains("at 16:00 (clinic time)").contains("cancel or move it")
        .contains("250 SAR");
  }
}
