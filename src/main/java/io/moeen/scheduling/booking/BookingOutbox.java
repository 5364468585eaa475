package io.moeen.scheduling.booking;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The messages a booking owes the patient, written to the notifications outbox in the booking's
 * transaction: the confirmation now, reminders 24 h and 2 h before (those still ahead).
 */
final class BookingOutbox {
  static final String BOOKED = "appointment_booked";
  static final String REMINDER = "appointment_reminder";

  private final BookingStore store;

  BookingOutbox(BookingStore store) {
    this.store = store;
  }

  Future<Void> write(SqlConnection conn, BookingStore.Patient patient, JsonObject appointment, Instant startsAt,
                     Instant now) {
    Recipient to = Recipient.of(patient);
    if (to == null) {
      return Future.succeededFuture(); // no account, phone or e-mail: nobody to tell
    }
    String id = appointment.getString("id");
    JsonObject payload = new JsonObject().put("appointmentId", id).put("startsAt", appointment.getString("startsAt"))
        .put("doctorId", appointment.getString("doctorId")).put("serviceId", appointment.getString("serviceId"))
        .put("locationId", appointment.getString("locationId"));
    List<Tuple> rows = new ArrayList<>();
    rows.add(to.row(BOOKED, patient.language(), payload, null, "appointment:" + id + ":booked"));
    for (var reminder : List.of(new Object[] {"24h", Duration.ofHours(24)}, new Object[] {"2h", Duration.ofHours(2)})) {
      Instant due = startsAt.minus((Duration) reminder[1]);
      if (due.isAfter(now)) {
        rows.add(to.row(REMINDER, patient.language(), payload.copy().put("lead", reminder[0]), due,
            "appointment:" + id + ":reminder:" + reminder[0]));
      }
    }
    Future<Void> done = Future.succeededFuture();
    for (Tuple row : rows) {
      done = done.compose(previous -> store.notify(conn, row));
    }
    return done;
  }

  /** In-app to the patient's account when there is one, else WhatsApp to their phone, else e-mail. */
  private record Recipient(UUID userId, String phone, String email, String channel) {
    static Recipient of(BookingStore.Patient p) {
      if (p.userId() != null) {
        return new Recipient(p.userId(), null, null, "in_app");
      }
      if (p.phone() != null) {
        return new Recipient(null, p.phone(), null, "whatsapp");
      }
      return p.email() == null ? null : new Recipient(null, null, p.email(), "email");
    }

    Tuple row(String event, String locale, JsonObject payload, Instant notBefore, String key) {
      return Tuple.tuple().addUUID(userId).addString(phone).addString(email).addString(channel).addString(event)
          .addString(locale).addValue(payload)
          .addOffsetDateTime(notBefore == null ? null : BookingStore.utc(notBefore)).addString(key);
    }
  }
}
