package io.moeen.scheduling.booking;

import static io.moeen.scheduling.SchedulingDemo.GENERAL_CONSULTATION;
import static io.moeen.scheduling.SchedulingDemo.KHALID;
import static io.moeen.scheduling.SchedulingDemo.PLAIN_CALENDAR;
import static io.moeen.scheduling.booking.BookingApi.body;
import static io.moeen.scheduling.booking.BookingApi.created;
import static io.moeen.scheduling.booking.BookingApi.refused;
import static io.moeen.testing.DemoAccounts.FATIMAH_PATIENT_ID;
import static io.moeen.testing.DemoAccounts.MOHAMMED_PATIENT_ID;
import static io.moeen.testing.DemoAccounts.REEM_PATIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A location in Europe/Berlin answers with +01:00 in winter and +02:00 in summer. */
class BerlinBookingTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final UUID BERLIN_MITTE = UUID.fromString("00000000-0000-4000-c100-0000000000b1");
  private static RunningApp app;
  private static BookingApi api;

  @BeforeAll
  static void start() {
    app = RunningApp.start("booking_berlin");
    app.asOwner(PLAIN_CALENDAR);
    // Khalid sees patients in Berlin on Saturdays; the horizon is widened so a summer and a winter Saturday both fit
    app.asOwner("INSERT INTO clinic_locations (id, code, name_ar, name_en, time_zone, weekend_days) VALUES ('"
        + BERLIN_MITTE + "', 'berlin_mitte', 'فرع برلين', 'Berlin Mitte', 'Europe/Berlin', '{7}')");
    app.asOwner("INSERT INTO availability_blocks (doctor_id, location_id, day_of_week, starts_at, ends_at) VALUES ('"
        + KHALID + "', '" + BERLIN_MITTE + "', 6, '09:00', '13:00')");
    app.asOwner("UPDATE system_settings SET value = '400' WHERE key = 'booking.horizon_days'");
    api = new BookingApi(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** The first Saturday from next week on whose 10:00 in Berlin has this offset. */
  static ZonedDateTime saturdayAtTen(ZoneOffset offset) {
    LocalDate day = LocalDate.now(BERLIN).plusDays(7);
    while (true) {
      day = day.plusDays(1);
      ZonedDateTime ten = day.atTime(LocalTime.of(10, 0)).atZone(BERLIN);
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY && ten.getOffset().equals(offset)) {
        return ten;
      }
    }
  }

  @Test
  void winter_and_summer_bookings_answer_with_berlins_offset_of_the_day() {
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    ZonedDateTime winter = saturdayAtTen(ZoneOffset.ofHours(1));
    ZonedDateTime summer = saturdayAtTen(ZoneOffset.ofHours(2));
    JsonObject w = created(api.book(reception, body(MOHAMMED_PATIENT_ID, KHALID, GENERAL_CONSULTATION, BERLIN_MITTE,
        winter.toInstant())));
    JsonObject s = created(api.book(reception, body(REEM_PATIENT_ID, KHALID, GENERAL_CONSULTATION, BERLIN_MITTE,
        summer.toInstant())));
    assertThat(w.getString("startsAt")).isEqualTo(winter.toLocalDate() + "T10:00:00+01:00");
    assertThat(w.getString("endsAt")).isEqualTo(winter.toLocalDate() + "T10:30:00+01:00");
    assertThat(s.getString("startsAt")).isEqualTo(summer.toLocalDate() + "T10:00:00+02:00");
    assertThat(api.count("SELECT count(*) FROM appointments WHERE starts_at = '" + summer.toInstant() + "'"))
        .isEqualTo(1);
  }

  @Test
  void a_patient_in_another_zone_also_gets_the_times_there_and_a_bad_zone_changes_nothing() {
    String reception = app.loginAs(DemoAccounts.RECEPTIONIST);
    ZonedDateTime winter = saturdayAtTen(ZoneOffset.ofHours(1)).plusWeeks(1);
    JsonObject body = body(FATIMAH_PATIENT_ID, KHALID, GENERAL_CONSULTATION, BERLIN_MITTE, winter.toInstant());
    long before = api.count("SELECT count(*) FROM appointments");

    var badZone = app.send(app.client().post("/v1/appointments?timeZone=Mars/Olympus")
        .putHeader("Authorization", "Bearer " + reception), "ar", "application/json", body.encode());
    refused(badZone, 400, "invalid_time_zone");
    assertThat(api.count("SELECT count(*) FROM appointments")).isEqualTo(before);

    var booked = app.send(app.client().post("/v1/appointments?timeZone=Asia/Riyadh")
        .putHeader("Authorization", "Bearer " + reception), "en", "application/json", body.encode());
    JsonObject appointment = created(booked);
    assertThat(appointment.getString("startsAt")).isEqualTo(winter.toLocalDate() + "T10:00:00+01:00");
    assertThat(appointment.getJsonObject("inTimeZone").getString("timeZone")).isEqualTo("Asia/Riyadh");
    assertThat(appointment.getJsonObject("inTimeZone").getString("startsAt"))
        .isEqualTo(winter.toLocalDate() + "T12:00:00+03:00");
  }
}
