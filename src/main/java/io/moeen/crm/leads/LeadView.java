package io.moeen.crm.leads;

import io.moeen.crm.sla.LeadSla;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The API form of a lead. A linked patient shows only as its id: marketers never see patient records. */
public final class LeadView {
  private LeadView() {
  }

  /** The lead with its first-contact SLA measured by {@code sla}. */
  public static JsonObject json(Row row, LeadSla.Rules sla) {
    return json(row).put("sla", sla.of(row));
  }

  static JsonObject json(Row row) {
    JsonObject utm = new JsonObject().put("campaign", row.getString("utm_campaign"))
        .put("medium", row.getString("utm_medium")).put("source", row.getString("utm_source"))
        .put("content", row.getString("utm_content")).put("term", row.getString("utm_term"));
    JsonObject consent = new JsonObject()
        .put("optedInAt", instant(row.getOffsetDateTime("marketing_opt_in_at")))
        .put("channel", row.getString("marketing_opt_in_channel"))
        .put("wording", row.getString("marketing_opt_in_wording"))
        .put("optedOutAt", instant(row.getOffsetDateTime("marketing_opt_out_at")));
    String[] tags = row.getArrayOfStrings("tags");
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("fullName", row.getString("full_name"))
        .put("phone", row.getString("phone"))
        .put("email", row.getString("email"))
        .put("preferredLanguage", row.getString("preferred_language"))
        .put("source", row.getString("source"))
        .put("utm", utm)
        .put("interestedServiceId", id(row.getUUID("interested_service_id")))
        .put("interestedIn", row.getString("interested_in"))
        .put("ownerId", id(row.getUUID("owner_id")))
        .put("status", row.getString("status"))
        .put("lostReason", row.getString("lost_reason"))
        .put("score", row.getInteger("score"))
        .put("scoreBreakdown", row.getJsonArray("score_breakdown"))
        .put("tags", new JsonArray(tags == null ? java.util.List.of() : java.util.List.of(tags)))
        .put("notes", row.getString("notes"))
        .put("consent", consent)
        .put("firstContactedAt", instant(row.getOffsetDateTime("first_contacted_at")))
        .put("patientId", id(row.getUUID("patient_id")))
        .put("convertedAt", instant(row.getOffsetDateTime("converted_at")))
        .put("mergedIntoId", id(row.getUUID("merged_into_id")))
        .put("lastActivityAt", instant(row.getOffsetDateTime("last_activity_at")))
        .put("createdAt", instant(row.getOffsetDateTime("created_at")))
        .put("updatedAt", instant(row.getOffsetDateTime("updated_at")))
        .put("version", row.getInteger("version"));
  }

  static String id(UUID id) {
    return id == null ? null : id.toString();
  }

  static String instant(OffsetDateTime t) {
    return t == null ? null : t.toInstant().toString();
  }
}
