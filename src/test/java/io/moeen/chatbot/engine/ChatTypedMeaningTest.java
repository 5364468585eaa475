package io.moeen.chatbot.engine;

import io.moeen.chatbot.language.ClinicCatalogue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the running service got wrong when spoken to as people do (issue 17, seventh part), pure engine on the
 * packaged flow: a greeting or any message at the language question, Arabizi, an Arabizi or Egyptian ordinal,
 * «ايه» after «نكمل الحجز؟», «ايه» where a name is asked, a weekday spelled like another word, a day typed at
 * "move or cancel?".
 */
class ChatTypedMeaningTest {
  private static ChatScript clinic() {
    ChatScript chat = ChatScript.web(Flows.receptionist());
    JsonArray services = FakeActions.options("service1", "كشف عام", "svc-consult", "service2", "تنظيف الأسنان", "svc-clean");
    chat.actions
        .sets("list_services", new JsonObject().put("services", services).put("servicesText", "• كشف عام — 150 ريال"))
        .sets("list_doctors", new JsonObject().put("doctors", FakeActions.options(
            "any", "أي طبيب متاح", "any", "doctor1", "د. خالد العتيبي", "dr-khalid", "doctor2", "د. فيصل الدوسري", "dr-faisal")))
        .sets("find_slots", new JsonObject().put("slots", new JsonArray()
            .add(new JsonObject().put("id", "slot1").put("title", "09:00").put("value", ChatConversationTest.SLOT))
            .add(new JsonObject().put("id", "slot2").put("title", "09:15").put("value", ChatConversationTest.SLOT)))
            .put("slotCount", 2))
        .sets("list_my_appointments", new JsonObject().put("appointmentCount", 1)
            .put("appointments", new JsonArray().add(new JsonObject().put("id", "appointment1")
                .put("title", "الاثنين 2 نوفمبر 09:00").put("value", new JsonObject().put("id", "appt-1")))))
        .sets("find_slots_for_appointment", new JsonObject().put("slots", new JsonArray()
            .add(new JsonObject().put("id", "slot1").put("title", "10:00").put("value", ChatConversationTest.SLOT)))
            .put("slotCount", 1))
        .sets("identify_contact", new JsonObject());
    chat.greet();
    return chat;
  }

  /** Arabic, booking a general consultation with Dr. Khalid, tapped: the day is asked. */
  private static void atTheDayQuestion(ChatScript chat) {
    chat.tap("ar");
    chat.tap("book");
    chat.tap("service1");
    chat.tap("doctor1");
    assertThat(chat.node()).isEqualTo("book_ask_date");
  }

  /** Arabic, everything said in one message: tomorrow morning's free times are offered. */
  private static void atTheFreeTimes(ChatScript chat) {
    chat.tap("ar");
    chat.say("ابي موعد كشف عام بكرة الصبح مع د. خالد");
    assertThat(chat.node()).isEqualTo("book_pick_slot");
  }

  private static void atTheNameQuestion(ChatScript chat) {
    atTheFreeTimes(chat);
    chat.tap("slot1");
    chat.say("0551234567");
    assertThat(chat.node()).isEqualTo("book_ask_name");
  }

  @ParameterizedTest(name = "«{0}» at the language question → {1}")
  @CsvSource({"السلام عليكم, ar, true", "هلا والله, ar, true", "hi, en, true", "good evening, en, true",
      "salam, ar, true", "marhaba, ar, true", "مرحبا ممكن استفسار, ar, false", "hello I have a question, en, false"})
  void any_message_at_the_language_question_chooses_the_language_it_is_written_in(String text, String locale,
      boolean greeting) {
    ChatScript chat = clinic();
    chat.say(text);
    assertThat(chat.conversation.locale).isEqualTo(locale);
    assertThat(chat.node()).as("the menu, not «ما فهمت»").isEqualTo("menu");
    assertThat(chat.texts()).doesNotContain(ChatScript.say(locale, "chatbot.pick_option"));
    if (greeting) {
      assertThat(chat.texts().get(0)).as("greeted back").isEqualTo(ChatScript.say(locale, "chatbot.greeting_back"));
    }
  }

  @ParameterizedTest(name = "«{0}» picks slot {1}")
  @CsvSource({"awal wa7ed, slot1", "tani wa7ed, slot2", "تاني واحد, slot2", "el awal, slot1", "الاول, slot1"})
  void arabizi_and_egyptian_ordinals_pick_from_the_free_times(String text, String slot) {
    ChatScript chat = clinic();
    atTheFreeTimes(chat);
    chat.say(text);
    assertThat(chat.conversation.variables.getString("slotLabel")).isEqualTo(slot.equals("slot1") ? "09:00" : "09:15");
  }

  @ParameterizedTest(name = "«{0}» where {1} is not free")
  @CsvSource({"5 العصر, 17:00, ar", "5pm, 17:00, en", "الساعة 11, 11:00, ar", "09:30, 09:30, en", "9:45, 09:45, ar",
      "10:15, 10:15, en"})
  void a_typed_time_that_is_not_among_the_free_times_is_told_so(String text, String time, String locale) {
    ChatScript chat = clinic();
    chat.tap(locale);
    chat.say("ابي موعد كشف عام بكرة مع د. خالد");
    assertThat(chat.node()).isEqualTo("book_pick_slot");
    chat.say(text);
    assertThat(chat.node()).isEqualTo("book_pick_slot");
    assertThat(chat.texts().get(0)).isEqualTo(ChatScript.say(locale, "chatbot.time_not_free").replace("{time}", time));
    assertThat(chat.offered()).containsExactly("slot1", "slot2");
  }

  @Test
  void a_price_asked_mid_booking_is_the_chosen_services_or_the_named_ones_not_the_whole_list() {
    ChatScript chat = clinic();
    JsonArray priced = FakeActions.options("service1", "كشف عام", "svc-consult", "service2", "تنظيف الأسنان", "svc-clean");
    priced.getJsonObject(0).put("code", "general_consultation").put("description", "150 SAR · 30 دقيقة");
    priced.getJsonObject(1).put("code", "dental_cleaning").put("description", "250 SAR · 45 دقيقة");
    chat.actions.clinic(ClinicCatalogue.corpusClinic()).sets("list_services", new JsonObject().put("services", priced)
        .put("servicesText", "• كشف عام — 150 SAR · 30 دقيقة\n• تنظيف الأسنان — 250 SAR · 45 دقيقة"));
    atTheDayQuestion(chat);
    chat.say("كم السعر؟");
    assertThat(chat.texts()).startsWith("كشف عام — 150 SAR · 30 دقيقة", ChatScript.say("ar", "chatbot.resume"));
    assertThat(chat.node()).isEqualTo("book_ask_date");
    chat.say("طيب وكم سعر تنظيف الاسنان؟");
    assertThat(chat.texts().get(0)).isEqualTo("تنظيف الأسنان — 250 SAR · 45 دقيقة");
    assertThat(chat.conversation.variables.getString("service")).as("the booking unchanged").isEqualTo("svc-consult");
  }

  @ParameterizedTest(name = "«{0}» at the free times → {1}")
  @CsvSource({"الخميس, 2026-11-05", "طيب الخميس احسن, 2026-11-05", "what about sunday, 2026-11-08", "bokra, 2026-11-02"})
  void a_day_typed_at_the_free_times_shows_that_days_times(String text, String day) {
    // found by the ninth part's transcripts: «الاحد» at the list was «ما فهمت», the next answer offered a person
    ChatScript chat = clinic();
    atTheFreeTimes(chat);
    int before = (int) chat.actions.names().stream().filter("find_slots"::equals).count();
    chat.say(text);
    assertThat(chat.node()).isEqualTo("book_pick_slot");
    assertThat(chat.conversation.variables.getString("date")).isEqualTo(day);
    assertThat(chat.actions.names().stream().filter("find_slots"::equals).count()).isEqualTo(before + 1);
    assertThat(chat.actions.last("find_slots").scope().getString("date")).isEqualTo(day);
    assertThat(chat.texts()).doesNotContain(ChatScript.say("ar", "chatbot.pick_option"));
  }

  @ParameterizedTest(name = "«{0}» at the free times after a side question")
  @ValueSource(strings = {"ايه", "تمام", "ok", "شكرا"})
  void yes_at_a_list_after_shall_we_go_on_shows_the_list_again_without_a_miss(String text) {
    // found by the ninth part's transcripts: «ايه» to «نكمل الحجز؟» over the free times was «ما فهمت», and the next
    // answer offered a person
    ChatScript chat = clinic();
    atTheFreeTimes(chat);
    chat.say("كم السعر؟");
    assertThat(chat.texts()).contains(ChatScript.say("ar", "chatbot.resume"));
    chat.say(text);
    assertThat(chat.node()).isEqualTo("book_pick_slot");
    assertThat(chat.texts()).as("the list again, nothing else").hasSize(1)
        .doesNotContain(ChatScript.say("ar", "chatbot.pick_option"));
    assertThat(chat.conversation.variables.containsKey("_misses")).isFalse();
  }

  @Test
  void yes_after_shall_we_go_on_asks_the_question_again_without_saying_it_was_not_understood() {
    ChatScript chat = clinic();
    atTheDayQuestion(chat);
    chat.say("كم السعر؟");
    assertThat(chat.texts()).contains(ChatScript.say("ar", "chatbot.resume"));
    chat.say("ايه");
    assertThat(chat.node()).isEqualTo("book_ask_date");
    assertThat(chat.texts()).hasSize(1);
    assertThat(chat.texts().get(0)).as("the day asked again, not «ما فهمت اليوم»").startsWith("أي يوم يناسبك");
    chat.say("بكرة");
    assertThat(chat.conversation.variables.getString("date")).isEqualTo("2026-11-02");
  }

  @ParameterizedTest(name = "«{0}» is not a name")
  @CsvSource({"ايه", "تمام", "yes please", "شكرا", "هلا"})
  void a_yes_or_thanks_where_the_name_is_asked_is_not_taken_for_the_name(String text) {
    ChatScript chat = clinic();
    atTheNameQuestion(chat);
    chat.say(text);
    assertThat(chat.node()).isEqualTo("book_ask_name");
    assertThat(chat.conversation.variables.containsKey("name")).isFalse();
    chat.say("نورة العتيبي");
    assertThat(chat.conversation.variables.getString("name")).isEqualTo("نورة العتيبي");
  }

  @Test
  void a_name_and_phone_in_the_booking_message_are_not_asked_again() {
    ChatScript chat = clinic();
    chat.tap("ar");
    chat.say("ابي موعد كشف عام بكرة الصبح مع د. خالد، اسمي نورة العتيبي وجوالي 0551234567");
    chat.say("الاول");
    assertThat(chat.node()).as("neither the phone nor the name asked").isEqualTo("book_consent");
    assertThat(chat.conversation.variables.getString("phone")).isEqualTo("+966551234567");
    assertThat(chat.conversation.variables.getString("name")).as("as written, not folded").isEqualTo("نورة العتيبي");
  }

  @ParameterizedTest(name = "«{0}» where the phone is asked")
  @CsvSource({"اسمي نورة العتيبي, نورة العتيبي", "my name is Sara Ahmed, Sara Ahmed", "esmi Fahad, Fahad"})
  void a_name_given_where_the_phone_is_asked_is_kept_and_the_phone_asked_again(String text, String name) {
    ChatScript chat = clinic();
    atTheFreeTimes(chat);
    chat.tap("slot1");
    assertThat(chat.node()).isEqualTo("book_ask_phone");
    chat.say(text);
    assertThat(chat.node()).isEqualTo("book_ask_phone");
    assertThat(chat.texts()).as("asked again, not «الرقم ما ضبط معي»").hasSize(1);
    assertThat(chat.texts().get(0)).startsWith("عطني رقم جوالك");
    chat.say("0551234567");
    assertThat(chat.node()).as("the name is not asked").isEqualTo("book_consent");
    assertThat(chat.conversation.variables.getString("name")).isEqualTo(name);
  }

  @ParameterizedTest(name = "«{0}» at the name question")
  @CsvSource({"اسمي نورة العتيبي, نورة العتيبي", "نورة العتيبي, نورة العتيبي", "my wife name Fatima Begum, Fatima Begum",
      "باسم ابوي عبدالله, عبدالله", "booked under my son Omar, Omar", "Sara Ahmed, Sara Ahmed"})
  void the_name_question_keeps_the_name_not_the_words_around_it(String text, String name) {
    ChatScript chat = clinic();
    atTheNameQuestion(chat);
    chat.say(text);
    assertThat(chat.node()).isEqualTo("book_consent");
    assertThat(chat.conversation.variables.getString("name")).isEqualTo(name);
  }

  @Test
  void a_day_typed_at_move_or_cancel_moves_the_appointment_to_that_day() {
    ChatScript chat = clinic();
    chat.tap("ar");
    chat.say("ما اقدر اجي بكرة");
    chat.say("1");
    assertThat(chat.node()).as("move or cancel?").isEqualTo("resched_how");
    chat.say("الاربعاء");
    assertThat(chat.node()).as("moved: the free times of that day, the day not asked").isEqualTo("resched_pick_slot");
    assertThat(chat.actions.last("find_slots_for_appointment").scope().getString("date")).isEqualTo("2026-11-04");
  }

  @Test
  void a_bare_weekday_at_the_menu_is_not_read_as_a_question_about_services() {
    ChatScript chat = clinic();
    chat.tap("ar");
    chat.say("الاربعاء");
    assertThat(chat.actions.names()).doesNotContain("list_services");
    assertThat(chat.node()).isEqualTo("menu");
  }

  @ParameterizedTest(name = "«{0}»")
  @CsvSource({"ابي موعد تنظيف اسنان بكرة العصر", "ابغى احجز تنظيف الأسنان"})
  void a_service_no_doctor_gives_is_said_so_not_asked_about_with_no_answers(String text) {
    ChatScript chat = clinic();
    chat.actions.sets("list_doctors", new JsonObject().put("doctors", new JsonArray()).put("doctorCount", 0));
    chat.tap("ar");
    chat.say(text);
    assertThat(chat.texts()).as("found by talking to the running service: the demo's dental cleaning has no doctor")
        .anyMatch(t -> t.startsWith("للأسف هذي الخدمة ما نقدر نحجزها من المحادثة"))
        .noneMatch(t -> t.startsWith("عندك دكتور معيّن"));
    assertThat(chat.node()).isEqualTo("anything_else");
    assertThat(chat.texts().get(0)).as("what was understood comes first").startsWith("تمام، فهمت");
  }

  @ParameterizedTest(name = "«{0}» → {1}")
  @CsvSource(delimiter = '|', value = {"can you move my appointment from tomorrow to thursday?|2026-11-05",
      "ابي انقل موعدي من بكرة للخميس|2026-11-05", "أبي أأجل موعدي للأربعاء|2026-11-04",
      "reschedule my appointment to wednesday please|2026-11-04", "ابي اغير موعدي من الاحد الى الثلاثاء|2026-11-03",
      "can you change it to the day after tomorrow?|2026-11-03", "ابي اغير موعدي لبعد بكرة|2026-11-03",
      "please move my appointment to the 10th|2026-11-10", "ابغى انقل موعدي ليوم ١٥|2026-11-15"})
  void a_move_asked_for_with_the_day_it_goes_to_does_not_ask_that_day_again(String text, String day) {
    ChatScript chat = clinic();
    chat.tap(text.matches(".*[a-z].*") ? "en" : "ar");
    chat.say(text);
    chat.say("1");
    assertThat(chat.node()).as("found by talking to the running service: the day was asked again")
        .isEqualTo("resched_pick_slot");
    assertThat(chat.actions.last("find_slots_for_appointment").scope().getString("date")).isEqualTo(day);
  }

  @ParameterizedTest(name = "«{0}»")
  @ValueSource(strings = {"ابي اأجل موعد بكرة", "I need to reschedule tomorrow's appointment", "ابي اغير موعدي"})
  void a_move_naming_only_the_appointments_own_day_asks_where_it_goes(String text) {
    ChatScript chat = clinic();
    chat.tap(text.matches(".*[a-z].*") ? "en" : "ar");
    chat.say(text);
    chat.say("1");
    assertThat(chat.node()).isNotEqualTo("resched_pick_slot");
    assertThat(chat.actions.names()).doesNotContain("find_slots_for_appointment");
  }

  @ParameterizedTest(name = "«{0}»")
  @ValueSource(strings = {"الغيه", "ألغه", "cancel", "cancel it", "إلغاء", "الغاء الموعد", "please cancel"})
  void cancel_typed_at_move_or_cancel_cancels_the_appointment_not_the_question(String text) {
    ChatScript chat = clinic();
    chat.tap("ar");
    chat.say("ما اقدر اجي بكرة");
    chat.say("1");
    assertThat(chat.node()).isEqualTo("resched_how");
    chat.say(text);
    assertThat(chat.node()).as("found by talking to the running service: «الغيه» left the question")
        .isEqualTo("cancel_confirm");
  }
}
