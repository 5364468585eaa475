package io.moeen.scheduling.appointments;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.moeen.scheduling.appointments.AppointmentFixtures.path;
import static org.assertj.core.api.Assertions.assertThat;

/** The .ics file read back, as text and through ical4j: lines, zone, Arabic summary, status; and the folding on its own. */
class AppointmentCalendarTest {
  static final UUID AHMED_WITH_KHALID = UUID.fromString("00000000-0000-4000-c400-000000000001");
  static final UUID AISHA_PENDING = UUID.fromString("00000000-0000-4000-c400-000000000006");

  static RunningApp app;

  @BeforeAll
  static void start() {
    app = RunningApp.start("appointment-calendar");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** Unfolded content lines, checking on the way that every physical line ends in CRLF and fits 75 octets. */
  static List<String> contentLines(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    assertThat(text).endsWith("\r\n");
    assertThat(text.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    for (String physical : text.split("\r\n")) {
      assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
    }
    return Arrays.asList(text.replace("\r\n ", "").split("\r\n"));
  }

  @Test
  void the_calendar_file_is_rfc_5545_in_the_location_zone_with_an_arabic_summary() {
    var response = new AppointmentFixtures(app).get(path(AHMED_WITH_KHALID, "calendar.ics"), "ar",
        app.loginAs(DemoAccounts.PATIENT_AHMED));

    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(200);
    assertThat(response.getHeader("Content-Type")).isEqualTo("text/calendar; charset=utf-8");
    List<String> lines = contentLines(response.body().getBytes());
    assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
    assertThat(lines).contains("VERSION:2.0", "BEGIN:VTIMEZONE", "TZID:Asia/Riyadh", "TZOFFSETTO:+0300",
        "UID:" + AHMED_WITH_KHALID + "@moeen", "STATUS:CONFIRMED", "END:VEVENT", "END:VCALENDAR");
    assertThat(lines.stream().filter(l -> l.equals("BEGIN:STANDARD"))).hasSize(1);
    assertThat(lines.stream().filter(l -> l.startsWith("BEGIN:DAYLIGHT"))).isEmpty();
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("DTSTAMP:\\d{8}T\\d{6}Z"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("DTSTART;TZID=Asia/Riyadh:\\d{8}T100000"));
    assertThat(lines).anySatisfy(l -> assertThat(l).matches("DTEND;TZID=Asia/Riyadh:\\d{8}T103000"));
    assertThat(lines).contains("SUMMARY:موعد: كشف عام مع د. خالد العتيبي");
    // the address's commas are escaped
    assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("LOCATION:فرع العليا - الرياض\\, طريق الملك فهد،"));
  }

  @Test
  void a_pending_appointment_is_tentative_and_english_follows_the_request_language() {
    var response = new AppointmentFixtures(app).get(path(AISHA_PENDING, "calendar.ics"), "en",
        app.loginAs(DemoAccounts.RECEPTIONIST));

    List<String> lines = contentLines(response.body().getBytes());
    assertThat(lines).contains("STATUS:TENTATIVE", "SUMMARY:Appointment: General consultation with Dr. Khalid Al-Otaibi");
  }

  @Test
  void someone_who_may_not_see_the_appointment_gets_no_calendar() {
    var response = new AppointmentFixtures(app).get(path(AISHA_PENDING, "calendar.ics"), "ar",
        app.loginAs(DemoAccounts.PATIENT_AHMED));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("appointment_not_found");
  }

  @Test
  void the_served_file_parses_back_with_ical4j_to_the_appointments_own_start_and_end() throws Exception {
    String patient = app.loginAs(DemoAccounts.PATIENT_AHMED);
    var fixtures = new AppointmentFixtures(app);
    var appointment = fixtures.get(path(AHMED_WITH_KHALID, null), "ar", patient).bodyAsJsonObject();
    var response = fixtures.get(path(AHMED_WITH_KHALID, "calendar.ics"), "ar", patient);

    Calendar calendar = new CalendarBuilder().build(new StringReader(response.bodyAsString()));

    VTimeZone zone = calendar.<VTimeZone>getComponent(Component.VTIMEZONE).orElseThrow();
    assertThat(zone.getTimeZoneId().getValue()).isEqualTo("Asia/Riyadh");
    VEvent event = calendar.<VEvent>getComponent(Component.VEVENT).orElseThrow();
    assertThat(event.getDateTimeStart().getRequiredParameter(Parameter.TZID).getValue()).isEqualTo("Asia/Riyadh");
    assertThat(Instant.from(event.getDateTimeStart().getDate()))
        .isEqualTo(OffsetDateTime.parse(appointment.getString("startsAt")).toInstant());
    assertThat(Instant.from(event.getDateTimeEnd().getDate()))
        .isEqualTo(OffsetDateTime.parse(appointment.getString("endsAt")).toInstant());
    assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(AHMED_WITH_KHALID + "@moeen");
    assertThat(event.getSummary().getValue()).isEqualTo("موعد: كشف عام مع د. خالد العتيبي");
    assertThat(event.getLocation().getValue()).startsWith("فرع العليا - الرياض, طريق الملك فهد،");
  }

  @Test
  void long_lines_fold_at_75_octets_without_splitting_a_character() {
    String line = "SUMMARY:" + "موعد طويل جدًا ".repeat(10) + "🦷".repeat(30);

    String folded = CalendarFile.fold(line + "\r\nEND:VEVENT\r\n");

    for (String part : folded.split("\r\n")) {
      assertThat(part.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
    }
    assertThat(folded.replace("\r\n ", "")).isEqualTo(line + "\r\nEND:VEVENT\r\n");
  }

  static List<String> lines(ZoneId zone, int firstYear, int lastYear) {
    return Arrays.asList(CalendarTimeZone.of(zone, firstYear, lastYear).toString().split("\r\n"));
  }

  @Test
  void a_zone_with_daylight_saving_gets_its_transitions_of_those_years_from_the_jdk() {
    List<String> berlin = lines(ZoneId.of("Europe/Berlin"), 2026, 2026);

    assertThat(berlin).containsSubsequence("BEGIN:STANDARD", "DTSTART:20260101T000000", "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0100", "END:STANDARD");
    assertThat(berlin).containsSubsequence("BEGIN:DAYLIGHT", "DTSTART:20260329T020000", "TZOFFSETFROM:+0100",
        "TZOFFSETTO:+0200", "END:DAYLIGHT");
    assertThat(berlin).containsSubsequence("BEGIN:STANDARD", "DTSTART:20261025T030000", "TZOFFSETFROM:+0200",
        "TZOFFSETTO:+0100", "END:STANDARD");
    assertThat(lines(ZoneId.of("Europe/Berlin"), 2026, 2027).stream().filter("BEGIN:DAYLIGHT"::equals)).hasSize(2);
    assertThat(lines(ZoneId.of("Asia/Riyadh"), 2026, 2026))
        .containsExactly("BEGIN:VTIMEZONE", "TZID:Asia/Riyadh", "BEGIN:STANDARD", "DTSTART:20260101T000000",
            "TZOFFSETFROM:+0300", "TZOFFSETTO:+0300", "END:STANDARD", "END:VTIMEZONE");
  }
}
