package io.moeen.scheduling.slots;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one slot search reads, from the single {@code slot_inputs} statement: the rows of
 * each part, then {@link #known} checks the service, location and doctor in a fixed order.
 */
final class SlotInputs {
  private final Map<String, Integer> settings = new HashMap<>();
  private Row service;
  private Row location;
  private Row doctor;
  private final List<DoctorPlace> places = new ArrayList<>();
  private final List<Row> weekly = new ArrayList<>();
  private final List<Row> overrides = new ArrayList<>();
  private final List<Row> holidays = new ArrayList<>();
  private final List<Row> ramadan = new ArrayList<>();
  private final Map<UUID, List<TimeRange>> doctorBusy = new HashMap<>();
  private final List<TimeRange> patientBusy = new ArrayList<>();

  /** The rules, the service and (when named) the location's zone, once checked. */
  record Known(SlotRules rules, ServiceTiming service, ZoneId zone) {
  }

  static SlotInputs of(RowSet<Row> rows) {
    SlotInputs inputs = new SlotInputs();
    rows.forEach(inputs::add);
    return inputs;
  }

  private void add(Row row) {
    switch (row.getString("part")) {
      case "rule" -> settings.put(row.getString("label"), row.getArrayOfIntegers("numbers")[0]);
      case "service" -> service = row;
      case "location" -> location = row;
      case "doctor" -> doctor = row;
      case "place" -> places.add(DoctorPlace.from(row));
      case "weekly" -> weekly.add(row);
      case "override" -> overrides.add(row);
      case "holiday" -> holidays.add(row);
      case "ramadan" -> ramadan.add(row);
      case "doctor_busy" -> doctorBusy.computeIfAbsent(row.getUUID("doctor_id"), id -> new ArrayList<>()).add(busy(row));
      case "patient_busy" -> patientBusy.add(busy(row));
      default -> throw new IllegalStateException("unknown part " + row.getString("part"));
    }
  }

  /**
   * The rules and the service's timing; 404 {@code service_not_found}, {@code location_not_found},
   * {@code doctor_not_found} or 400 {@code doctor_does_not_offer_service}, checked in that order.
   */
  Known known(SlotSearch.Criteria criteria) {
    SlotRules rules = new SlotRules(Duration.ofMinutes(settings.getOrDefault("booking.min_notice_minutes", 120)),
        Duration.ofDays(settings.getOrDefault("booking.horizon_days", 60)),
        settings.getOrDefault("booking.slot_step_minutes", 15));
    if (service == null || !service.getBoolean("flag")) {
      throw Problem.notFound("service_not_found", Map.of("id", criteria.serviceId().toString()));
    }
    Integer[] timing = service.getArrayOfIntegers("numbers");
    ZoneId zone = ZoneOffset.UTC;
    if (criteria.locationId() != null) {
      if (location == null || !location.getBoolean("flag")) {
        throw Problem.notFound("location_not_found", Map.of("id", criteria.locationId().toString()));
      }
      zone = ZoneId.of(location.getString("label"));
    }
    if (criteria.doctorId() != null) {
      if (doctor == null || !doctor.getBoolean("flag")) {
        throw Problem.notFound("doctor_not_found", Map.of("id", criteria.doctorId().toString()));
      }
      if (!doctor.getBoolean("offers")) {
        throw new Problem(ProblemKind.INVALID_INPUT, "doctor_does_not_offer_service",
            Map.of("doctorId", criteria.doctorId().toString(), "serviceId", criteria.serviceId().toString()), "doctorId");
      }
    }
    return new Known(rules, new ServiceTiming(timing[0], timing[1], timing[2]), zone);
  }

  List<DoctorPlace> places() {
    return places;
  }

  Hours hours() {
    return new Hours(weekly, overrides, holidays, ramadan);
  }

  Map<UUID, List<TimeRange>> doctorBusy() {
    return doctorBusy;
  }

  List<TimeRange> patientBusy() {
    return patientBusy;
  }

  private static TimeRange busy(Row row) {
    return new TimeRange(row.getOffsetDateTime("busy_from").toInstant(), row.getOffsetDateTime("busy_until").toInstant());
  }
}
