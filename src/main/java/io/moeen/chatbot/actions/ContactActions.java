package io.moeen.chatbot.actions;

import io.moeen.chatbot.engine.ChatActions.ActionFailure;
import io.moeen.chatbot.engine.Conversation;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SqlStatements;
import io.moeen.crm.CrmAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.Map;
import java.util.UUID;

/** Who the contact is: the patient a proven number links to, and the CRM lead of a prospect. */
final class ContactActions {
  private final Pool pool;
  private final SqlStatements sql;
  private final BusCalls bus;
  private final ChatTexts texts;

  ContactActions(Pool pool, SqlStatements sql, BusCalls bus, ChatTexts texts) {
    this.pool = pool;
    this.sql = sql;
    this.bus = bus;
    this.texts = texts;
  }

  /**
   * Links a proven number (WhatsApp) to its patient and sets {@code patientId}; a typed number on
   * the web is never looked up here, so the bot cannot be used to learn whether a number belongs
   * to a patient (booking links it silently later).
   */
  Future<JsonObject> identify(Conversation c, JsonObject scope, String requestId) {
    if (c.patientId != null) {
      return Future.succeededFuture(new JsonObject().put("patientId", c.patientId.toString()));
    }
    if (!c.phoneVerified()) {
      return Future.succeededFuture(new JsonObject());
    }
    return SessionContext.inTransaction(pool, SessionContext.Actor.system(requestId), conn ->
            conn.preparedQuery(sql.get("patient_by_phone")).execute(Tuple.of(scope.getString("phone"))))
        .map(rows -> {
          UUID patient = rows.iterator().next().getUUID("patient_id");
          if (patient == null) {
            return new JsonObject();
          }
          c.patientId = patient;
          return new JsonObject().put("patientId", patient.toString());
        });
  }

  /** A prospect who gave a number becomes (or is recognised as) a lead, with the consent they gave. */
  Future<JsonObject> captureLead(Conversation c, JsonObject scope, String requestId) {
    String phone = scope.getString("phone");
    JsonObject request = new JsonObject()
        .put("fullName", scope.getString("name", phone))
        .put("phone", phone)
        .put("preferredLanguage", c.locale)
        .put("source", c.phoneVerified() ? "whatsapp" : "web_chat")
        .put("requestId", requestId);
    if (!c.utm.isEmpty()) {
      request.put("utm", c.utm.copy());
    }
    if (scope.getValue("service") instanceof String service) {
      request.put("interestedServiceId", service);
    }
    if (scope.getValue("marketingConsent") instanceof Boolean optIn) {
      request.put("consent", new JsonObject().put("channel", "whatsapp").put("optIn", optIn).put("locale", c.locale)
          .put("wording", texts.say(c.locale, "chatbot.consent_wording", Map.of())));
    }
    return bus.internal(CrmAddresses.LEADS_CAPTURE, request).map(answer -> {
      c.leadId = UUID.fromString(answer.getString("leadId"));
      if (answer.getString("patientId") != null && c.phoneVerified()) {
        c.patientId = UUID.fromString(answer.getString("patientId"));
      }
      return new JsonObject().put("leadId", answer.getString("leadId"));
    }).recover(failure -> Future.failedFuture(new ActionFailure(SchedulingActions.code(failure), null)));
  }
}
