package io.moeen.identity;

import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.Digits;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;

/** A sign-up form after the rules the contract cannot say: a way to reach the person, a name, a real birth date. */
record NewPatientAccount(String email, String phone, String password, String firstNameAr, String lastNameAr,
                         String firstNameEn, String lastNameEn, LocalDate dateOfBirth, String gender, String language) {

  static NewPatientAccount from(JsonObject body) {
    String email = blankToNull(body.getString("email"));
    String typedPhone = blankToNull(body.getString("phone"));
    if (email == null && typedPhone == null) {
      throw Problem.invalid("contact_required", "email", Map.of());
    }
    String phone = typedPhone == null ? null : LoginIdentifier.normalizePhone(typedPhone)
        .orElseThrow(() -> Problem.invalid("invalid_phone", "phone", Map.of("value", typedPhone)));
    String firstAr = blankToNull(body.getString("firstNameAr"));
    String firstEn = blankToNull(body.getString("firstNameEn"));
    if (firstAr == null && firstEn == null) {
      throw Problem.invalid("name_required", "firstNameAr", Map.of());
    }
    return new NewPatientAccount(email == null ? null : email.toLowerCase(Locale.ROOT), phone,
        body.getString("password"), firstAr, blankToNull(body.getString("lastNameAr")), firstEn,
        blankToNull(body.getString("lastNameEn")), birthDate(body.getString("dateOfBirth")),
        body.getString("gender"), body.getString("languagePreference", "ar"));
  }

  private static LocalDate birthDate(String typed) {
    try {
      LocalDate date = LocalDate.parse(Digits.toAscii(typed));
      // a birth date is a calendar day; "today" is taken in UTC+14 so no one born today is refused
      if (date.isAfter(LocalDate.now(Clock.system(ZoneOffset.ofHours(14)))) || date.getYear() < 1881) {
        throw Problem.invalid("invalid_date_of_birth", "dateOfBirth", Map.of("value", typed));
      }
      return date;
    } catch (DateTimeParseException | NullPointerException e) {
      throw Problem.invalid("invalid_date_of_birth", "dateOfBirth", Map.of("value", String.valueOf(typed)));
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
