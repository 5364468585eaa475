package io.moeen.identity.admin;

import io.moeen.common.i18n.PersonNames;
import io.moeen.common.time.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.UUID;

/**
 * Rows of the administration queries as answers. Localized names come in the request's language
 * ({@code name}) and in both ({@code nameAr}, {@code nameEn}). Accounts never carry password
 * hashes or TOTP secrets: the queries do not select them.
 */
final class AdminJson {
  private AdminJson() {
  }

  static JsonObject permission(Row row, String locale) {
    String ar = row.getString("description_ar");
    String en = row.getString("description_en");
    return new JsonObject()
        .put("code", row.getString("code"))
        .put("description", localized(locale, ar, en))
        .put("descriptionAr", ar)
        .put("descriptionEn", en);
  }

  static JsonObject role(Row row, String locale) {
    String ar = row.getString("name_ar");
    String en = row.getString("name_en");
    return new JsonObject()
        .put("code", row.getString("code"))
        .put("name", localized(locale, ar, en))
        .put("nameAr", ar)
        .put("nameEn", en)
        .put("description", localized(locale, row.getString("description_ar"), row.getString("description_en")))
        .put("descriptionAr", row.getString("description_ar"))
        .put("descriptionEn", row.getString("description_en"))
        .put("isSystem", row.getBoolean("is_system"))
        .put("isProtected", row.getBoolean("is_protected"))
        .put("holders", row.getLong("holders"))
        .put("permissions", strings(row.getArrayOfStrings("permissions")));
  }

  static JsonObject user(Row row, String locale) {
    String ar = PersonNames.full(row.getString("first_name_ar"), row.getString("last_name_ar"));
    String en = PersonNames.full(row.getString("first_name_en"), row.getString("last_name_en"));
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("email", row.getString("email"))
        .put("phone", row.getString("phone"))
        .put("name", localized(locale, ar, en))
        .put("nameAr", ar)
        .put("nameEn", en)
        .put("languagePreference", row.getString("language_preference"))
        .put("isActive", row.getBoolean("is_active"))
        .put("twoFactorEnabled", row.getBoolean("totp_enabled"))
        .put("lastLogin", Timestamps.iso(row.getOffsetDateTime("last_login")))
        .put("createdAt", Timestamps.iso(row.getOffsetDateTime("created_at")))
        .put("roles", strings(row.getArrayOfStrings("roles")));
  }

  static JsonObject roleRequest(Row row, String locale) {
    String ar = row.getString("role_name_ar");
    String en = row.getString("role_name_en");
    String userAr = PersonNames.full(row.getString("first_name_ar"), row.getString("last_name_ar"));
    String userEn = PersonNames.full(row.getString("first_name_en"), row.getString("last_name_en"));
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("userId", row.getUUID("user_id").toString())
        .put("userName", localized(locale, userAr, userEn))
        .put("roleCode", row.getString("role_code"))
        .put("roleName", localized(locale, ar, en))
        .put("roleNameAr", ar)
        .put("roleNameEn", en)
        .put("reason", row.getString("reason"))
        .put("status", row.getString("status"))
        .put("reviewedBy", uuid(row.getUUID("reviewed_by")))
        .put("reviewedAt", Timestamps.iso(row.getOffsetDateTime("reviewed_at")))
        .put("reviewNotes", row.getString("review_notes"))
        .put("createdAt", Timestamps.iso(row.getOffsetDateTime("created_at")));
  }

  static JsonObject auditEntry(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("occurredAt", Timestamps.iso(row.getOffsetDateTime("occurred_at")))
        .put("userId", uuid(row.getUUID("user_id")))
        .put("role", row.getString("role"))
        .put("action", row.getString("action"))
        .put("entityType", row.getString("entity_type"))
        .put("entityId", row.getString("entity_id"))
        .put("patientId", uuid(row.getUUID("patient_id")))
        .put("oldValues", row.getValue("old_values"))
        .put("newValues", row.getValue("new_values"))
        .put("ipAddress", row.getString("ip_address"))
        .put("requestId", row.getString("request_id"));
  }

  /** The text in the request's language, or the other one when that is missing. */
  static String localized(String locale, String ar, String en) {
    boolean arabic = locale != null && locale.startsWith("ar");
    String preferred = arabic ? ar : en;
    return preferred != null ? preferred : (arabic ? en : ar);
  }


  private static JsonArray strings(String[] values) {
    return new JsonArray(values == null ? java.util.List.of() : Arrays.asList(values));
  }


  private static String uuid(UUID id) {
    return id == null ? null : id.toString();
  }
}
