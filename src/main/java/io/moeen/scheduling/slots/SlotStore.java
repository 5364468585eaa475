package io.moeen.scheduling.slots;

import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * What slot search reads from PostgreSQL: one statement (slots.sql), one round trip and one pooled
 * connection per search. Nothing here needs a principal: busy times come without names.
 */
final class SlotStore {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/scheduling/slots.sql");

  private final SqlClient client;

  /** {@code client}: the pool, or the connection of a transaction the search is part of (booking). */
  SlotStore(SqlClient client) {
    this.client = client;
  }

  static Future<Void> verify(Pool pool) {
    return SQL.verify(pool);
  }

  /**
   * The catalogue rows, hours for the days [firstDay, lastDay] and busy times in [busyFrom, busyUntil)
   * of every doctor who offers {@code criteria}'s service (at its location, when named), working since {@code since}.
   */
  Future<SlotInputs> inputs(SlotSearch.Criteria criteria, LocalDate since, LocalDate firstDay, LocalDate lastDay,
                            Instant busyFrom, Instant busyUntil) {
    Tuple args = Tuple.tuple().addUUID(criteria.doctorId()).addUUID(criteria.serviceId()).addUUID(criteria.locationId())
        .addLocalDate(since).addLocalDate(firstDay).addLocalDate(lastDay)
        .addOffsetDateTime(utc(busyFrom)).addOffsetDateTime(utc(busyUntil)).addUUID(criteria.patientId());
    return client.preparedQuery(SQL.get("slot_inputs")).execute(args).map(SlotInputs::of);
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
