package io.moeen.crm.leads;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.Map;
import java.util.UUID;

/** A lead's editable details after a PATCH: what was sent replaces, what was not is kept. */
record LeadChange(String fullName, String phone, String email, String preferredLanguage, UUID interestedServiceId,
                  String interestedIn, String[] tags, String notes, UUID ownerId) {

  static LeadChange apply(Row current, JsonObject body) {
    String name = body.containsKey("fullName") ? body.getString("fullName").strip() : current.getString("full_name");
    if (name.isEmpty()) {
      throw Problem.invalid("lead_name_required", "fullName", Map.of());
    }
    String phone = body.containsKey("phone") ? LeadContact.phone(body.getString("phone")) : current.getString("phone");
    String email = body.containsKey("email") ? LeadContact.email(body.getString("email")) : current.getString("email");
    if (phone == null && email == null) {
      throw Problem.invalid("lead_contact_required", body.containsKey("phone") ? "phone" : "email", Map.of());
    }
    return new LeadChange(name, phone, email,
        body.containsKey("preferredLanguage") ? body.getString("preferredLanguage") : current.getString("preferred_language"),
        body.containsKey("interestedServiceId") ? uuid(body.getString("interestedServiceId")) : current.getUUID("interested_service_id"),
        body.containsKey("interestedIn") ? blankToNull(body.getString("interestedIn")) : current.getString("interested_in"),
        body.containsKey("tags") ? body.getJsonArray("tags").stream().map(String::valueOf).map(String::strip).distinct()
            .toArray(String[]::new) : current.getArrayOfStrings("tags"),
        body.containsKey("notes") ? blankToNull(body.getString("notes")) : current.getString("notes"),
        body.containsKey("ownerId") ? uuid(body.getString("ownerId")) : current.getUUID("owner_id"));
  }

  private static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
