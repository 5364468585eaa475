package io.moeen.chatbot.engine;

import io.moeen.chatbot.language.ClinicCatalogue;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live engine reads every message against the clinic's own catalogue (what
 * {@code ChatActions.catalogue} answers; in service, the scheduling catalogue's lists) — the same
 * way the intent model is trained and benched — so a service or doctor the clinic has is recognised
 * even when the corpus clinic never had it: the demo clinic's «حشوة سن» (Dental filling) and Dr. Huda
 * Al-Qarni (db/demo/050-dental-demo.sql) are in no corpus line and not in the corpus clinic.
 */
class ClinicCatalogueConversationTest {
  static final JsonObject SLOT = new JsonObject().put("startsAt", "2026-11-02T06:00:00Z").put("doctorId", "dr-huda")
      .put("locationId", "loc-1").put("serviceId", "svc-filling");
  /** The demo clinic as the scheduling lists give it: name in the asked language, nameAr and nameEn. */
  static final ClinicCatalogue DEMO_CLINIC = ClinicCatalogue.fromCatalogue(
      new JsonArray()
          .add(item("svc-consult", "general_consultation", "كشف عام", "General consultation"))
          .add(item("svc-filling", "dental_filling", "حشوة سن", "Dental filling"))
          .add(item("svc-scaling", "dental_scaling", "تنظيف الأسنان وتلميعها", "Scaling and polishing")),
      new JsonArray()
          .add(item("dr-khalid", null, "خالد العتيبي", "Khalid Al-Otaibi"))
          .add(item("dr-huda", null, "هدى القرني", "Huda Al-Qarni")),
      new JsonArray().add(item("loc-1", "riyadh_olaya", "فرع العليا - الرياض", "Olaya branch, Riyadh")));

  ChatScript chat;

  static JsonObject item(String id, String code, String ar, String en) {
    return new JsonObject().put("id", id).put("code", code).put("name", ar).put("nameAr", ar).put("nameEn", en);
  }

  @BeforeEach
  void clinic() {
    chat = ChatScript.web(Flows.receptionist());
    JsonArray services = FakeActions.options(
        "service1", "كشف عام", "svc-consult",
        "service2", "حشوة سن", "svc-filling",
        "service3", "تنظيف الأسنان وتلميعها", "svc-scaling");
    chat.actions
        .sets("list_services", new JsonObject().put("services", services).put("servicesText", "• كشف عام — 150 ريال"))
        .answers("list_doctors", scope -> new JsonObject().put("doctors", "svc-consult".equals(scope.getString("service"))
            ? FakeActions.options("any", "أي طبيب متاح", "any", "doctor1", "د. خالد العتيبي", "dr-khalid",
                "doctor2", "د. هدى القرني", "dr-huda")
            : FakeActions.options("any", "أي طبيب متاح", "any", "doctor2", "د. هدى القرني", "dr-huda",
                "doctor3", "د. سعد الغامدي", "dr-saad")))
        .sets("find_slots", new JsonObject().put("slots", new JsonArray()
            .add(new JsonObject().put("id", "slot1").put("title", "09:00").put("value", SLOT))).put("slotCount", 1));
  }

  @Test
  void the_catalogue_lists_both_languages_names_of_each_service_doctor_and_branch() {
    assertThat(DEMO_CLINIC.services().get(1).names()).containsExactly("حشوة سن", "Dental filling");
    assertThat(DEMO_CLINIC.doctors().get(1).names()).containsExactly("هدى القرني", "Huda Al-Qarni");
    assertThat(DEMO_CLINIC.branches().get(0).id()).isEqualTo("loc-1");
  }

  @Test
  void a_service_only_this_clinic_has_named_at_the_menu_books_it() {
    chat.actions.clinic(DEMO_CLINIC);
    chat.greet();
    chat.tap("ar");
    chat.say("حشوة سن بكرة");
    assertThat(chat.actions.names()).contains("list_services", "list_doctors");
    assertThat(chat.actions.last("list_doctors").scope().getString("service")).isEqualTo("svc-filling");
    assertThat(chat.node()).isEqualTo("book_pick_doctor");
    assertThat(chat.texts().get(0)).startsWith("تمام، فهمت:").contains("حشوة سن");
  }

  @Test
  void a_doctor_only_this_clinic_has_named_in_english_is_recognised() {
    chat.actions.clinic(DEMO_CLINIC)
        .sets("list_services", new JsonObject().put("services", FakeActions.options(
            "service1", "General consultation", "svc-consult",
            "service2", "Dental filling", "svc-filling",
            "service3", "Scaling and polishing", "svc-scaling")).put("servicesText", "• …"))
        .sets("list_doctors", new JsonObject().put("doctors", FakeActions.options(
            "any", "Any available doctor", "any", "doctor2", "Dr. Huda Al-Qarni", "dr-huda",
            "doctor3", "Dr. Saad Al-Ghamdi", "dr-saad")));
    chat.greet();
    chat.tap("en");
    chat.say("dental filling with dr huda tomorrow");
    assertThat(chat.node()).isEqualTo("book_pick_slot");
    JsonObject asked = chat.actions.last("find_slots").scope();
    assertThat(asked.getString("service")).isEqualTo("svc-filling");
    assertThat(asked.getString("doctor")).isEqualTo("dr-huda");
    assertThat(asked.getString("date")).isEqualTo("2026-11-02");
  }

  @Test
  void a_service_nobody_gives_typed_in_english_is_the_offered_one_its_arabic_name_describes() {
    // the demo's «تنظيف الأسنان» ("Dental cleaning") has no doctor; its Arabic name's words are the offered «تنظيف الأسنان
    // وتلميعها» ("Scaling and polishing"), which shares no English word with it
    ClinicCatalogue withCleaning = ClinicCatalogue.fromCatalogue(
        new JsonArray()
            .add(item("svc-consult", "general_consultation", "كشف عام", "General consultation"))
            .add(item("svc-cleaning", "dental_cleaning", "تنظيف الأسنان", "Dental cleaning"))
            .add(item("svc-scaling", "dental_scaling", "تنظيف الأسنان وتلميعها", "Scaling and polishing")),
        new JsonArray().add(item("dr-huda", null, "هدى القرني", "Huda Al-Qarni")),
        new JsonArray().add(item("loc-1", "riyadh_olaya", "فرع العليا - الرياض", "Olaya branch, Riyadh")));
    chat.actions.clinic(withCleaning)
        .sets("list_services", new JsonObject().put("services", FakeActions.options(
            "service1", "General consultation", "svc-consult",
            "service3", "Scaling and polishing", "svc-scaling")).put("servicesText", "• …"))
        .sets("list_doctors", new JsonObject().put("doctors", FakeActions.options("doctor2", "Dr. Huda Al-Qarni", "dr-huda")));
    chat.greet();
    chat.tap("en");
    chat.say("I'd like to book");
    chat.say("a dental cleaning please");
    assertThat(chat.actions.last("list_doctors").scope().getString("service")).as(String.join("\n", chat.texts())).isEqualTo("svc-scaling");
    assertThat(chat.texts().get(0)).as("taken under another name: said which").contains("Scaling and polishing");
    assertThat(String.join("\n", chat.texts())).doesNotContain("can't be booked");
  }

  @Test
  void without_the_clinics_catalogue_the_same_message_is_not_understood_at_the_menu() {
    // what the engine did before it read with the clinic's catalogue (ClinicCatalogue.empty())
    chat.greet();
    chat.tap("ar");
    chat.say("حشوة سن بكرة");
    assertThat(chat.actions.names()).doesNotContain("list_services");
    assertThat(chat.node()).isEqualTo("menu");
  }
}
