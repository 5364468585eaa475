package io.moeen.billing.zatca;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/**
 * A branch's device onboarded with ZATCA, FATOORA's way: the CSR for the device's own key (made here on first
 * use; the private key never leaves the server) and the one-time code from the FATOORA portal go to
 * {@code /compliance} for a compliance CSID; that CSID asks {@code /production/csids} for the production CSID,
 * whose certificate (checked: it must carry the device's public key) replaces the self-signed one, so every
 * invoice issued afterwards is signed under it, and whose token and secret authenticate reporting and clearance.
 * No transaction is open while ZATCA answers; the device row is updated only if its key is still the one the CSR
 * was made for. A refusal or an unreachable ZATCA changes nothing (after the compliance step: the state says
 * {@code compliance} until a later onboarding completes).
 */
final class Onboarding {
  private final Vertx vertx;
  private final Pool pool;
  private final ZatcaGateway gateway;
  private final EInvoicing eInvoicing;
  private final boolean production;

  Onboarding(Vertx vertx, Pool pool, ZatcaGateway gateway, Clock clock, boolean production) {
    this.vertx = vertx;
    this.pool = pool;
    this.gateway = gateway;
    this.eInvoicing = new EInvoicing(vertx, clock);
    this.production = production;
  }

  private record Device(String serial, String privateKey, X509Certificate certificate, UblInvoice.Seller seller,
                        String nameEn) {
  }

  Future<Void> onboard(io.moeen.common.db.SessionContext.Actor actor, UUID location, String otp) {
    if (otp == null || !otp.matches("[0-9]{6}")) {
      return Future.failedFuture(Problem.invalid("invalid_otp", "otp", Map.of()));
    }
    if (!gateway.configured()) {
      return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "zatca_not_configured", Map.of()));
    }
    return io.moeen.common.db.SessionContext.inTransaction(pool, actor, conn -> device(conn, location))
        .compose(device -> vertx.executeBlocking(() -> {
          KeyPair keys = new KeyPair(device.certificate().getPublicKey(), DeviceKeys.privateKey(device.privateKey()));
          String address = device.seller().buildingNumber() + " " + device.seller().street() + ", " + device.seller().city();
          return DeviceKeys.csr(keys, "EGS-" + location, device.seller().vatNumber(), location.toString(),
              device.nameEn() == null ? device.seller().name() : device.nameEn(), device.serial(), address, production);
        }, false).compose(csr -> gateway.complianceCsid(csr, otp).recover(Onboarding::unreachable))
            .compose(answer -> {
              JsonObject body = answer.body();
              if (answer.status() != 200 || body.getString("binarySecurityToken") == null) {
                return refused(answer);
              }
              var compliance = new ZatcaGateway.Credentials(body.getString("binarySecurityToken"), body.getString("secret"));
              String requestId = String.valueOf(body.getValue("requestID"));
              return save(actor, "save_compliance", Tuple.of(location, device.privateKey(), requestId, compliance.token(),
                  compliance.secret()))
                  .compose(saved -> gateway.productionCsid(requestId, compliance).recover(Onboarding::unreachable))
                  .compose(production -> productionCertificate(device, production))
                  .compose(cert -> save(actor, "save_production", Tuple.of(location, device.privateKey(), cert.certificate,
                      cert.token, cert.secret)));
            }));
  }

  private record Csid(String certificate, String token, String secret) {
  }

  private Future<Csid> productionCertificate(Device device, ZatcaGateway.Answer answer) {
    String token = answer.body().getString("binarySecurityToken");
    if (answer.status() != 200 || token == null) {
      return refused(answer);
    }
    return vertx.executeBlocking(() -> {
      // the token is the base64 of the certificate's base64 DER, as ZATCA sends it
      String der = new String(Base64.getDecoder().decode(token), StandardCharsets.US_ASCII).trim();
      X509Certificate certificate = DeviceKeys.certificate(der);
      if (!Arrays.equals(certificate.getPublicKey().getEncoded(), device.certificate().getPublicKey().getEncoded())) {
        throw new Problem(ProblemKind.UNPROCESSABLE, "zatca_onboarding_refused",
            Map.of("reason", "the certificate is not for this device's key"));
      }
      return new Csid(der, token, answer.body().getString("secret"));
    }, false);
  }

  private static <T> Future<T> refused(ZatcaGateway.Answer answer) {
    if (answer.status() >= 500 || answer.status() == 429) {
      return Future.failedFuture(new Problem(ProblemKind.UNAVAILABLE, "zatca_unavailable",
          Map.of("status", String.valueOf(answer.status()))));
    }
    var messages = Outcome.messages(answer.body());
    String reason = messages.isEmpty() ? answer.body().getString("message", "HTTP " + answer.status())
        : ((JsonObject) messages.getValue(0)).getString("message");
    return Future.failedFuture(new Problem(ProblemKind.UNPROCESSABLE, "zatca_onboarding_refused",
        Map.of("reason", String.valueOf(reason))));
  }

  private static Future<ZatcaGateway.Answer> unreachable(Throwable failure) {
    return Future.failedFuture(new Problem(ProblemKind.UNAVAILABLE, "zatca_unavailable",
        Map.of("status", String.valueOf(failure.getMessage()))));
  }

  private Future<Void> save(io.moeen.common.db.SessionContext.Actor actor, String statement, Tuple args) {
    return io.moeen.common.db.SessionContext.inTransaction(pool, actor, conn ->
        conn.preparedQuery(ZatcaReporting.SQL.get(statement)).execute(args)).compose(rows -> rows.rowCount() == 1
        ? Future.succeededFuture()
        : Future.failedFuture(new Problem(ProblemKind.CONFLICT, "zatca_device_not_found", Map.of("id", args.getValue(0).toString()))));
  }

  /** The branch's device (made now when it has none) with its seller. */
  private Future<Device> device(SqlConnection conn, UUID location) {
    return conn.preparedQuery(EInvoicing.SQL.get("seller")).execute(Tuple.of(location)).compose(sellers -> {
      if (sellers.size() == 0) {
        return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "seller_not_configured", Map.of()));
      }
      Row s = sellers.iterator().next();
      UblInvoice.Seller seller = new UblInvoice.Seller(s.getString("name_ar"), s.getString("vat_number"),
          s.getString("commercial_registration"), s.getString("street"), s.getString("building_number"),
          s.getString("district"), s.getString("city"), s.getString("postal_code"));
      return eInvoicing.device(conn, location, seller)
          .compose(locked -> conn.preparedQuery(ZatcaReporting.SQL.get("device_keys")).execute(Tuple.of(location)))
          .compose(rows -> {
            Row d = rows.iterator().next();
            String key = d.getString("private_key");
            String certificate = d.getString("certificate");
            return vertx.executeBlocking(() -> new Device(d.getString("serial"), key, DeviceKeys.certificate(certificate),
                seller, s.getString("name_en")), false);
          });
    });
  }
}
