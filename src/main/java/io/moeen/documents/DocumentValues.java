package io.moeen.documents;

import io.moeen.common.i18n.CalendarSystem;
import io.moeen.common.i18n.DateTimeText;
import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

/**
 * What each placeholder holds for one patient (and encounter), in one language: read from
 * {@code documents_context} in the database, dates in the clinic's zone, Gregorian and Hijri (Umm al-Qura).
 * A value the record does not have prints as a dash.
 */
final class DocumentValues {
  static final String MISSING = "—";

  private final Map<String, String> values = new HashMap<>();
  private final JsonObject context;
  private final SupportedLocale lang;

  DocumentValues(JsonObject context, SupportedLocale lang, ZoneId zone, Instant now, Messages messages, String notes) {
    this.context = context;
    this.lang = lang;
    boolean ar = lang == SupportedLocale.AR;
    JsonObject patient = part("patient");
    JsonObject doctor = part("doctor");
    JsonObject clinic = part("clinic");
    JsonObject encounter = part("encounter");
    LocalDate today = now.atZone(zone).toLocalDate();
    put("patient.name", named(patient));
    put("patient.mrn", patient.getString("mrn"));
    String dob = patient.getString("dateOfBirth");
    if (dob != null) {
      LocalDate born = LocalDate.parse(dob);
      put("patient.dateOfBirth", DateTimeText.formatDate(born, lang, CalendarSystem.GREGORIAN, DigitStyle.LATIN));
      put("patient.age", String.valueOf(Period.between(born, today).getYears()));
    }
    String gender = patient.getString("gender");
    if (gender != null) {
      put("patient.gender", messages.format(lang, "documents.gender." + gender));
    }
    put("doctor.name", named(doctor));
    put("doctor.specialty", doctor.getString(ar ? "specialtyAr" : "specialtyEn"));
    put("doctor.license", doctor.getString("license"));
    put("clinic.name", clinic.getString(ar ? "nameAr" : "nameEn"));
    put("clinic.address", first(clinic.getString(ar ? "addressAr" : "addressEn"), clinic.getString(ar ? "addressEn" : "addressAr")));
    put("clinic.phone", clinic.getString("phone"));
    put("date.gregorian", DateTimeText.formatDate(today, lang, CalendarSystem.GREGORIAN, DigitStyle.LATIN));
    put("date.hijri", DateTimeText.formatDate(today, lang, CalendarSystem.HIJRI, DigitStyle.LATIN));
    String started = encounter.getString("startedAt");
    if (started != null) {
      LocalDate day = Instant.parse(normalised(started)).atZone(zone).toLocalDate();
      put("encounter.date", DateTimeText.formatDate(day, lang, CalendarSystem.GREGORIAN, DigitStyle.LATIN));
      put("encounter.dateHijri", DateTimeText.formatDate(day, lang, CalendarSystem.HIJRI, DigitStyle.LATIN));
    }
    put("encounter.complaint", encounter.getString("complaint"));
    put("encounter.diagnoses", encounter.getString(ar ? "diagnosesAr" : "diagnosesEn"));
    put("document.notes", notes);
  }

  /** The value of a placeholder, unescaped; a dash when the record has none. */
  String get(String name) {
    return values.getOrDefault(name, MISSING);
  }

  /**
   * Whether an Arabic document must set this value left to right on its own (a phone number, "5 mg", a record
   * number): in a right-to-left cell the bidi algorithm would show "+966…" as "966…+" and "5 mg" as "mg 5".
   */
  boolean ltrInArabic(String value) {
    if (lang != SupportedLocale.AR || value == null || value.isEmpty()) {
      return false;
    }
    char c = value.charAt(0);
    // "90 يومًا" is Arabic text that starts with a number: it stays right to left
    return (c == '+' || c < 0x80 && Character.isLetterOrDigit(c)) && value.chars().noneMatch(ch -> ch >= 0x0600 && ch <= 0x06FF);
  }

  boolean ar() {
    return lang == SupportedLocale.AR;
  }

  private JsonObject part(String name) {
    JsonObject part = context.getJsonObject(name);
    return part == null ? new JsonObject() : part;
  }

  /** A person's name in the document's language, else in the other one. */
  private String named(JsonObject person) {
    return lang == SupportedLocale.AR ? first(person.getString("nameAr"), person.getString("nameEn"))
        : first(person.getString("nameEn"), person.getString("nameAr"));
  }

  private void put(String name, String value) {
    if (value != null && !value.isBlank()) {
      values.put(name, value.strip());
    }
  }

  private static String first(String a, String b) {
    return a != null && !a.isBlank() ? a : b;
  }

  /** PostgreSQL's jsonb timestamps ({@code 2026-01-02T10:00:00+03:00}) as an instant java.time reads. */
  private static String normalised(String timestamp) {
    return java.time.OffsetDateTime.parse(timestamp).toInstant().toString();
  }
}
