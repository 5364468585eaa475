package io.moeen.chatbot.engine;

import io.moeen.chatbot.language.ClinicCatalogue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another service or doctor in the middle of booking (tenth part; before it, «ما فهمت اليوم» at the day question and
 * "change" words at a list went to moving an appointment): the booking starts again with what the message names and
 * what still holds, and the rest is asked.
 */
class ChatChangeOfMindTest {
  static final ClinicCatalogue CLINIC = ClinicCatalogue.fromCatalogue(
      new JsonArray()
          .add(ClinicCatalogueConversationTest.item("svc-consult", "general_consultation", "كشف عام", "General consultation"))
          .add(ClinicCatalogueConversationTest.item("svc-filling", "dental_filling", "حشوة سن", "Dental filling"))
          .add(ClinicCatalogueConversationTest.item("svc-ecg", "ecg", "تخطيط القلب", "Electrocardiogram (ECG)")),
      new JsonArray()
          .add(ClinicCatalogueConversationTest.item("dr-khalid", null, "خالد العتيبي", "Khalid Al-Otaibi"))
          .add(ClinicCatalogueConversationTest.item("dr-huda", null, "هدى القرني", "Huda Al-Qarni"))
          .add(ClinicCatalogueConversationTest.item("dr-faisal", null, "فيصل الدوسري", "Faisal Al-Dosari")),
      new JsonArray().add(ClinicCatalogueConversationTest.item("loc-1", "riyadh_olaya", "فرع العليا - الرياض", "Olaya branch, Riyadh")));

  private static ChatScript clinic(boolean english) {
    ChatScript chat = atTheDoctors(english);
    chat.tap("doctor1");
    assertThat(chat.node()).isEqualTo("book_ask_date");
    return chat;
  }

  /** A general consultation chosen by tapping: its doctors are asked. */
  private static ChatScript atTheDoctors(boolean english) {
    ChatScript chat = atTheMenu(english);
    chat.tap("book");
    chat.tap("service1");
    assertThat(chat.node()).isEqualTo("book_pick_doctor");
    return chat;
  }

  /** The language chosen: the menu. */
  private static ChatScript atTheMenu(boolean english) {
    ChatScript chat = ChatScript.web(Flows.receptionist());
    chat.actions.clinic(CLINIC)
        .sets("list_services", new JsonObject().put("services", english
            ? FakeActions.options("service1", "General consultation", "svc-consult", "service2", "Dental filling", "svc-filling",
                "service3", "Electrocardiogram (ECG)", "svc-ecg")
            : FakeActions.options("service1", "كشف عام", "svc-consult", "service2", "حشوة سن", "svc-filling",
                "service3", "تخطيط القلب", "svc-ecg")).put("servicesText", "• كشف عام — 150 ريال"))
        // the doctors as the live list titles them: the name alone
        .answers("list_doctors", scope -> new JsonObject().put("doctors", switch (scope.getString("service")) {
          case "svc-ecg" -> english ? FakeActions.options("any", "Any available doctor", "any", "doctor3", "Faisal Al-Dosari", "dr-faisal")
              : FakeActions.options("any", "أي طبيب متاح", "any", "doctor3", "فيصل الدوسري", "dr-faisal");
          default -> english ? FakeActions.options("any", "Any available doctor", "any", "doctor1", "Khalid Al-Otaibi",
              "dr-khalid", "doctor2", "Huda Al-Qarni", "dr-huda")
              : FakeActions.options("any", "أي طبيب متاح", "any", "doctor1", "خالد العتيبي", "dr-khalid",
                  "doctor2", "هدى القرني", "dr-huda");
        }))
        .sets("find_slots", new JsonObject().put("slots", new JsonArray()
            .add(new JsonObject().put("id", "slot1").put("title", "09:00").put("value", ChatConversationTest.SLOT)))
            .put("slotCount", 1))
        .sets("list_my_appointments", new JsonObject().put("appointmentCount", 1)
            .put("appointments", new JsonArray().add(new JsonObject().put("id", "appointment1")
                .put("title", "الاثنين 2 نوفمبر 09:00").put("value", new JsonObject().put("id", "appt-1")))));
    chat.greet();
    chat.tap(english ? "en" : "ar");
    return chat;
  }

  @ParameterizedTest(name = "«{0}» at the doctor list")
  @ValueSource(strings = {"مع د. فيصل", "with dr faisal please"})
  void a_doctor_who_does_not_give_the_service_is_said_so_with_the_doctors_who_do(String text) {
    boolean english = text.matches("[a-z].*");
    ChatScript chat = atTheDoctors(english);
    chat.say(text); // Dr. Faisal gives only the ECG here
    assertThat(chat.node()).isEqualTo("book_pick_doctor");
    assertThat(chat.texts().get(0)).isEqualTo(english
        ? "Faisal Al-Dosari doesn't offer “General consultation” here 🙏 These doctors do:"
        : "«كشف عام» ما هي من خدمات فيصل الدوسري عندنا 🙏 هذولا الأطباء اللي يقدّمونها:");
  }

  @Test
  void a_booking_message_naming_a_doctor_who_does_not_give_the_service_says_so_before_the_list() {
    ChatScript chat = atTheMenu(false);
    chat.say("ابي كشف عام مع د. فيصل بكرة");
    assertThat(chat.node()).isEqualTo("book_pick_doctor");
    assertThat(chat.texts()).anyMatch(t -> t.startsWith("«كشف عام» ما هي من خدمات فيصل الدوسري"));
  }

  @Test
  void another_service_with_its_doctor_named_at_the_doctor_list_is_the_change() {
    ChatScript chat = atTheDoctors(false);
    chat.say("لا ابي تخطيط القلب مع د. فيصل");
    assertThat(chat.actions.last("list_doctors").scope().getString("service")).isEqualTo("svc-ecg");
    assertThat(chat.node()).isEqualTo("book_ask_date");
    assertThat(chat.texts()).noneMatch(t -> t.contains("ما هي من خدمات"));
  }

  @ParameterizedTest(name = "«{0}» at the doctor list")
  @ValueSource(strings = {"مع د. هدى", "ابي الدكتورة هدى لو سمحت", "عند دكتوره هدى", "with dr huda please",
      "I'd prefer dr. huda"})
  void a_doctor_named_among_other_words_at_the_doctor_list_is_picked(String text) {
    ChatScript chat = atTheDoctors(text.matches("[a-zA-Z].*"));
    chat.say(text); // found by talking to the running service: «ما فهمت» unless the name stood alone
    assertThat(chat.node()).isEqualTo("book_ask_date");
    assertThat(chat.texts()).noneMatch(t -> t.contains("ما فهمت") || t.contains("didn't get"));
  }

  @ParameterizedTest(name = "«{0}» at the day question")
  @ValueSource(strings = {"لا ابي تخطيط قلب بدال", "غيرت رايي، ابغى تخطيط القلب", "بدل الكشف خلها تخطيط قلب",
      "عندكم تخطيط قلب؟ ابيه بدال"})
  void another_service_named_at_the_day_question_starts_the_booking_again_with_it(String text) {
    ChatScript chat = clinic(false);
    chat.say(text);
    assertThat(chat.actions.last("list_doctors").scope().getString("service")).isEqualTo("svc-ecg");
    assertThat(chat.node()).isEqualTo("book_pick_doctor");
    assertThat(chat.texts().get(0)).startsWith("تمام، فهمت").contains("تخطيط القلب");
    assertThat(String.join("\n", chat.texts())).doesNotContain("ما فهمت اليوم");
  }

  @ParameterizedTest(name = "«{0}» at the free times")
  @ValueSource(strings = {"لا خليه مع د. هدى", "ممكن مع الدكتورة هدى بدال؟", "actually with dr huda please"})
  void another_doctor_named_at_the_free_times_keeps_the_service_and_the_day(String text) {
    boolean english = text.matches("[a-z ].*");
    ChatScript chat = clinic(english);
    chat.say(english ? "thursday" : "الخميس");
    assertThat(chat.node()).isEqualTo("book_pick_slot");
    chat.say(text);
    JsonObject asked = chat.actions.last("find_slots").scope();
    assertThat(asked.getString("doctor")).isEqualTo("dr-huda");
    assertThat(asked.getString("service")).isEqualTo("svc-consult");
    assertThat(asked.getString("date")).isEqualTo("2026-11-05");
    assertThat(chat.node()).as("not aborted, not «ما فهمت»").isEqualTo("book_pick_slot");
  }

  @ParameterizedTest(name = "«{0}» at the day question")
  @ValueSource(strings = {"خلاص ما ابي الكشف", "لا خلاص بطلت من الكشف"})
  void an_abort_naming_the_chosen_service_still_aborts(String text) {
    ChatScript chat = clinic(false);
    chat.say(text);
    assertThat(chat.node()).as("not read as another service: the one chosen").isEqualTo("menu");
  }

  @Test
  void another_doctor_keeps_the_part_of_the_day_said_with_the_day() {
    ChatScript chat = clinic(false);
    chat.say("بكرة العصر");
    assertThat(chat.actions.last("find_slots").scope().getString("dayPart")).isEqualTo("afternoon");
    chat.say("لا خليه مع د. هدى");
    JsonObject asked = chat.actions.last("find_slots").scope();
    assertThat(asked.getString("doctor")).isEqualTo("dr-huda");
    assertThat(asked.getString("date")).isEqualTo("2026-11-02");
    assertThat(asked.getString("dayPart")).as("«العصر» still").isEqualTo("afternoon");
  }

  @Test
  void changing_the_service_without_naming_one_shows_the_services_again() {
    ChatScript chat = clinic(false);
    chat.say("ابي اغير الخدمة");
    assertThat(chat.node()).isEqualTo("book_pick_service");
    assertThat(chat.actions.names()).doesNotContain("list_my_appointments");
  }

  @Test
  void another_doctor_without_a_name_shows_the_doctors_of_the_same_service_and_not_a_move() {
    ChatScript chat = clinic(true);
    chat.say("thursday");
    chat.say("can I see a different doctor?");
    assertThat(chat.node()).isEqualTo("book_pick_doctor");
    assertThat(chat.actions.last("list_doctors").scope().getString("service")).isEqualTo("svc-consult");
    chat.say("can I change the doctor?"); // at the doctor list itself: this list
    assertThat(chat.node()).isEqualTo("book_pick_doctor");
    assertThat(chat.actions.names()).doesNotContain("list_my_appointments");
    chat.tap("doctor2");
    assertThat(chat.node()).as("the day said before still holds").isEqualTo("book_pick_slot");
    assertThat(chat.actions.last("find_slots").scope().getString("date")).isEqualTo("2026-11-05");
  }

  @Test
  void a_price_asked_for_another_service_is_still_a_side_question() {
    ChatScript chat = clinic(false);
    chat.say("كم سعر تخطيط القلب؟");
    assertThat(chat.node()).isEqualTo("book_ask_date");
    assertThat(chat.actions.last("list_doctors").scope().getString("service")).isEqualTo("svc-consult");
  }

  @Test
  void the_same_service_named_again_is_an_answer_as_before() {
    ChatScript chat = clinic(false);
    chat.say("كشف عام بكرة");
    assertThat(chat.node()).isEqualTo("book_pick_slot");
    assertThat(chat.actions.last("find_slots").scope().getString("doctor")).isEqualTo("dr-khalid");
  }
}
