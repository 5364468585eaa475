package io.moeen.billing.documents;

import io.vertx.sqlclient.Row;

import java.time.ZoneId;

/** The seller as the invoice prints it (the branch's ZATCA details), and the branch's zone for its dates. */
public record Seller(String nameAr, String nameEn, String vatNumber, String commercialRegistration, String street,
                     String buildingNumber, String district, String city, String postalCode, ZoneId zone) {

  static Seller of(Row row) {
    return new Seller(row.getString("name_ar"), row.getString("name_en"), row.getString("vat_number"),
        row.getString("commercial_registration"), row.getString("street"), row.getString("building_number"),
        row.getString("district"), row.getString("city"), row.getString("postal_code"),
        ZoneId.of(row.getString("time_zone")));
  }

  String address() {
    StringBuilder out = new StringBuilder();
    for (String part : new String[] {buildingNumber, street, district, city, postalCode}) {
      if (part != null && !part.isBlank()) {
        out.append(out.isEmpty() ? "" : "، ").append(part);
      }
    }
    return out.toString();
  }
}
