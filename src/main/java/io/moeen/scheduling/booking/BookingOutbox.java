package io.moeen.scheduling.booking;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The messages a booking owes the patient, written to the notifications outbox by the booking's own
 * statement: the confirmation now, reminders 24 h and 2 h before (those still ahead).
 */
final class BookingOutbox {
  static final String BOOKED = "appointment_booked";
  static final String REMINDER = "appointment_reminder";

  private BookingOutbox() {
  }

  /** The outbox rows of one booking, as the {@code book} statement takes them: one recipient, parallel arrays. */
  record Rows(Recipient to, String locale, List<String> events, List<String> payloads, List<String> notBefore,
              List<String> keys) {
    void addTo(Tuple values) {
      values.addUUID(to == null ? null : to.userId()).addString(to == null ? null : to.phone())
          .addString(to == null ? null : to.email()).addString(to == null ? null : to.channel()).addString(locale)
          .addArrayOfString(events.toArray(String[]::new)).addArrayOfString(payloads.toArray(String[]::new))
          .addArrayOfString(notBefore.toArray(String[]::new)).addArrayOfString(keys.toArray(String[]::new));
    }
  }

  /**
   * What to write for appointment {@code id}: its payload names the start at the location's offset
   * ({@code startsAt}) and the doctor, service and location. No way to reach the patient: no rows.
   */
  static Rows rows(BookingStore.Patient patient, UUID id, BookingRequest booking, String startsAt, Instant now) {
    Recipient to = Recipient.of(patient);
    List<String> events = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    List<String> notBefore = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    if (to != null) {
      JsonObject payload = new JsonObject().put("appointmentId", id.toString()).put("startsAt", startsAt)
          .put("doctorId", booking.doctorId().toString()).put("serviceId", booking.serviceId().toString())
          .put("locationId", booking.locationId().toString());
      events.add(BOOKED);
      payloads.add(payload.encode());
      notBefore.add(null);
      keys.add("appointment:" + id + ":booked");
      for (var reminder : List.of(new Object[] {"24h", Duration.ofHours(24)}, new Object[] {"2h", Duration.ofHours(2)})) {
        Instant due = booking.startsAt().minus((Duration) reminder[1]);
        if (due.isAfter(now)) {
          events.add(REMINDER);
          payloads.add(payload.copy().put("lead", reminder[0]).encode());
          notBefore.add(due.toString());
          keys.add("appointment:" + id + ":reminder:" + reminder[0]);
        }
      }
    }
    return new Rows(to, patient.language(), events, payloads, notBefore, keys);
  }

  /** In-app to the patient's account when there is one, else WhatsApp to their phone, else e-mail. */
  record Recipient(UUID userId, String phone, String email, String channel) {
    static Recipient of(BookingStore.Patient p) {
      if (p.userId() != null) {
        return new Recipient(p.userId(), null, null, "in_app");
      }
      if (p.phone() != null) {
        return new Recipient(null, p.phone(), null, "whatsapp");
      }
      return p.email() == null ? null : new Recipient(null, null, p.email(), "email");
    }
  }
}
