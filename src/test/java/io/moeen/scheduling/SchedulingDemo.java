package io.moeen.scheduling;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;

/** Fixed ids of the demo clinic (db/demo/007-scheduling-demo.sql) and dates that suit tests on any day. */
public final class SchedulingDemo {
  public static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  public static final UUID RIYADH_OLAYA = UUID.fromString("00000000-0000-4000-c100-000000000001");
  public static final UUID JEDDAH_RAWDAH = UUID.fromString("00000000-0000-4000-c100-000000000002");
  public static final UUID KHALID = UUID.fromString("00000000-0000-4000-c200-000000000004");
  public static final UUID MAHA = UUID.fromString("00000000-0000-4000-c200-000000000005");
  public static final UUID FAISAL = UUID.fromString("00000000-0000-4000-c200-000000000006");
  public static final UUID GENERAL_CONSULTATION = UUID.fromString("00000000-0000-4000-c300-000000000001");
  public static final UUID FOLLOW_UP = UUID.fromString("00000000-0000-4000-c300-000000000002");
  public static final UUID CHILD_CHECKUP = UUID.fromString("00000000-0000-4000-c300-000000000003");
  public static final UUID DENTAL_CLEANING = UUID.fromString("00000000-0000-4000-c300-000000000006");
  /** Holidays and Ramadan hours move with the calendar; tests that need them add their own. */
  public static final String PLAIN_CALENDAR = "DELETE FROM clinic_holidays; DELETE FROM ramadan_hours";

  private SchedulingDemo() {
  }

  /** A Sunday (a working day for Khalid and Maha in Riyadh) 3 to 9 days from now, plus {@code weeks}. */
  public static LocalDate sunday(int weeks) {
    LocalDate today = LocalDate.now(RIYADH);
    return today.plusDays(3).with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusWeeks(weeks);
  }

  public static Instant riyadh(LocalDate day, String time) {
    return day.atTime(LocalTime.parse(time)).atZone(RIYADH).toInstant();
  }

  /** An owner-side insert of an appointment (no buffers unless given), for setting up busy times. */
  public static String appointment(UUID patient, UUID doctor, UUID service, Instant start, int minutes, int after) {
    return "INSERT INTO appointments (patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from, "
        + "blocked_until, status, source) VALUES ('" + patient + "', '" + doctor + "', '" + service + "', '" + RIYADH_OLAYA
        + "', '" + start + "', '" + start.plusSeconds(60L * minutes) + "', '" + start + "', '"
        + start.plusSeconds(60L * (minutes + after)) + "', 'confirmed', 'reception')";
  }
}
