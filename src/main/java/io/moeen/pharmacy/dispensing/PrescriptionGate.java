package io.moeen.pharmacy.dispensing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * What must hold before medicine leaves the shelf (docs/pharmacy.md, "Prescriptions"): called inside the
 * dispense's transaction, after its row is written and before any line or move; a failed future refuses the
 * whole dispense and rolls it back. {@link ClinicalPrescriptionGate} is the clinic's.
 */
public interface PrescriptionGate {
  /** What the gate sees of a dispense: the request, its items by id ({@code dispensing.sql#items}), checked quantities. */
  record Dispense(UUID id, UUID actor, String locale, DispenseRequest request, Map<UUID, Row> items, Map<UUID, BigDecimal> quantities) {
  }

  Future<Void> admit(SqlConnection conn, Dispense dispense);
}
