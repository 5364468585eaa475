package io.moeen.crm.forms;

import io.moeen.common.bus.BusFailures;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.crm.CrmAddresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

/**
 * A visitor's details from a web form: rate limits first (per address and per form), then the
 * form's key, then the honeypot (a bot that filled {@code website} is told "accepted" and nothing
 * is stored), then the lead goes to {@code crm.leads.capture} with the form's source, the UTM and
 * any opt-in with the wording the visitor saw.
 */
final class FormSubmissions {
  private final Vertx vertx;
  private final Pool pool;
  private final SqlStatements sql;
  private final SubmissionLimits limits;

  FormSubmissions(Vertx vertx, Pool pool, SqlStatements sql, SubmissionLimits limits) {
    this.vertx = vertx;
    this.pool = pool;
    this.sql = sql;
    this.limits = limits;
  }

  Future<JsonObject> submit(RequestEnvelope request) {
    UUID formId = UUID.fromString(request.param("formId"));
    String key = request.param("X-Form-Key");
    JsonObject body = request.bodyAsObject();
    return limits.admit(formId.toString(), request.clientIp())
        .compose(admitted -> SessionContext.inTransaction(pool, Actor.system(request.requestId()), conn -> conn
            .preparedQuery(sql.get("active_form")).execute(Tuple.of(formId))))
        .compose(rows -> {
          if (rows.size() == 0) {
            throw Problem.notFound("form_not_found", Map.of("id", formId.toString()));
          }
          Row form = rows.iterator().next();
          Buffer hash = form.getBuffer("key_hash");
          if (!FormKeys.matches(key, hash.getBytes())) {
            throw new Problem(ProblemKind.UNAUTHENTICATED, "invalid_form_key");
          }
          String honeypot = body.getString("website");
          if (honeypot != null && !honeypot.isBlank()) {
            return Future.succeededFuture(accepted());
          }
          return vertx.eventBus().<JsonObject>request(CrmAddresses.LEADS_CAPTURE, capture(body, form, request))
              .recover(BusFailures::recover)
              .map(reply -> accepted());
        });
  }

  private static JsonObject capture(JsonObject body, Row form, RequestEnvelope request) {
    UUID service = form.getUUID("interested_service_id");
    JsonObject lead = new JsonObject()
        .put("fullName", body.getString("fullName"))
        .put("phone", body.getString("phone"))
        .put("email", body.getString("email"))
        .put("preferredLanguage", body.getString("preferredLanguage", request.locale()))
        .put("source", form.getString("default_source"))
        .put("utm", body.getJsonObject("utm"))
        .put("interestedServiceId", service == null ? null : service.toString())
        .put("interestedIn", body.getString("interestedIn"))
        .put("note", body.getString("message"))
        .put("requestId", request.requestId());
    if (body.getBoolean("marketingOptIn", false)) {
      String channel = body.getString("consentChannel", body.getString("phone") != null ? "whatsapp" : "email");
      lead.put("consent", new JsonObject().put("channel", channel).put("wording", body.getString("consentWording"))
          .put("locale", request.locale()).put("optIn", true));
    }
    return lead;
  }

  private static JsonObject accepted() {
    return new JsonObject().put("accepted", true);
  }
}
