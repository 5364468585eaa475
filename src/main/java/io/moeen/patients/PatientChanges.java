package io.moeen.patients;

import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.Digits;
import io.moeen.identity.LoginIdentifier;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a registration or an edit says about a patient, checked and normalized into column
 * values: the rules the contract cannot say (birth date in range, national id or iqama shape,
 * phone numbers in E.164). Only the fields present in the body appear, so an edit touches only them.
 */
record PatientChanges(Map<String, Object> columns, Set<String> fields) {
  /** What a patient may change on their own record; everything else is for staff. */
  static final Set<String> CONTACT_FIELDS = Set.of("phone", "email", "address", "emergencyContact", "preferredLanguage");
  /** The earliest birth date the records accept (the database refuses it and anything before). */
  static final LocalDate EARLIEST_BIRTH = LocalDate.of(1880, 1, 1);

  private static final Map<String, String> TEXT_COLUMNS = Map.of(
      "firstNameAr", "first_name_ar", "lastNameAr", "last_name_ar",
      "firstNameEn", "first_name_en", "lastNameEn", "last_name_en",
      "address", "address", "medicalHistory", "medical_history",
      "gender", "gender", "preferredLanguage", "preferred_language");

  static PatientChanges parse(JsonObject body, ZoneId clinicZone) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (String field : body.fieldNames()) {
      Object value = body.getValue(field);
      String column = TEXT_COLUMNS.get(field);
      if (column != null) {
        columns.put(column, text(value));
        continue;
      }
      switch (field) {
        case "dateOfBirth" -> columns.put("date_of_birth", birthDate(value, clinicZone));
        case "nationalId" -> columns.put("national_id", nationalId(value));
        case "phone" -> columns.put("phone", phone(value, "phone"));
        case "email" -> columns.put("email", value == null ? null : ((String) value).trim().toLowerCase(Locale.ROOT));
        case "knownAllergies" -> columns.put("known_allergies", allergies(value));
        case "emergencyContact" -> {
          JsonObject contact = value instanceof JsonObject json ? json : new JsonObject();
          columns.put("emergency_contact_name", text(contact.getValue("name")));
          columns.put("emergency_contact_phone", phone(contact.getValue("phone"), "emergencyContact.phone"));
        }
        default -> throw new IllegalArgumentException("the contract lets through an unknown field " + field);
      }
    }
    return new PatientChanges(columns, new LinkedHashSet<>(body.fieldNames()));
  }

  /** A new patient needs a first name in at least one language. */
  PatientChanges requireName() {
    if (columns.get("first_name_ar") == null && columns.get("first_name_en") == null) {
      throw Problem.invalid("patient_name_required", "firstNameAr", Map.of());
    }
    return this;
  }

  /** The first field outside {@code allowed}, if any. */
  java.util.Optional<String> firstFieldOutside(Set<String> allowed) {
    return fields.stream().filter(f -> !allowed.contains(f)).sorted().findFirst();
  }

  Object get(String column) {
    return columns.get(column);
  }

  /** The changed columns as JSON, for the one UPDATE statement. */
  JsonObject asJson() {
    JsonObject json = new JsonObject();
    columns.forEach((column, value) -> {
      if (value instanceof LocalDate date) {
        json.put(column, date.toString());
      } else if (value instanceof String[] list) {
        json.put(column, new JsonArray(List.of(list)));
      } else {
        json.put(column, value);
      }
    });
    return json;
  }

  private static String text(Object value) {
    if (value == null) {
      return null;
    }
    String trimmed = ((String) value).strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static LocalDate birthDate(Object value, ZoneId clinicZone) {
    if (value == null) {
      return null;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(Digits.toAscii((String) value));
    } catch (DateTimeParseException e) {
      throw Problem.invalid("invalid_birth_date", "dateOfBirth", Map.of("value", String.valueOf(value)));
    }
    if (!date.isAfter(EARLIEST_BIRTH) || date.isAfter(LocalDate.now(clinicZone))) {
      throw Problem.invalid("invalid_birth_date", "dateOfBirth", Map.of("value", date.toString()));
    }
    return date;
  }

  /** Saudi national ids start with 1, iqama numbers with 2; both have ten digits. */
  private static String nationalId(Object value) {
    if (value == null) {
      return null;
    }
    String digits = Digits.toAscii(((String) value).strip()).replaceAll("[\\s-]", "");
    if (!digits.matches("[12][0-9]{9}")) {
      throw Problem.invalid("invalid_national_id", "nationalId", Map.of());
    }
    return digits;
  }

  private static String phone(Object value, String field) {
    if (value == null) {
      return null;
    }
    return LoginIdentifier.normalizePhone((String) value)
        .orElseThrow(() -> Problem.invalid("invalid_phone", field, Map.of("value", String.valueOf(value))));
  }

  private static String[] allergies(Object value) {
    List<String> list = new ArrayList<>();
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        String allergy = text(item);
        if (allergy != null && !list.contains(allergy)) {
          list.add(allergy);
        }
      }
    }
    return list.toArray(String[]::new);
  }
}
