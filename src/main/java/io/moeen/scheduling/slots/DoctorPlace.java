package io.moeen.scheduling.slots;

import io.vertx.sqlclient.Row;

import java.time.ZoneId;
import java.util.UUID;

/** A doctor who offers the service and works at a location, with the name in both languages. */
record DoctorPlace(UUID doctorId, UUID locationId, ZoneId zone, String nameAr, String nameEn) {
  /** From a {@code place} row of slot_inputs. */
  static DoctorPlace from(Row row) {
    String[] names = row.getArrayOfStrings("names"); // first and last, in Arabic then English
    return new DoctorPlace(row.getUUID("doctor_id"), row.getUUID("location_id"), ZoneId.of(row.getString("label")),
        join(names[0], names[1]), join(names[2], names[3]));
  }

  /** The name in {@code locale}, or in the other language when it has none. */
  String name(String locale) {
    String preferred = "ar".equals(locale) ? nameAr : nameEn;
    return preferred != null ? preferred : ("ar".equals(locale) ? nameEn : nameAr);
  }

  private static String join(String first, String last) {
    if (first == null) {
      return last;
    }
    return last == null ? first : first + " " + last;
  }
}
