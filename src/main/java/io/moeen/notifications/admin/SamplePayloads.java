package io.moeen.notifications.admin;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Believable data for previewing each event's template: tomorrow at 10:00 in the clinic's zone, and so on. */
final class SamplePayloads {
  private SamplePayloads() {
  }

  static JsonObject of(String eventType, Instant now, ZoneId zone) {
    ZonedDateTime tomorrow = now.atZone(zone).plusDays(1).with(LocalTime.of(10, 0));
    String startsAt = tomorrow.toOffsetDateTime().toString();
    String later = tomorrow.plusDays(2).withHour(16).toOffsetDateTime().toString();
    return switch (eventType) {
      // a patient without an intake form is sent its link (db/changes/028: the outbox row is completed in the database)
      case "appointment_booked" -> new JsonObject().put("startsAt", startsAt)
          .put("serviceAr", "كشف عام").put("serviceEn", "General consultation")
          .put("doctorAr", "خالد العتيبي").put("doctorEn", "Khalid Al-Otaibi")
          .put("branchAr", "فرع العليا — طريق الملك فهد، الرياض").put("branchEn", "Olaya branch — King Fahd Road, Riyadh")
          .put("price", 150).put("currency", "SAR").put("intakeFormNeeded", 1)
          .put("intakeFormUrl", "https://clinic.example/app/portal/#/intake/00000000-0000-4000-9000-000000000008");
      case "appointment_cancelled", "appointment_cancel_requested" -> new JsonObject().put("startsAt", startsAt);
      case "appointment_reminder" -> new JsonObject().put("startsAt", startsAt).put("lead", "24h");
      case "appointment_rescheduled" -> new JsonObject().put("previousStartsAt", startsAt).put("startsAt", later);
      case "appointment_reschedule_requested" -> new JsonObject().put("startsAt", startsAt).put("requestedStartsAt", later);
      case "password_reset" -> new JsonObject().put("token", "483920")
          .put("expiresAt", now.atZone(zone).plusMinutes(30).toOffsetDateTime().toString());
      case "signup_code" -> new JsonObject().put("code", "483920").put("minutes", 10);
      case "lead_assigned" -> new JsonObject().put("leadName", "Sara Al-Harbi").put("leadPhone", "+966501234567");
      case "lead_follow_up_due" -> new JsonObject().put("leadName", "Sara Al-Harbi").put("leadPhone", "+966501234567")
          .put("dueAt", startsAt);
      default -> new JsonObject();
    };
  }
}
