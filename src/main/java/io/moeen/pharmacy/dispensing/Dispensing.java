package io.moeen.pharmacy.dispensing;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.IdempotencyKeys;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.pharmacy.Quantities;
import io.moeen.pharmacy.StockActors;
import io.moeen.pharmacy.StockProblems;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A dispense is one transaction: the dispense row, its lines and their stock moves, batches picked
 * first-expiring-first-out and never expired. Any refusal (an unknown or inactive item, a fractional
 * tablet, the prescription gate, not enough stock, a prescription over-filled) rolls all of it back: no path where the medicine
 * leaves and the stock stays, or the other way round.
 */
public final class Dispensing {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/pharmacy/dispensing.sql");
  private static final int CREATED = 201;

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;
  private final PrescriptionGate gate;

  public Dispensing(Pool pool, ZoneId zone, Clock clock, PrescriptionGate gate) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
    this.gate = gate;
  }

  Future<Void> verify() {
    return SQL.verify(pool);
  }

  /**
   * Dispenses once per {@code Idempotency-Key} (required: a second click or a retried request answers the
   * first dispense and moves nothing); the answer is the dispense's id, read back by the caller.
   */
  Future<Dispensed> dispense(RequestEnvelope envelope) {
    IdempotencyKeys.Keyed keyed = StockActors.keyed(envelope);
    if (keyed == null) {
      throw Problem.invalid("idempotency_key_required", StockActors.IDEMPOTENCY_KEY, Map.of());
    }
    DispenseRequest request = DispenseRequest.from(envelope.bodyAsObject());
    if (request.patientId() == null && request.customerName() == null) {
      throw Problem.invalid("dispense_recipient_required", "patientId", Map.of());
    }
    if (request.collectorIdNumber() != null && !DispenseRequest.COLLECTOR_ID.matcher(request.collectorIdNumber()).matches()) {
      throw new Problem(ProblemKind.UNPROCESSABLE, "controlled_check_required", Map.of(), "collectorIdNumber");
    }
    UUID id = UUID.randomUUID();
    boolean[] fresh = {false};
    UUID actor = UUID.fromString(envelope.principal().getString("userId"));
    LocalDate today = StockActors.today(clock, zone);
    return IdempotencyKeys.once(pool, StockActors.of(envelope), keyed, CREATED, conn -> store(conn, request.storeId())
            .compose(ok -> items(conn, request))
            .compose(items -> {
              Map<UUID, BigDecimal> quantities = new HashMap<>();
              for (DispenseRequest.Line line : request.lines()) {
                quantities.put(line.itemId(), Quantities.positive(line.quantity(), "lines." + line.index() + ".quantity",
                    items.get(line.itemId()).getBoolean("whole_units")));
              }
              return conn.preparedQuery(SQL.get("insert_dispense")).execute(Tuple.from(new Object[] {
                      id, request.storeId(), request.patientId(), request.customerName(), request.externalPrescription(),
                      request.notes(), request.collectorName(), request.collectorIdNumber(), actor,
                      clock.instant().atOffset(ZoneOffset.UTC)}))
                  .compose(inserted -> gate.admit(conn, new PrescriptionGate.Dispense(id, actor, envelope.locale(), request,
                      items, quantities)))
                  .compose(admitted -> lines(conn, request, quantities, id, actor, today, 0));
            })
            .map(done -> {
              fresh[0] = true;
              return new JsonObject().put("id", id.toString());
            }))
        .recover(StockProblems.TABLE::recover)
        .map(answer -> new Dispensed(UUID.fromString(answer.getString("id")), fresh[0]));
  }

  /** The dispense's id; {@code fresh} when this request made it (not a replay of an earlier one under its key). */
  record Dispensed(UUID id, boolean fresh) {
  }

  private Future<Void> store(SqlConnection conn, UUID storeId) {
    return conn.preparedQuery(SQL.get("store")).execute(Tuple.of(storeId)).compose(rows ->
        rows.size() == 0 ? Future.failedFuture(Problem.invalid("unknown_store", "storeId", Map.of()))
            : !rows.iterator().next().getBoolean("is_active") ? Future.failedFuture(StockProblems.storeClosed("storeId"))
            : Future.succeededFuture());
  }

  private Future<Map<UUID, Row>> items(SqlConnection conn, DispenseRequest request) {
    UUID[] ids = request.lines().stream().map(DispenseRequest.Line::itemId).toArray(UUID[]::new);
    return conn.preparedQuery(SQL.get("items")).execute(Tuple.of(ids)).compose(rows -> {
      Map<UUID, Row> items = new HashMap<>();
      rows.forEach(r -> items.put(r.getUUID("id"), r));
      for (DispenseRequest.Line line : request.lines()) {
        Row item = items.get(line.itemId());
        if (item == null || !item.getBoolean("is_active")) {
          return Future.failedFuture(Problem.invalid("unknown_item", "lines." + line.index() + ".itemId", Map.of()));
        }
      }
      return Future.succeededFuture(items);
    });
  }

  /** Each line in item-id order: pick its batches; fewer units than asked is 409 insufficient_stock. */
  private Future<Void> lines(SqlConnection conn, DispenseRequest request, Map<UUID, BigDecimal> quantities, UUID id,
                             UUID actor, LocalDate today, int i) {
    if (i == request.lines().size()) {
      return Future.succeededFuture();
    }
    DispenseRequest.Line line = request.lines().get(i);
    BigDecimal wanted = quantities.get(line.itemId());
    return conn.preparedQuery(SQL.get("insert_line"))
        .execute(Tuple.of(id, line.itemId(), Quantities.sql(wanted), line.prescriptionId()))
        .compose(x -> conn.preparedQuery(SQL.get("pick"))
            .execute(Tuple.of(request.storeId(), line.itemId(), Quantities.sql(wanted), today, id, actor)))
        .compose(picked -> {
          BigDecimal taken = BigDecimal.ZERO;
          for (Row r : picked) {
            taken = taken.add(r.getBigDecimal("taken"));
          }
          if (taken.compareTo(wanted) < 0) {
            return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "insufficient_stock",
                Map.of("available", Quantities.json(taken).toPlainString()), "lines." + line.index() + ".quantity"));
          }
          return lines(conn, request, quantities, id, actor, today, i + 1);
        });
  }

}
