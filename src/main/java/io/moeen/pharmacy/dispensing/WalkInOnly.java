package io.moeen.pharmacy.dispensing;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;

import java.util.Map;
import java.util.UUID;

/**
 * Walk-in sales only, until clinical prescriptions exist: a controlled substance is never sold over the
 * counter (422 controlled_needs_prescription); a prescription-only medicine needs the reference of the
 * paper prescription the customer brought (422 prescription_required).
 */
public final class WalkInOnly implements PrescriptionGate {
  @Override
  public Future<Void> admit(SqlConnection conn, DispenseRequest request, Map<UUID, Row> items) {
    for (int i = 0; i < request.lines().size(); i++) {
      Row item = items.get(request.lines().get(i).itemId());
      String field = "lines." + request.lines().get(i).index() + ".itemId";
      if (item.getBoolean("is_controlled")) {
        return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "controlled_needs_prescription", Map.of(), field));
      }
      if (item.getBoolean("is_prescription_only") && request.externalPrescription() == null) {
        return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "prescription_required", Map.of(), field));
      }
    }
    return Future.succeededFuture();
  }
}
