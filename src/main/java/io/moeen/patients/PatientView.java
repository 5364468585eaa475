package io.moeen.patients;

import io.moeen.common.i18n.PersonNames;
import io.moeen.common.time.Timestamps;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A patient row as the API shows it; the medical fields only to those who may read them. */
final class PatientView {
  private PatientView() {
  }

  static JsonObject of(Row row, boolean withMedicalFields) {
    JsonObject json = new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("medicalRecordNumber", row.getString("medical_record_number"))
        .put("name", new JsonObject()
            .put("ar", PersonNames.full(row.getString("first_name_ar"), row.getString("last_name_ar")))
            .put("en", PersonNames.full(row.getString("first_name_en"), row.getString("last_name_en"))))
        .put("firstNameAr", row.getString("first_name_ar"))
        .put("lastNameAr", row.getString("last_name_ar"))
        .put("firstNameEn", row.getString("first_name_en"))
        .put("lastNameEn", row.getString("last_name_en"))
        .put("dateOfBirth", date(row.getLocalDate("date_of_birth")))
        .put("gender", row.getString("gender"))
        .put("nationalId", row.getString("national_id"))
        .put("phone", row.getString("phone"))
        .put("email", row.getString("email"))
        .put("address", row.getString("address"))
        .put("emergencyContact", new JsonObject()
            .put("name", row.getString("emergency_contact_name"))
            .put("phone", row.getString("emergency_contact_phone")))
        .put("preferredLanguage", row.getString("preferred_language"))
        .put("userId", row.getUUID("user_id") == null ? null : row.getUUID("user_id").toString())
        .put("isActive", row.getBoolean("is_active"))
        .put("createdAt", Timestamps.iso(row.getOffsetDateTime("created_at")))
        .put("updatedAt", Timestamps.iso(row.getOffsetDateTime("updated_at")));
    if (withMedicalFields) {
      json.put("knownAllergies", new JsonArray(List.of(row.getArrayOfStrings("known_allergies"))))
          .put("medicalHistory", row.getString("medical_history"));
    }
    return json;
  }



  private static String date(LocalDate date) {
    return date == null ? null : date.toString();
  }
}
