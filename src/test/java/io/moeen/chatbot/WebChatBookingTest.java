package io.moeen.chatbot;

import io.moeen.common.i18n.Digits;
import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole web conversations, from the greeting to an appointment in the database and its confirmation in the outbox. */
class WebChatBookingTest {
  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("chat-booking");
    app.asOwner(SchedulingDemo.PLAIN_CALENDAR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  @DisplayName("A service only this clinic has, named at the menu, starts its booking: the live engine reads with the clinic's catalogue")
  void a_service_of_the_clinics_own_catalogue_named_at_the_menu_starts_its_booking() {
    // «حشوة سن» (db/demo/050-dental-demo.sql) is in no corpus line and not in the corpus clinic
    WebChatScript chat = new WebChatScript(app, "ar").open(new JsonObject());
    chat.say("عربي");
    chat.say("حشوة سن بكرة");
    assertThat(chat.said()).contains("تمام، فهمت").contains("حشوة سن").doesNotContain("ما فهمت");
  }

  @Test
  @DisplayName("The services answer names every service with its price, the ones no doctor gives too; booking offers only those some doctor gives, and a typed name is the offered service it describes")
  void the_price_list_names_every_service_and_booking_offers_the_ones_a_doctor_gives() {
    WebChatScript chat = new WebChatScript(app, "ar").open(new JsonObject());
    chat.say("عربي");
    chat.say("وش الخدمات اللي عندكم؟");
    assertThat(chat.said()).contains("خدماتنا وأسعارها").contains("تنظيف الأسنان").contains("كشف عام");
    chat.say("ابي احجز");
    assertThat(chat.options()).extracting(o -> o.getString("value")).isNotEmpty()
        .doesNotContain(SchedulingDemo.DENTAL_CLEANING.toString());
    // typed anyway: not «حشوة سن» (one word alike), but the offered service the words describe — the dental demo's
    // «تنظيف الأسنان وتلميعها», which Dr. Huda gives
    chat.say("تنظيف اسنان");
    assertThat(chat.said()).contains("هدى").doesNotContain("ما نقدر نحجزها").doesNotContain("ما فهمت");

    WebChatScript english = new WebChatScript(app, "en").open(new JsonObject().put("locale", "en"));
    english.tap("en");
    english.say("I'd like to book");
    // the service no doctor gives, whose own Arabic name «تنظيف الأسنان» the offered «تنظيف الأسنان وتلميعها» has: that one
    english.say("a dental cleaning please");
    assertThat(english.said()).contains("Scaling and polishing").contains("Huda").doesNotContain("can't be booked")
        .doesNotContain("didn't");

    WebChatScript priced = new WebChatScript(app, "ar").open(new JsonObject());
    priced.say("عربي");
    priced.say("ابي احجز كشف عام");
    assertThat(priced.said()).contains("أي يوم");
    priced.say("كم سعر تخطيط القلب؟"); // the named service's price (the live ids are not codes), then the booking resumes
    assertThat(priced.said()).contains("تخطيط القلب — 120").doesNotContain("خدماتنا وأسعارها").doesNotContain("كشف عام —");
    priced.say("طيب لا، ابي تخطيط القلب بدال الكشف"); // another service: the booking again with it, its only doctor said
    assertThat(priced.said()).contains("تمام، فهمت: تخطيط القلب").contains("فيصل").contains("أي يوم")
        .doesNotContain("ما فهمت");

    WebChatScript oneMessage = new WebChatScript(app, "ar").open(new JsonObject());
    oneMessage.say("عربي");
    oneMessage.say("ابي موعد تنظيف اسنان بكرة"); // the issue's own words, all in one message: the offered cleaning
    assertThat(oneMessage.said()).contains("تمام، فهمت: تنظيف الأسنان وتلميعها").doesNotContain("ما نقدر نحجزها")
        .doesNotContain("أي خدمة");
  }

  @Test
  @DisplayName("An Arabic visitor books a general consultation by typing, from greeting to booked")
  void arabic_visitor_books_from_greeting_to_booked() {
    LocalDate day = SchedulingDemo.sunday(1);
    WebChatScript chat = new WebChatScript(app, "ar").open(new JsonObject().put("utm",
        new JsonObject().put("source", "instagram").put("campaign", "winter")));
    assertThat(chat.said()).contains("معين");
    assertThat(chat.options()).extracting(o -> o.getString("id")).containsExactly("ar", "en");

    chat.say("عربي");
    assertThat(chat.said()).contains("وش أقدر أخدمك");
    assertThat(chat.options()).hasSize(8);

    chat.say("أبغى أحجز موعد");
    assertThat(chat.said()).contains("أي خدمة");
    // the demo's dental cleaning has no doctor: it is not offered for booking, but the price list still names it
    assertThat(chat.options()).extracting(o -> o.getString("title")).contains("كشف عام").doesNotContain("تنظيف الأسنان");
    chat.say("كشف عام");
    // one doctor gives the general consultation: the bot does not ask which doctor, it says who
    assertThat(chat.said()).contains("هذه الخدمة عندنا مع خالد العتيبي فقط").contains("أي يوم")
        .doesNotContain("دكتور معيّن");
    chat.say("أمس");
    assertThat(chat.said()).contains("ما فهمت اليوم");
    chat.say(Digits.toArabicIndic(day.toString()));
    assertThat(chat.said()).contains("المواعيد المتاحة");
    assertThat(chat.options().get(0).getString("title")).isEqualTo("09:00");
    chat.tap("slot1");
    assertThat(chat.said()).contains("رقم جوالك");
    chat.say("05512345");
    assertThat(chat.said()).contains("الرقم ما ضبط");
    chat.say("٠٥٥١٢٣٤٥٦٧");
    assertThat(chat.said()).contains("اسمك");
    chat.say("سارة العتيبي");
    assertThat(chat.said()).contains("عروض");
    chat.tap("no");
    assertThat(chat.said()).contains("أأكد لك الموعد").contains("كشف عام").contains("09:00")
        .contains("هـ").contains("السعر: ").doesNotContain("{slot.");
    chat.tap("yes");
    assertThat(chat.said()).as(chat.toString()).contains("تم حجز موعدك");

    Row booked = one("SELECT a.id, a.status, a.source, a.doctor_id, p.registration_source, p.first_name_ar "
        + "FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE p.phone = $1", "+966551234567");
    assertThat(booked.getString("status")).isEqualTo("pending");
    assertThat(booked.getString("source")).isEqualTo("chatbot");
    assertThat(booked.getUUID("doctor_id")).isEqualTo(SchedulingDemo.KHALID);
    assertThat(booked.getString("registration_source")).isEqualTo("chatbot");
    assertThat(booked.getString("first_name_ar")).isEqualTo("سارة العتيبي");
    Row notice = one("SELECT channel, locale, recipient_phone FROM notifications WHERE event_type = 'appointment_booked' "
        + "AND payload->>'appointmentId' = $1", booked.getUUID("id").toString());
    assertThat(notice.getString("channel")).isEqualTo("whatsapp");
    assertThat(notice.getString("locale")).isEqualTo("ar");
    assertThat(notice.getString("recipient_phone")).isEqualTo("+966551234567");

    // the visitor who gave a number became a lead through crm.leads.capture, UTM kept
    Row lead = one("SELECT l.source, l.utm_source, l.utm_campaign, l.full_name FROM crm_leads l "
        + "JOIN chatbot_conversations c ON c.lead_id = l.id WHERE l.phone = $1", "+966551234567");
    assertThat(lead.getString("source")).isEqualTo("web_chat");
    assertThat(lead.getString("utm_source")).isEqualTo("instagram");
    assertThat(lead.getString("utm_campaign")).isEqualTo("winter");
    assertThat(lead.getString("full_name")).isEqualTo("سارة العتيبي");

    // the visitor may see what this chat booked, and nothing else
    chat.tap("yes");
    chat.say("مواعيدي");
    assertThat(chat.said()).contains("مواعيدك القادمة").contains("كشف عام");
  }

  @Test
  @DisplayName("An English visitor books with buttons and words, and the history keeps every message")
  void english_visitor_books_with_buttons() {
    LocalDate day = SchedulingDemo.sunday(2);
    WebChatScript chat = new WebChatScript(app, "en").open(new JsonObject().put("locale", "en"));
    assertThat(chat.said()).contains("Moeen");
    chat.tap("en");
    assertThat(chat.said()).contains("How can I help");
    chat.say("I'd like to book an appointment");
    assertThat(chat.said()).contains("Which service");
    chat.say("general consultation");
    assertThat(chat.said()).contains("This service is given here by Khalid Al-Otaibi only").contains("Which day");
    chat.say(day.toString());
    assertThat(chat.said()).contains("free");
    chat.say("2");
    assertThat(chat.said()).contains("mobile number");
    chat.say("+966 55 765 4321");
    assertThat(chat.said()).contains("name");
    chat.say("John Carter");
    chat.tap("yes");
    assertThat(chat.said()).contains("Shall I book it").contains("General consultation");
    chat.say("yes");
    assertThat(chat.said()).as(chat.toString()).contains("You're booked");

    Row booked = one("SELECT a.starts_at, p.first_name_en, p.preferred_language FROM appointments a "
        + "JOIN patients p ON p.id = a.patient_id WHERE p.phone = $1", "+966557654321");
    assertThat(booked.getString("first_name_en")).isEqualTo("John Carter");
    assertThat(booked.getString("preferred_language")).isEqualTo("en");
    assertThat(booked.getOffsetDateTime("starts_at").toInstant()).isEqualTo(SchedulingDemo.riyadh(day, "09:15"));
    assertThat(one("SELECT count(*) AS n FROM notifications WHERE event_type = 'appointment_booked' "
        + "AND recipient_phone = $1", "+966557654321").getLong("n")).isEqualTo(1);

    var history = chat.history(chat.sessionId, chat.token);
    assertThat(history.statusCode()).isEqualTo(200);
    List<Object> items = history.bodyAsJsonObject().getJsonArray("items").getList();
    assertThat(items).hasSizeGreaterThan(20);
    assertThat(history.bodyAsJsonObject().getJsonArray("items").getJsonObject(0).getString("author")).isEqualTo("bot");
  }

  static Row one(String sql, Object arg) {
    var rows = app.pool().withTransaction(conn -> conn.query("SELECT set_config('app.patient_access', 'any', true), "
            + "set_config('app.lead_access', 'any', true)")
        .execute().compose(x -> conn.preparedQuery(sql).execute(Tuple.of(arg)))).await();
    assertThat(rows.size()).as(sql).isEqualTo(1);
    return rows.iterator().next();
  }
}
