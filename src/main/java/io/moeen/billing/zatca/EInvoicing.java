package io.moeen.billing.zatca;

import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.security.KeyPair;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;

/**
 * Phase 2 in the issuing transaction: the branch's device row is locked (made first, with a new key and a
 * simulated certificate, when the branch has none), the invoice is stamped on a worker with the next counter and
 * the previous hash, and the document and the new head of the chain are written before the transaction commits.
 * A rollback gives the counter back with the number. The stamped document waits as {@code pending_report}.
 */
public final class EInvoicing {
  public static final SqlStatements SQL = SqlStatements.load("io/moeen/billing/zatca.sql");

  private final Vertx vertx;
  private final Clock clock;

  public EInvoicing(Vertx vertx, Clock clock) {
    this.vertx = vertx;
    this.clock = clock;
  }

  public static Future<Void> verify(Pool pool) {
    return SQL.verify(pool);
  }

  /**
   * Billing's own background work on e-invoices (stamping what was issued without one, reporting to ZATCA):
   * the system actor, allowed to read invoices in this transaction only (row-level security otherwise hides
   * every patient's invoice from the system).
   */
  public static <T> Future<T> asBilling(Pool pool, String requestId, java.util.function.Function<SqlConnection, Future<T>> work) {
    return io.moeen.common.db.SessionContext.inTransaction(pool, io.moeen.common.db.SessionContext.Actor.system(requestId),
        conn -> conn.query("SELECT set_config('app.patient_access', 'any', true)").execute().compose(set -> work.apply(conn)));
  }

  private static Future<RowSet<Row>> run(SqlConnection conn, String name, Tuple args) {
    return conn.preparedQuery(SQL.get(name)).execute(args);
  }

  /** Stamps the issued invoice {@code view} (its one JSON representation) of the branch; the phase 2 QR. */
  public Future<String> stamp(SqlConnection conn, JsonObject view) {
    UUID location = UUID.fromString(view.getString("locationId"));
    UUID invoice = UUID.fromString(view.getString("id"));
    return run(conn, "seller", Tuple.of(location)).compose(sellers -> {
      Row s = sellers.iterator().next();
      UblInvoice.Seller seller = new UblInvoice.Seller(s.getString("name_ar"), s.getString("vat_number"),
          s.getString("commercial_registration"), s.getString("street"), s.getString("building_number"),
          s.getString("district"), s.getString("city"), s.getString("postal_code"));
      return device(conn, location, seller).compose(device -> vertx.executeBlocking(() -> Stamp.of(view, seller,
              device.getLong("last_icv") + 1, device.getString("last_hash"),
              DeviceKeys.privateKey(device.getString("private_key")), DeviceKeys.certificate(device.getString("certificate"))),
          false))
          .compose(stamped -> run(conn, "insert_document", Tuple.of(invoice, location, stamped.icv(), stamped.pih(),
                  stamped.hash(), stamped.signature(), stamped.qr(), stamped.xml(),
                  UblInvoice.simplified(view) ? "reporting" : "clearance"))
              .compose(inserted -> run(conn, "advance_chain", Tuple.of(location, stamped.icv(), stamped.hash())))
              .compose(advanced -> advanced.rowCount() == 1 ? Future.succeededFuture(stamped.qr())
                  : Future.failedFuture(new IllegalStateException("the ZATCA chain of " + location + " moved"))));
    });
  }

  /** The device's row, locked; made on first use (key and certificate on a worker). */
  Future<Row> device(SqlConnection conn, UUID location, UblInvoice.Seller seller) {
    return run(conn, "lock_device", Tuple.of(location)).compose(rows -> {
      if (rows.size() == 1) {
        return Future.succeededFuture(rows.iterator().next());
      }
      String serial = "1-Moeen|2-Clinic|3-" + location;
      return vertx.executeBlocking(() -> {
            KeyPair keys = DeviceKeys.generate();
            var certificate = DeviceKeys.selfSigned(keys, "EGS-" + location, seller.vatNumber(), location.toString(),
                seller.name(), clock.instant());
            return Tuple.of(location, serial, Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded()),
                Base64.getEncoder().encodeToString(certificate.getEncoded()), InvoiceHash.FIRST_PIH);
          }, false)
          .compose(args -> run(conn, "insert_device", args))
          .compose(inserted -> run(conn, "lock_device", Tuple.of(location)))
          .map(again -> again.iterator().next());
    });
  }
}
