package io.moeen.notifications.preferences;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person's preferences as sent to {@code PUT /v1/me/notification-preferences}, checked field by
 * field: every event type must have a template (or be {@code *}), every channel must exist, quiet
 * hours need both ends, and the time zone must be an IANA region id.
 */
record PreferencesInput(JsonObject channels, LocalTime quietStart, LocalTime quietEnd, String timeZone,
                        String language) {
  static final List<String> CHANNELS = List.of("in_app", "whatsapp", "sms", "email");
  static final String EVERY_EVENT = "*";
  /** Asked for by the person themselves, so always delivered; a preference for it is refused. */
  static final Set<String> NOT_SWITCHABLE = Set.of("password_reset", "signup_code");

  static PreferencesInput parse(JsonObject body, Set<String> eventTypes) {
    JsonObject channels = body.getJsonObject("channels", new JsonObject());
    for (String event : channels.fieldNames()) {
      String field = "channels." + event;
      if (NOT_SWITCHABLE.contains(event)) {
        throw Problem.invalid("preference_not_allowed", field, Map.of("eventType", event));
      }
      if (!EVERY_EVENT.equals(event) && !eventTypes.contains(event)) {
        throw Problem.invalid("unknown_event_type", field, Map.of("eventType", event));
      }
      Object switches = channels.getValue(event);
      if (!(switches instanceof JsonObject perChannel)) {
        throw Problem.invalid("unknown_channel", field, Map.of("channel", String.valueOf(switches)));
      }
      for (String channel : perChannel.fieldNames()) {
        if (!CHANNELS.contains(channel) || !(perChannel.getValue(channel) instanceof Boolean)) {
          throw Problem.invalid("unknown_channel", field + "." + channel, Map.of("channel", channel));
        }
      }
    }
    JsonObject quiet = body.getJsonObject("quietHours");
    LocalTime start = null;
    LocalTime end = null;
    if (quiet != null) {
      start = time(quiet, "start");
      end = time(quiet, "end");
    }
    String zone = body.getString("timeZone");
    if (zone != null && !ZoneId.getAvailableZoneIds().contains(zone)) {
      throw Problem.invalid("unknown_time_zone", "timeZone", Map.of("timeZone", zone));
    }
    return new PreferencesInput(channels, start, end, zone, body.getString("language"));
  }

  private static LocalTime time(JsonObject quiet, String end) {
    String value = quiet.getString(end);
    if (value == null) {
      throw Problem.invalid("quiet_hours_incomplete", "quietHours." + end, Map.of());
    }
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException e) {
      throw Problem.invalid("quiet_hours_incomplete", "quietHours." + end, Map.of());
    }
  }
}
