package io.moeen.billing.zatca;

import io.moeen.billing.BillingAddresses;
import io.moeen.common.auth.Access;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * ZATCA as the staff see it: a branch's device and its onboarding (accountant and admin:
 * {@code billing.settings.manage}), and where each e-invoice stands with ZATCA — waiting, reported, cleared or
 * rejected with ZATCA's messages — for everyone who reads invoices ({@code billing.read.any}). Labels and the
 * summary are in the caller's language; ZATCA's own messages are kept as ZATCA wrote them, with their codes.
 */
public final class ZatcaVerticle extends ServiceVerticle {
  private final Pool pool;
  private final java.util.function.Function<io.vertx.core.Vertx, ZatcaGateway> makeGateway;
  private ZatcaGateway gateway;
  private final Messages messages;
  private final Clock clock;
  private final ZoneId zone;
  private final boolean production;
  private Onboarding onboarding;

  public ZatcaVerticle(Pool pool, java.util.function.Function<io.vertx.core.Vertx, ZatcaGateway> gateway, Messages messages, Clock clock, ZoneId zone, boolean production) {
    this.pool = pool;
    this.makeGateway = gateway;
    this.messages = messages;
    this.clock = clock;
    this.zone = zone;
    this.production = production;
  }

  @Override
  public Future<?> start() {
    gateway = makeGateway.apply(vertx);
    onboarding = new Onboarding(vertx, pool, gateway, clock, production);
    serve(BillingAddresses.ZATCA_DEVICES_GET, anyOf("billing.settings.manage"), this::device);
    serve(BillingAddresses.ZATCA_DEVICES_ONBOARD, anyOf("billing.settings.manage"), request -> {
      UUID location = UUID.fromString(request.param("locationId"));
      return onboarding.onboard(actor(request), location, request.bodyAsObject().getString("otp"))
          .compose(done -> device(request));
    });
    serve(BillingAddresses.ZATCA_DOCUMENTS_LIST, anyOf("billing.read.any"), this::list);
    serve(BillingAddresses.ZATCA_DOCUMENTS_GET, anyOf("billing.read.any"), this::get);
    return ZatcaReporting.verify(pool).compose(verified -> registered());
  }

  private static Actor actor(RequestEnvelope request) {
    return new Actor(Access.principal(request), request.requestId(), request.clientIp());
  }

  private static SupportedLocale lang(RequestEnvelope request) {
    return SupportedLocale.fromTag(request.locale()).orElse(SupportedLocale.AR);
  }

  private Future<Reply> device(RequestEnvelope request) {
    UUID location = UUID.fromString(request.param("locationId"));
    SupportedLocale locale = lang(request);
    return SessionContext.inTransaction(pool, actor(request), conn ->
            conn.preparedQuery(ZatcaReporting.SQL.get("device")).execute(Tuple.of(location)))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(Problem.notFound("zatca_device_not_found", Map.of("id", location.toString())));
          }
          Row d = rows.iterator().next();
          String der = d.getString("certificate");
          return vertx.executeBlocking(() -> DeviceKeys.certificate(der), false).map(certificate -> {
            JsonObject counts = new JsonObject();
            JsonObject raw = (JsonObject) d.getJson("counts");
            for (String status : new String[] {"pending_report", "reported", "cleared", "rejected"}) {
              counts.put(status, raw == null ? 0L : raw.getLong(status, 0L));
            }
            String state = d.getString("onboarding");
            return Reply.of(new JsonObject().put("locationId", location.toString()).put("serial", d.getString("serial"))
                .put("onboarding", state).put("onboardingLabel", messages.format(locale, "billing.zatca.onboarding." + state))
                .put("simulated", d.getBoolean("simulated")).put("lastIcv", d.getLong("last_icv"))
                .put("onboardedAt", text(d.getOffsetDateTime("onboarded_at")))
                .put("certificate", new JsonObject().put("subject", certificate.getSubjectX500Principal().getName())
                    .put("issuer", certificate.getIssuerX500Principal().getName())
                    .put("serialNumber", certificate.getSerialNumber().toString())
                    .put("notAfter", certificate.getNotAfter().toInstant().toString()))
                .put("zatcaConfigured", gateway.configured())
                .put("documents", counts));
          });
        });
  }

  private Future<Reply> list(RequestEnvelope request) {
    String status = request.param("status");
    int limit = request.param("limit") == null ? 50 : Integer.parseInt(request.param("limit"));
    SupportedLocale locale = lang(request);
    return SessionContext.inTransaction(pool, actor(request), conn ->
            conn.preparedQuery(ZatcaReporting.SQL.get("documents")).execute(Tuple.of(status, null, limit)))
        .map(rows -> {
          JsonArray items = new JsonArray();
          rows.forEach(r -> items.add(view(r, locale)));
          return Reply.of(new JsonObject().put("items", items));
        });
  }

  private Future<Reply> get(RequestEnvelope request) {
    UUID invoice = UUID.fromString(request.param("id"));
    SupportedLocale locale = lang(request);
    return SessionContext.inTransaction(pool, actor(request), conn ->
            conn.preparedQuery(ZatcaReporting.SQL.get("documents")).execute(Tuple.of(null, invoice, 1)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw Problem.notFound("e_invoice_not_found", Map.of("id", invoice.toString()));
          }
          return Reply.of(view(rows.iterator().next(), locale));
        });
  }

  private JsonObject view(Row r, SupportedLocale locale) {
    String status = r.getString("status");
    JsonArray zatcaMessages = new JsonArray();
    Object stored = r.getValue("messages");
    JsonArray raw = stored instanceof JsonArray a ? a : new JsonArray(String.valueOf(stored));
    long errors = 0;
    long warnings = 0;
    for (Object o : raw) {
      JsonObject m = ((JsonObject) o).copy();
      String type = m.getString("type", "INFO");
      errors += "ERROR".equals(type) ? 1 : 0;
      warnings += "WARNING".equals(type) ? 1 : 0;
      zatcaMessages.add(m.put("typeLabel", messages.format(locale, "billing.zatca.message_type." + type)));
    }
    String summary = switch (status) {
      case "rejected" -> messages.format(locale, "billing.zatca.summary.rejected", Map.of("errors", errors));
      case "pending_report" -> messages.format(locale, "billing.zatca.summary.pending_report",
          Map.of("attempts", r.getInteger("attempts")));
      default -> warnings > 0 ? messages.format(locale, "billing.zatca.summary.warnings", Map.of("warnings", warnings))
          : messages.format(locale, "billing.zatca.summary.accepted");
    };
    OffsetDateTime created = r.getOffsetDateTime("created_at");
    return new JsonObject().put("invoiceId", r.getUUID("invoice_id").toString()).put("number", r.getString("number"))
        .put("kind", r.getString("kind")).put("locationId", r.getUUID("location_id").toString())
        .put("icv", r.getLong("icv")).put("flow", r.getString("flow")).put("status", status)
        .put("statusLabel", messages.format(locale, "billing.zatca.status." + status)).put("summary", summary)
        .put("attempts", r.getInteger("attempts")).put("zatcaStatus", r.getString("zatca_status"))
        .put("messages", zatcaMessages).put("lastError", r.getString("last_error"))
        .put("createdAt", text(created))
        // simplified invoices are reported within 24 hours of issue; standard ones are cleared before sharing
        .put("reportBy", "reporting".equals(r.getString("flow")) && created != null ? text(created.plusHours(24)) : null)
        .put("nextAttemptAt", "pending_report".equals(status) ? text(r.getOffsetDateTime("next_attempt_at")) : null)
        .put("submittedAt", text(r.getOffsetDateTime("submitted_at")))
        .put("resolvedAt", text(r.getOffsetDateTime("resolved_at")));
  }

  private String text(OffsetDateTime time) {
    return time == null ? null : time.atZoneSameInstant(zone).toOffsetDateTime().toString();
  }
}
