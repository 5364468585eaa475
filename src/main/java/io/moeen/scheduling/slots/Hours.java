package io.moeen.scheduling.slots;

import io.moeen.scheduling.slots.Availability.DateOverride;
import io.moeen.scheduling.slots.Availability.Holiday;
import io.moeen.scheduling.slots.Availability.RamadanBlock;
import io.moeen.scheduling.slots.Availability.WeeklyBlock;
import io.vertx.sqlclient.Row;

import java.time.DayOfWeek;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The hours rows of every doctor in one request (parts of slot_inputs), loaded once and cut per doctor and location. */
record Hours(List<Row> weekly, List<Row> overrides, List<Row> holidays, List<Row> ramadan) {

  Availability of(DoctorPlace place) {
    UUID doctor = place.doctorId();
    UUID location = place.locationId();
    return new Availability(place.zone(),
        weekly.stream().filter(r -> at(r, doctor, location))
            .map(r -> new WeeklyBlock(DayOfWeek.of(r.getInteger("day_of_week")), r.getLocalTime("starts_at"),
                r.getLocalTime("ends_at"), r.getLocalDate("first_day"), r.getLocalDate("last_day")))
            .toList(),
        overrides.stream().filter(r -> at(r, doctor, location))
            .map(r -> new DateOverride(r.getLocalDate("first_day"), r.getBoolean("flag"), r.getLocalTime("starts_at"),
                r.getLocalTime("ends_at")))
            .toList(),
        holidays.stream().filter(r -> r.getUUID("location_id") == null || location.equals(r.getUUID("location_id")))
            .map(r -> new Holiday(r.getLocalDate("first_day"), r.getLocalDate("last_day")))
            .toList(),
        ramadan.stream()
            .filter(r -> location.equals(r.getUUID("location_id"))
                && (r.getUUID("doctor_id") == null || doctor.equals(r.getUUID("doctor_id"))))
            .map(r -> new RamadanBlock(r.getUUID("doctor_id") != null,
                r.getInteger("day_of_week") == null ? null : DayOfWeek.of(r.getInteger("day_of_week")),
                r.getLocalTime("starts_at"), r.getLocalTime("ends_at")))
            .toList());
  }

  private static boolean at(Row row, UUID doctor, UUID location) {
    return doctor.equals(row.getUUID("doctor_id")) && Objects.equals(location, row.getUUID("location_id"));
  }
}
