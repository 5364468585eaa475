package io.moeen.notifications;

import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationRendererTest {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  static final NotificationRenderer RENDERER = new NotificationRenderer(List.of(
      new NotificationTemplate("appointment_booked", "in_app", "ar", "تم حجز موعدك", "تم حجز موعدك يوم {startsAt}."),
      new NotificationTemplate("appointment_booked", "in_app", "en", "Your appointment is booked",
          "Your appointment is booked for {startsAt}."),
      new NotificationTemplate("lead_assigned", "in_app", "ar", "عميل محتمل جديد",
          "أُسند إليك عميل محتمل جديد: {leadName}، رقم الجوال {leadPhone}."),
      new NotificationTemplate("appointment_cancelled", "sms", "en", null, "Your appointment on {startsAt} is cancelled.")),
      SupportedLocale.EN, DigitStyle.ARABIC_INDIC);

  // 22:30 UTC on 1 March is already 2 March in Riyadh
  static final JsonObject LATE_EVENING_UTC = new JsonObject().put("appointmentId", "a1")
      .put("startsAt", "2026-03-01T22:30:00Z");

  @Test
  void english_booking_reads_the_time_in_riyadh_on_the_next_day() {
    RenderedNotification r = RENDERER.render("appointment_booked", "in_app", "en", LATE_EVENING_UTC, RIYADH);
    assertThat(r.title()).isEqualTo("Your appointment is booked");
    assertThat(r.body()).isEqualTo("Your appointment is booked for Monday, March 2, 2026 at 1:30\u202FAM.");
    assertThat(r.fellBack()).isFalse();
  }

  @Test
  void arabic_booking_shows_the_hijri_date_beside_the_gregorian_one() {
    RenderedNotification r = RENDERER.render("appointment_booked", "in_app", "ar", LATE_EVENING_UTC, RIYADH);
    assertThat(r.title()).isEqualTo("تم حجز موعدك");
    assertThat(r.body()).isEqualTo("تم حجز موعدك يوم الاثنين، ٢ مارس ٢٠٢٦ في ١:٣٠ ص (١٣ رمضان ١٤٤٧ هـ).");
    assertThat(r.locale()).isEqualTo("ar");
  }

  @Test
  void a_clinic_that_writes_latin_digits_gets_them_in_arabic_text_and_in_the_hijri_date() {
    NotificationRenderer latin = new NotificationRenderer(List.of(
        new NotificationTemplate("appointment_booked", "in_app", "ar", "تم حجز موعدك",
            "تم حجز موعدك يوم {startsAt}، رقم الحجز {number}.")), SupportedLocale.EN, DigitStyle.LATIN);
    RenderedNotification r = latin.render("appointment_booked", "in_app", "ar",
        LATE_EVENING_UTC.copy().put("number", 1234), RIYADH);
    assertThat(r.body()).isEqualTo("تم حجز موعدك يوم الاثنين، 2 مارس 2026 في 1:30 ص (13 رمضان 1447 هـ)، رقم الحجز 1,234.");
  }

  /** The packaged wording of changeset 040 (every channel shares it): what the chat's confirmation shows. */
  static final String BOOKED_AR = """
      تم حجز موعدك: {serviceAr} مع د. {doctorAr}
      يوم {startsAt} بتوقيت العيادة
      الفرع: {branchAr}
      السعر: {price} {currency}
      إن احتجت إلى إلغائه أو تغييره فيمكنك ذلك من التطبيق أو بمراسلتنا. نراك قريبًا.""";
  static final String BOOKED_EN = """
      Your appointment is booked for {startsAt} ({startsAtHijri}), clinic time: {serviceEn} with Dr. {doctorEn}
      Branch: {branchEn}
      Price: {price} {currency}
      You can cancel or move it in the app or by messaging us. See you soon.""";
  static final JsonObject BOOKED = LATE_EVENING_UTC.copy().put("serviceAr", "تنظيف الأسنان").put("serviceEn", "Dental cleaning")
      .put("doctorAr", "مها الشهري").put("doctorEn", "Maha Al-Shehri")
      .put("branchAr", "فرع العليا — طريق الملك فهد").put("branchEn", "Olaya branch — King Fahd Road")
      .put("price", 250.00).put("currency", "SAR");

  @Test
  void the_booking_confirmation_names_service_doctor_day_hijri_date_branch_address_and_price_in_arabic() {
    NotificationRenderer renderer = new NotificationRenderer(List.of(
        new NotificationTemplate("appointment_booked", "whatsapp", "ar", null, BOOKED_AR)), SupportedLocale.AR,
        DigitStyle.ARABIC_INDIC);
    RenderedNotification r = renderer.render("appointment_booked", "whatsapp", "ar", BOOKED, RIYADH);
    assertThat(r.body()).isEqualTo("""
        تم حجز موعدك: تنظيف الأسنان مع د. مها الشهري
        يوم الاثنين، ٢ مارس ٢٠٢٦ في ١:٣٠ ص (١٣ رمضان ١٤٤٧ هـ) بتوقيت العيادة
        الفرع: فرع العليا — طريق الملك فهد
        السعر: ٢٥٠ ⁨SAR⁩
        إن احتجت إلى إلغائه أو تغييره فيمكنك ذلك من التطبيق أو بمراسلتنا. نراك قريبًا.""");
  }

  @Test
  void the_booking_confirmation_in_english_has_the_hijri_date_beside_the_gregorian_one() {
    NotificationRenderer renderer = new NotificationRenderer(List.of(
        new NotificationTemplate("appointment_booked", "sms", "en", null, BOOKED_EN)), SupportedLocale.AR,
        DigitStyle.ARABIC_INDIC);
    RenderedNotification r = renderer.render("appointment_booked", "sms", "en", BOOKED, RIYADH);
    assertThat(r.body()).isEqualTo("""
        Your appointment is booked for Monday, March 2, 2026 at 1:30 AM (Ramadan 13, 1447 AH), clinic time: Dental cleaning with Dr. Maha Al-Shehri
        Branch: Olaya branch — King Fahd Road
        Price: 250 SAR
        You can cancel or move it in the app or by messaging us. See you soon.""");
  }

  @Test
  void a_whatsapp_template_parameter_may_be_the_hijri_date_of_an_instant() {
    assertThat(NotificationRenderer.formatValue(BOOKED, "startsAtHijri", SupportedLocale.EN, RIYADH, DigitStyle.LATIN))
        .isEqualTo("Ramadan 13, 1447 AH");
    assertThat(NotificationRenderer.formatValue(BOOKED, "startsAtHijri", SupportedLocale.AR, RIYADH, DigitStyle.LATIN))
        .isEqualTo("13 رمضان 1447 هـ");
  }

  @Test
  void latin_names_and_phone_numbers_are_isolated_inside_arabic_text() {
    RenderedNotification r = RENDERER.render("lead_assigned", "in_app", "ar",
        new JsonObject().put("leadName", "John Smith").put("leadPhone", "+966501234567"), RIYADH);
    assertThat(r.body()).isEqualTo(
        "أُسند إليك عميل محتمل جديد: \u2068John Smith\u2069، رقم الجوال \u2068+966501234567\u2069.");
  }

  @Test
  void arabic_names_are_not_isolated() {
    RenderedNotification r = RENDERER.render("lead_assigned", "in_app", "ar",
        new JsonObject().put("leadName", "سارة").put("leadPhone", null), RIYADH);
    assertThat(r.body()).isEqualTo("أُسند إليك عميل محتمل جديد: سارة، رقم الجوال —.");
  }

  @Test
  void a_missing_language_falls_back_to_the_default_and_says_why() {
    RenderedNotification r = RENDERER.render("appointment_cancelled", "sms", "ar", LATE_EVENING_UTC, RIYADH);
    assertThat(r.locale()).isEqualTo("en");
    assertThat(r.body()).isEqualTo("Your appointment on Monday, March 2, 2026 at 1:30\u202FAM is cancelled.");
    assertThat(r.fallbackReason()).isEqualTo("no sms template for appointment_cancelled in ar");
  }

  @Test
  void no_template_in_any_language_renders_nothing_and_says_why() {
    RenderedNotification r = RENDERER.render("unknown_event", "in_app", "ar", new JsonObject(), RIYADH);
    assertThat(r.body()).isNull();
    assertThat(r.fallbackReason()).isEqualTo("no in_app template for unknown_event in ar nor in en");
  }
}
