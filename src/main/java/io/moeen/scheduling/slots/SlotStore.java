package io.moeen.scheduling.slots;

import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** What slot search reads from PostgreSQL; SQL in slots.sql. Nothing here needs a principal. */
final class SlotStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/scheduling/slots.sql");

  private final Pool pool;

  SlotStore(Pool pool) {
    this.pool = pool;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  Future<SlotRules> rules() {
    return query("booking_rules", Tuple.tuple()).map(rows -> {
      Map<String, Integer> values = new HashMap<>();
      rows.forEach(row -> values.put(row.getString("key"), ((Number) row.getValue("value")).intValue()));
      return new SlotRules(Duration.ofMinutes(values.getOrDefault("booking.min_notice_minutes", 120)),
          Duration.ofDays(values.getOrDefault("booking.horizon_days", 60)),
          values.getOrDefault("booking.slot_step_minutes", 15));
    });
  }

  /** The active service's timing, or 404 {@code service_not_found}. */
  Future<ServiceTiming> service(UUID id) {
    return query("service", Tuple.of(id)).map(rows -> first(rows)
        .filter(row -> row.getBoolean("is_active"))
        .map(row -> new ServiceTiming(row.getInteger("duration_minutes"), row.getInteger("buffer_before_minutes"),
            row.getInteger("buffer_after_minutes")))
        .orElseThrow(() -> Problem.notFound("service_not_found", Map.of("id", id.toString()))));
  }

  /** The active location's zone, or 404 {@code location_not_found}. */
  Future<ZoneId> location(UUID id) {
    return query("location", Tuple.of(id)).map(rows -> first(rows)
        .filter(row -> row.getBoolean("is_active"))
        .map(row -> ZoneId.of(row.getString("time_zone")))
        .orElseThrow(() -> Problem.notFound("location_not_found", Map.of("id", id.toString()))));
  }

  /** 404 {@code doctor_not_found} for an unknown or inactive doctor, 400 when they do not offer the service. */
  Future<Void> requireDoctorOffering(UUID doctorId, UUID serviceId) {
    return query("doctor", Tuple.of(doctorId, serviceId)).map(rows -> {
      Row row = first(rows).filter(r -> r.getBoolean("is_active"))
          .orElseThrow(() -> Problem.notFound("doctor_not_found", Map.of("id", doctorId.toString())));
      if (!row.getBoolean("offers")) {
        throw new Problem(ProblemKind.INVALID_INPUT, "doctor_does_not_offer_service",
            Map.of("doctorId", doctorId.toString(), "serviceId", serviceId.toString()), "doctorId");
      }
      return null;
    });
  }

  Future<List<DoctorPlace>> places(UUID doctorId, UUID serviceId, UUID locationId, LocalDate since) {
    return query("doctor_places", Tuple.of(doctorId, serviceId, locationId, since))
        .map(rows -> all(rows).stream().map(DoctorPlace::from).toList());
  }

  /** Every doctor's hours for [firstDay, lastDay], in one query per table. */
  Future<Hours> hours(List<UUID> doctors, LocalDate firstDay, LocalDate lastDay) {
    UUID[] ids = doctors.toArray(new UUID[0]);
    Future<RowSet<Row>> weekly = query("weekly_blocks", Tuple.of(ids));
    Future<RowSet<Row>> overrides = query("overrides", Tuple.of(ids, firstDay, lastDay));
    Future<RowSet<Row>> holidays = query("holidays", Tuple.of(firstDay, lastDay));
    Future<RowSet<Row>> ramadan = query("ramadan_hours", Tuple.of(ids));
    return Future.all(weekly, overrides, holidays, ramadan).map(done -> new Hours(
        all(weekly.result()), all(overrides.result()), all(holidays.result()), all(ramadan.result())));
  }

  Future<Map<UUID, List<TimeRange>>> doctorBusy(List<UUID> doctors, Instant from, Instant until) {
    return query("doctor_busy", Tuple.of(doctors.toArray(new UUID[0]), utc(from), utc(until))).map(rows -> {
      Map<UUID, List<TimeRange>> busy = new HashMap<>();
      rows.forEach(row -> busy.computeIfAbsent(row.getUUID("doctor_id"), id -> new ArrayList<>())
          .add(new TimeRange(row.getOffsetDateTime("blocked_from").toInstant(),
              row.getOffsetDateTime("blocked_until").toInstant())));
      return busy;
    });
  }

  Future<List<TimeRange>> patientBusy(UUID patientId, Instant from, Instant until) {
    if (patientId == null) {
      return Future.succeededFuture(List.of());
    }
    return query("patient_busy", Tuple.of(patientId, utc(from), utc(until))).map(rows -> all(rows).stream()
        .map(row -> new TimeRange(row.getOffsetDateTime("busy_from").toInstant(),
            row.getOffsetDateTime("busy_until").toInstant()))
        .toList());
  }

  private Future<RowSet<Row>> query(String name, Tuple args) {
    return pool.preparedQuery(SQL.get(name)).execute(args);
  }

  private static java.time.OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    var it = rows.iterator();
    return it.hasNext() ? Optional.of(it.next()) : Optional.empty();
  }

  private static List<Row> all(RowSet<Row> rows) {
    List<Row> list = new ArrayList<>();
    rows.forEach(list::add);
    return list;
  }
}
