package io.moeen.scheduling.slots;

import static io.moeen.scheduling.SchedulingDemo.CHILD_CHECKUP;
import static io.moeen.scheduling.SchedulingDemo.FOLLOW_UP;
import static io.moeen.scheduling.SchedulingDemo.KHALID;
import static io.moeen.scheduling.SchedulingDemo.sunday;
import static org.assertj.core.api.Assertions.assertThat;

import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** GET /v1/slots refusals over real HTTP: statuses, codes and localized titles. What slots are offered is SlotsTest. */
class SlotsApiTest {
  private static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("slots_api");
    app.asOwner("DELETE FROM clinic_holidays");
    app.asOwner("DELETE FROM ramadan_hours");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static HttpResponse<Buffer> slots(String lang, String query) {
    return app.get("/v1/slots?" + query, lang);
  }

  @Nested
  class Refused {
    final String khalid = "serviceId=" + FOLLOW_UP + "&doctorId=" + KHALID;

    void refused(String query, int status, String code, String arabicTitle) {
      var en = slots("en", query);
      assertThat(en.statusCode()).as(en.bodyAsString()).isEqualTo(status);
      assertThat(en.bodyAsJsonObject().getString("code")).isEqualTo(code);
      var ar = slots("ar", query);
      assertThat(ar.bodyAsJsonObject().getString("title")).isEqualTo(arabicTitle);
    }

    @Test
    void unknown_service_doctor_and_location_are_404_with_their_own_codes() {
      UUID nobody = UUID.randomUUID();
      refused("serviceId=" + nobody, 404, "service_not_found", "الخدمة غير موجودة");
      refused("serviceId=" + FOLLOW_UP + "&doctorId=" + nobody, 404, "doctor_not_found", "الطبيب غير موجود");
      refused(khalid + "&locationId=" + nobody, 404, "location_not_found", "الفرع غير موجود");
    }

    @Test
    void an_inactive_service_is_not_found() {
      app.asOwner("UPDATE services SET is_active = false WHERE code = 'ecg'");
      refused("serviceId=00000000-0000-4000-c300-000000000005", 404, "service_not_found", "الخدمة غير موجودة");
    }

    @Test
    void a_doctor_who_does_not_offer_the_service_is_400() {
      refused("serviceId=" + CHILD_CHECKUP + "&doctorId=" + KHALID, 400, "doctor_does_not_offer_service",
          "الطبيب لا يقدّم هذه الخدمة");
    }

    @Test
    void ranges_longer_than_31_days_or_backwards_are_400() {
      LocalDate sunday = sunday(0);
      refused(khalid + "&from=" + sunday + "&to=" + sunday.plusDays(32), 400, "range_too_long", "المدة المطلوبة طويلة");
      refused(khalid + "&from=" + sunday.plusDays(1) + "&to=" + sunday, 400, "invalid_range", "نطاق زمني غير صالح");
      assertThat(slots("en", khalid + "&from=" + sunday + "&to=" + sunday.plusDays(31)).statusCode()).isEqualTo(200);
    }

    @Test
    void malformed_times_and_zones_are_400_naming_the_field() {
      refused(khalid + "&from=tomorrow", 400, "invalid_instant", "تاريخ ووقت غير صالحين");
      refused(khalid + "&timeZone=Mars/Olympus", 400, "invalid_time_zone", "منطقة زمنية غير معروفة");
      assertThat(slots("en", khalid + "&timeZone=Mars/Olympus").bodyAsJsonObject().getString("field")).isEqualTo("timeZone");
      assertThat(slots("en", "doctorId=" + KHALID).statusCode()).isEqualTo(400); // serviceId is required
    }
  }
}
