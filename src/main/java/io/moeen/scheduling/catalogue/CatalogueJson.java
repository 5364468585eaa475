package io.moeen.scheduling.catalogue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.UUID;

/** Catalogue rows as the contract shows them: `name` in the request's language, and both. */
final class CatalogueJson {
  private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm");

  private CatalogueJson() {
  }

  static JsonObject department(Row row, boolean ar) {
    return named(row, ar)
        .put("id", row.getUUID("id").toString())
        .put("code", row.getString("code"))
        .put("description", ar ? row.getString("description_ar") : row.getString("description_en"))
        .put("descriptionAr", row.getString("description_ar"))
        .put("descriptionEn", row.getString("description_en"))
        .put("sortOrder", row.getInteger("sort_order"))
        .put("isActive", row.getBoolean("is_active"));
  }

  static JsonObject location(Row row, boolean ar) {
    return named(row, ar)
        .put("id", row.getUUID("id").toString())
        .put("code", row.getString("code"))
        .put("address", ar ? row.getString("address_ar") : row.getString("address_en"))
        .put("addressAr", row.getString("address_ar"))
        .put("addressEn", row.getString("address_en"))
        .put("phone", row.getString("phone"))
        .put("latitude", number(row.getBigDecimal("latitude")))
        .put("longitude", number(row.getBigDecimal("longitude")))
        .put("timeZone", row.getString("time_zone"))
        .put("weekendDays", new JsonArray(Arrays.stream(row.getArrayOfShorts("weekend_days")).map(Short::intValue).toList()))
        .put("isActive", row.getBoolean("is_active"));
  }

  static JsonObject room(Row row, boolean ar) {
    return named(row, ar)
        .put("id", row.getUUID("id").toString())
        .put("locationId", row.getUUID("location_id").toString())
        .put("kind", row.getString("kind"))
        .put("isActive", row.getBoolean("is_active"));
  }

  static JsonObject service(Row row, boolean ar) {
    return named(row, ar)
        .put("id", row.getUUID("id").toString())
        .put("code", row.getString("code"))
        .put("description", ar ? row.getString("description_ar") : row.getString("description_en"))
        .put("descriptionAr", row.getString("description_ar"))
        .put("descriptionEn", row.getString("description_en"))
        .put("category", row.getString("category"))
        .put("departmentId", text(row.getUUID("department_id")))
        .put("durationMinutes", row.getInteger("duration_minutes"))
        .put("price", number(row.getBigDecimal("price")))
        .put("currency", row.getString("currency"))
        .put("bufferBeforeMinutes", row.getInteger("buffer_before_minutes"))
        .put("bufferAfterMinutes", row.getInteger("buffer_after_minutes"))
        .put("doctorIds", ids(row.getArrayOfUUIDs("doctor_ids")))
        .put("isActive", row.getBoolean("is_active"));
  }

  static JsonObject doctor(Row row, boolean ar) {
    String nameAr = join(row.getString("first_name_ar"), row.getString("last_name_ar"));
    String nameEn = join(row.getString("first_name_en"), row.getString("last_name_en"));
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("userId", row.getUUID("user_id").toString())
        .put("name", ar ? firstOf(nameAr, nameEn) : firstOf(nameEn, nameAr))
        .put("nameAr", nameAr)
        .put("nameEn", nameEn)
        .put("specialty", ar ? row.getString("specialty_ar") : row.getString("specialty_en"))
        .put("specialtyAr", row.getString("specialty_ar"))
        .put("specialtyEn", row.getString("specialty_en"))
        .put("bio", ar ? row.getString("bio_ar") : row.getString("bio_en"))
        .put("bioAr", row.getString("bio_ar"))
        .put("bioEn", row.getString("bio_en"))
        .put("licenseNumber", row.getString("license_number"))
        .put("consultationFee", number(row.getBigDecimal("consultation_fee")))
        .put("currency", "SAR")
        .put("departmentId", text(row.getUUID("department_id")))
        .put("department", ar ? row.getString("department_name_ar") : row.getString("department_name_en"))
        .put("serviceIds", ids(row.getArrayOfUUIDs("service_ids")))
        .put("locationIds", ids(row.getArrayOfUUIDs("location_ids")))
        .put("isActive", row.getBoolean("is_active"));
  }

  static JsonObject weeklyBlock(Row row) {
    return new JsonObject()
        .put("locationId", row.getUUID("location_id").toString())
        .put("dayOfWeek", row.getInteger("day_of_week"))
        .put("startsAt", hours(row.getLocalTime("starts_at")))
        .put("endsAt", hours(row.getLocalTime("ends_at")))
        .put("validFrom", text(row.getLocalDate("valid_from")))
        .put("validUntil", text(row.getLocalDate("valid_until")));
  }

  static JsonObject override(Row row, boolean ar) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("doctorId", row.getUUID("doctor_id").toString())
        .put("locationId", row.getUUID("location_id").toString())
        .put("date", row.getLocalDate("on_date").toString())
        .put("closed", row.getBoolean("is_closed"))
        .put("startsAt", hours(row.getLocalTime("starts_at")))
        .put("endsAt", hours(row.getLocalTime("ends_at")))
        .put("reason", ar ? row.getString("reason_ar") : row.getString("reason_en"))
        .put("reasonAr", row.getString("reason_ar"))
        .put("reasonEn", row.getString("reason_en"));
  }

  static JsonObject holiday(Row row, boolean ar) {
    return named(row, ar)
        .put("id", row.getUUID("id").toString())
        .put("locationId", text(row.getUUID("location_id")))
        .put("startsOn", row.getLocalDate("starts_on").toString())
        .put("endsOn", row.getLocalDate("ends_on").toString());
  }

  static JsonObject ramadanBlock(Row row) {
    LocalTime starts = row.getLocalTime("starts_at");
    LocalTime ends = row.getLocalTime("ends_at");
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("doctorId", text(row.getUUID("doctor_id")))
        .put("dayOfWeek", row.getInteger("day_of_week"))
        .put("startsAt", hours(starts))
        .put("endsAt", hours(ends))
        .put("crossesMidnight", !ends.isAfter(starts));
  }

  private static JsonObject named(Row row, boolean ar) {
    return new JsonObject()
        .put("name", ar ? row.getString("name_ar") : row.getString("name_en"))
        .put("nameAr", row.getString("name_ar"))
        .put("nameEn", row.getString("name_en"));
  }

  static String hours(LocalTime time) {
    return time == null ? null : HOURS.format(time);
  }

  private static JsonArray ids(UUID[] ids) {
    return new JsonArray(Arrays.stream(ids).map(UUID::toString).toList());
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }

  private static Number number(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal plain = value.stripTrailingZeros();
    return plain.scale() <= 0 ? (Number) plain.longValueExact() : (Number) plain.doubleValue();
  }

  private static String join(String first, String last) {
    String joined = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
    return joined.isEmpty() ? null : joined;
  }

  private static String firstOf(String preferred, String other) {
    return preferred != null ? preferred : other;
  }
}
