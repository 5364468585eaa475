package io.moeen.scheduling.slots;

import static io.moeen.scheduling.SchedulingDemo.DENTAL_CLEANING;
import static io.moeen.scheduling.SchedulingDemo.FAISAL;
import static io.moeen.scheduling.SchedulingDemo.FOLLOW_UP;
import static io.moeen.scheduling.SchedulingDemo.GENERAL_CONSULTATION;
import static io.moeen.scheduling.SchedulingDemo.KHALID;
import static io.moeen.scheduling.SchedulingDemo.MAHA;
import static io.moeen.scheduling.SchedulingDemo.RIYADH_OLAYA;
import static io.moeen.scheduling.SchedulingDemo.appointment;
import static io.moeen.scheduling.SchedulingDemo.riyadh;
import static io.moeen.scheduling.SchedulingDemo.sunday;
import static org.assertj.core.api.Assertions.assertThat;

import io.moeen.scheduling.SchedulingAddresses;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.FeatureHarness;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Free slots and the internal slot addresses against the demo clinic: only the slots verticle, asked
 * over the bus on real PostgreSQL. Refusals as HTTP statuses and localized titles are SlotsApiTest's.
 */
class SlotsTest {
  private static FeatureHarness app;

  @BeforeAll
  static void start() {
    app = FeatureHarness.start("slots", pool -> List.of(new SlotsVerticle(pool, FeatureHarness.ZONE, Clock.systemUTC())));
    app.asOwner("DELETE FROM clinic_holidays");
    app.asOwner("DELETE FROM ramadan_hours");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** The query string of GET /v1/slots, as the envelope's params. */
  static JsonObject slots(String lang, String query) {
    FeatureHarness.Caller caller = app.anonymous().locale(lang);
    for (String pair : query.split("&")) {
      String[] nameValue = pair.split("=", 2);
      caller = caller.param(nameValue[0], URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
    }
    return caller.sendForObject(SchedulingAddresses.SLOTS_LIST);
  }

  static String day(LocalDate date) {
    return "from=" + date + "&to=" + date.plusDays(1);
  }

  static List<String> starts(JsonObject response) {
    return response.getJsonArray("items").stream()
        .map(item -> ((JsonObject) item).getString("startsAt")).toList();
  }

  static String at(LocalDate date, String time) {
    return date + "T" + time + ":00+03:00";
  }

  @Nested
  class One_doctor {
    @Test
    void khalid_offers_a_grid_in_both_blocks_of_a_sunday_leaving_room_for_the_buffer() {
      LocalDate sunday = sunday(0);
      var response = slots("en", "serviceId=" + GENERAL_CONSULTATION + "&doctorId=" + KHALID + "&locationId=" + RIYADH_OLAYA
          + "&" + day(sunday));
      List<String> starts = starts(response);
      // 09:00–12:15 (12:15 + 30 + 5 buffer = 12:50; 12:30 would end its buffer at 13:05) and 16:00–20:15
      assertThat(starts).hasSize(14 + 18);
      assertThat(starts.get(0)).isEqualTo(at(sunday, "09:00"));
      assertThat(starts.get(13)).isEqualTo(at(sunday, "12:15"));
      assertThat(starts.get(14)).isEqualTo(at(sunday, "16:00"));
      assertThat(starts.get(31)).isEqualTo(at(sunday, "20:15"));
      JsonObject first = response.getJsonArray("items").getJsonObject(0);
      assertThat(first.getString("endsAt")).isEqualTo(at(sunday, "09:30"));
      assertThat(first.getString("startsAtLocal")).isEqualTo(sunday + "T09:00:00");
      assertThat(first.getString("doctorId")).isEqualTo(KHALID.toString());
      assertThat(first.getString("doctorName")).isEqualTo("Khalid Al-Otaibi");
      assertThat(first.getString("locationId")).isEqualTo(RIYADH_OLAYA.toString());
      assertThat(first.getString("serviceId")).isEqualTo(GENERAL_CONSULTATION.toString());
      assertThat(first.containsKey("inTimeZone")).isFalse();
    }

    @Test
    void the_doctor_name_comes_in_arabic_and_times_also_in_the_callers_zone() {
      LocalDate sunday = sunday(0);
      var response = slots("ar", "serviceId=" + GENERAL_CONSULTATION + "&doctorId=" + KHALID + "&" + day(sunday)
          + "&timeZone=Europe/Berlin");
      JsonObject first = response.getJsonArray("items").getJsonObject(0);
      assertThat(first.getString("doctorName")).isEqualTo("خالد العتيبي");
      Instant nine = riyadh(sunday, "09:00");
      JsonObject inBerlin = first.getJsonObject("inTimeZone");
      assertThat(inBerlin.getString("timeZone")).isEqualTo("Europe/Berlin");
      assertThat(inBerlin.getString("startsAt")).isEqualTo(OffsetDateTime.ofInstant(nine, ZoneId.of("Europe/Berlin"))
          .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME));
      assertThat(OffsetDateTime.parse(inBerlin.getString("endsAt")).toInstant())
          .isEqualTo(OffsetDateTime.parse(first.getString("endsAt")).toInstant());
    }

    @Test
    void booked_time_and_its_buffer_are_not_offered_but_back_to_back_is() {
      LocalDate sunday = sunday(1);
      // 10:00–10:30 with 5 minutes after: busy until 10:35
      app.asOwner(appointment(DemoAccounts.REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, riyadh(sunday, "10:00"), 30, 5));
      List<String> starts = starts(slots("en", "serviceId=" + FOLLOW_UP + "&doctorId=" + KHALID + "&locationId="
          + RIYADH_OLAYA + "&" + day(sunday)));
      // follow-up: 15 minutes, no buffers; 09:45–10:00 ends as the appointment starts
      assertThat(starts).contains(at(sunday, "09:45"), at(sunday, "10:45"))
          .doesNotContain(at(sunday, "10:00"), at(sunday, "10:15"), at(sunday, "10:30"));
    }

    @Test
    void a_closed_date_and_a_holiday_have_no_slots() {
      LocalDate closed = sunday(2);
      LocalDate holiday = sunday(3);
      app.asOwner("INSERT INTO availability_overrides (doctor_id, location_id, on_date, is_closed) VALUES ('" + KHALID
          + "', '" + RIYADH_OLAYA + "', '" + closed + "', true)");
      app.asOwner("INSERT INTO clinic_holidays (location_id, starts_on, ends_on, name_ar, name_en) VALUES ('" + RIYADH_OLAYA
          + "', '" + holiday + "', '" + holiday + "', 'إجازة', 'Holiday')");
      String khalid = "serviceId=" + FOLLOW_UP + "&doctorId=" + KHALID + "&locationId=" + RIYADH_OLAYA + "&";
      assertThat(starts(slots("en", khalid + day(closed)))).isEmpty();
      assertThat(starts(slots("en", khalid + day(holiday)))).isEmpty();
      assertThat(starts(slots("en", khalid + day(holiday.minusDays(6))))).isNotEmpty(); // Monday before
    }

    @Test
    void defaults_are_from_now_for_seven_days() {
      Instant before = Instant.now();
      JsonObject body = slots("en", "serviceId=" + FOLLOW_UP + "&doctorId=" + KHALID);
      Instant from = Instant.parse(body.getString("from"));
      assertThat(from).isBetween(before.minusSeconds(1), Instant.now());
      assertThat(Instant.parse(body.getString("to"))).isEqualTo(from.plus(Duration.ofDays(7)));
      // nothing sooner than the two hours' notice
      body.getJsonArray("items").forEach(item -> assertThat(OffsetDateTime.parse(((JsonObject) item).getString("startsAt"))
          .toInstant()).isAfterOrEqualTo(from.plus(Duration.ofMinutes(120))));
    }

    @Test
    void a_service_no_doctor_offers_has_no_slots() {
      assertThat(starts(slots("en", "serviceId=" + DENTAL_CLEANING + "&" + day(sunday(0))))).isEmpty();
    }
  }

  @Nested
  class Any_doctor {
    @Test
    void each_start_time_is_offered_once_per_location() {
      JsonArray items = slots("en", "serviceId=" + FOLLOW_UP + "&" + day(sunday(0))).getJsonArray("items");
      var seen = new HashSet<String>();
      items.forEach(item -> assertThat(seen.add(((JsonObject) item).getString("locationId") + ((JsonObject) item).getString("startsAt"))).isTrue());
      // Sunday in Riyadh: Khalid 09–13 and Maha 09–14 (09:00–13:45), Khalid and Faisal 16–21 (16:00–20:45)
      assertThat(items).hasSize(20 + 20);
    }

    @Test
    void the_doctor_with_fewer_appointments_that_day_is_chosen_ties_in_a_stable_order() {
      LocalDate quiet = sunday(4);
      LocalDate busy = sunday(5);
      app.asOwner(appointment(DemoAccounts.MOHAMMED_PATIENT_ID, KHALID, FOLLOW_UP, riyadh(busy, "20:00"), 15, 0));
      String query = "serviceId=" + FOLLOW_UP + "&locationId=" + RIYADH_OLAYA + "&from=";
      JsonObject tie = slots("en", query + at(quiet, "09:00").replace("+", "%2B") + "&to=" + quiet.plusDays(1))
          .getJsonArray("items").getJsonObject(0);
      assertThat(tie.getString("doctorId")).isEqualTo(KHALID.toString());
      JsonArray onBusyDay = slots("en", query + busy + "&to=" + busy.plusDays(1)).getJsonArray("items");
      assertThat(onBusyDay.getJsonObject(0).getString("doctorId")).isEqualTo(MAHA.toString());
      assertThat(onBusyDay.stream().map(i -> ((JsonObject) i).getString("doctorId")))
          .doesNotContain(KHALID.toString()).contains(FAISAL.toString());
    }
  }

  @Nested
  class Internal_addresses {
    JsonObject ask(String address, JsonObject body) {
      return app.vertx().eventBus().<JsonObject>request(address, body).await().body();
    }

    @Test
    void check_says_whether_a_start_time_can_be_booked_and_why_not() {
      LocalDate sunday = sunday(6);
      JsonObject wanted = new JsonObject().put("serviceId", GENERAL_CONSULTATION.toString()).put("doctorId", KHALID.toString())
          .put("locationId", RIYADH_OLAYA.toString()).put("startsAt", riyadh(sunday, "09:00").toString());
      JsonObject free = ask(SchedulingAddresses.SLOTS_CHECK, wanted);
      assertThat(free.getBoolean("bookable")).isTrue();
      assertThat(free.getString("endsAt")).isEqualTo(riyadh(sunday, "09:30").toString());
      assertThat(free.getString("blockedUntil")).isEqualTo(riyadh(sunday, "09:35").toString());
      assertThat(ask(SchedulingAddresses.SLOTS_CHECK, wanted.copy().put("startsAt", riyadh(sunday, "09:05").toString()))
          .getString("reason")).isEqualTo("slot_not_on_grid");
      assertThat(ask(SchedulingAddresses.SLOTS_CHECK, wanted.copy().put("startsAt", riyadh(sunday, "14:00").toString()))
          .getString("reason")).isEqualTo("slot_outside_availability");
    }

    @Test
    void next_gives_the_first_free_slots_after_a_time() {
      LocalDate sunday = sunday(6);
      JsonObject next = ask(SchedulingAddresses.SLOTS_NEXT, new JsonObject().put("serviceId", GENERAL_CONSULTATION.toString())
          .put("doctorId", KHALID.toString()).put("after", riyadh(sunday, "12:10").toString()).put("count", 3));
      assertThat(next.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("startsAt")))
          .containsExactly(at(sunday, "12:15"), at(sunday, "16:00"), at(sunday, "16:15"));
    }
  }
}
