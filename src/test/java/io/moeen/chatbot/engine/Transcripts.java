package io.moeen.chatbot.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Prints five conversations as the engine now reads them (for docs and the report): run with exec:java. */
public final class Transcripts {
  private Transcripts() {}

  public static void main(String[] args) {
    show("ar", List.of("السلام عليكم", "ابي موعد تنظيف اسنان بكرة العصر مع د. خالد", "4 العصر", "0551234567", "ايه"));
    show("en", List.of("hi", "English", "book me a cardiology consultation on thursday", "the second one", "10:00"));
    show("ar", List.of("salam", "abi maw3ed bukra el 3asr", "tanzeef asnan", "dr khalid", "4"));
    show("ar", List.of("هلا", "عربي", "ابي احجز", "ابي تنظيف اسنان", "كم السعر؟", "د. فيصل", "الخميس"));
    show("ar", List.of("هلا", "عربي", "ما اقدر اجي بكرة", "1", "الخميس", "الاول"));
  }

  static void show(String locale, List<String> lines) {
    ChatScript chat = ChatScript.web(Flows.receptionist());
    JsonArray services = FakeActions.options("service1", "كشف عام", "svc-consult", "service2", "تنظيف الأسنان", "svc-clean",
        "service3", "استشارة قلب", "svc-cardio");
    services.getJsonObject(1).put("code", "dental_cleaning");
    JsonObject slot = new JsonObject().put("startsAt", "2026-11-02T13:00:00Z").put("doctorId", "dr-khalid");
    chat.actions.sets("list_services", new JsonObject().put("services", services).put("servicesText",
            "• كشف عام — 150 ريال\n• تنظيف الأسنان — 250 ريال\n• استشارة قلب — 350 ريال"))
        .sets("list_doctors", new JsonObject().put("doctors", FakeActions.options("any", "أي طبيب متاح", "any",
            "doctor1", "د. خالد العتيبي", "dr-khalid", "doctor2", "د. فيصل الدوسري", "dr-faisal")))
        .sets("find_slots", new JsonObject().put("slots", new JsonArray()
            .add(new JsonObject().put("id", "slot1").put("title", "10:00").put("value", slot))
            .add(new JsonObject().put("id", "slot2").put("title", "16:00").put("value", slot))).put("slotCount", 2))
        .sets("identify_contact", new JsonObject().put("patientId", "p-1"))
        .sets("list_my_appointments", new JsonObject().put("appointmentCount", 1).put("appointments", new JsonArray()
            .add(new JsonObject().put("id", "appointment1").put("title", "الاثنين 2 نوفمبر 09:00")
                .put("description", "كشف عام – د. خالد العتيبي").put("value", new JsonObject().put("id", "a-1")))))
        .sets("find_slots_for_appointment", new JsonObject().put("slots", new JsonArray()
            .add(new JsonObject().put("id", "slot1").put("title", "10:00").put("value", slot))).put("slotCount", 1))
        .sets("reschedule_appointment", new JsonObject().put("appointmentTime", "الخميس 5 نوفمبر 2026 10:00"))
        .sets("book_appointment", new JsonObject().put("appointmentId", "a-2").put("appointmentTime", "الاثنين 2 نوفمبر 2026 16:00")
            .put("patientId", "p-1").put("bookedIds", new JsonArray().add("a-2")));
    System.out.println("----");
    print(chat.greet());
    for (String line : lines) {
      System.out.println("👤 " + line);
      print(chat.say(line));
    }
  }

  private static void print(List<BotReply> replies) {
    for (BotReply r : replies) {
      String extra = r.payload().containsKey("buttons") ? " " + r.payload().getJsonArray("buttons").stream()
          .map(b -> "[" + ((JsonObject) b).getString("title") + "]").toList()
          : r.payload().containsKey("list") ? " " + r.payload().getJsonObject("list").getJsonArray("rows").stream()
          .map(b -> "[" + ((JsonObject) b).getString("title") + "]").toList() : "";
      System.out.println("🤖 " + r.text().replace("\n", " / ") + extra);
    }
  }
}
