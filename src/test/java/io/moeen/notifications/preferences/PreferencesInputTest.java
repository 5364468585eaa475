package io.moeen.notifications.preferences;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PreferencesInputTest {
  private static final Set<String> EVENTS = Set.of("appointment_reminder", "appointment_booked", "password_reset");

  @Test
  void a_full_set_of_choices_is_read_as_sent() {
    PreferencesInput input = PreferencesInput.parse(new JsonObject()
        .put("channels", new JsonObject().put("*", new JsonObject().put("sms", false))
            .put("appointment_reminder", new JsonObject().put("sms", true)))
        .put("quietHours", new JsonObject().put("start", "23:00").put("end", "06:30"))
        .put("timeZone", "Europe/London").put("language", "en"), EVENTS);
    assertThat(input.quietStart()).isEqualTo(LocalTime.of(23, 0));
    assertThat(input.quietEnd()).isEqualTo(LocalTime.of(6, 30));
    assertThat(input.timeZone()).isEqualTo("Europe/London");
    assertThat(input.channels().getJsonObject("appointment_reminder").getBoolean("sms")).isTrue();
  }

  @Test
  void nothing_sent_means_the_clinic_defaults() {
    PreferencesInput input = PreferencesInput.parse(new JsonObject().putNull("quietHours").putNull("timeZone"), EVENTS);
    assertThat(input.channels()).isEmpty();
    assertThat(input.quietStart()).isNull();
    assertThat(input.timeZone()).isNull();
    assertThat(input.language()).isNull();
  }

  @Test
  void each_bad_field_is_named() {
    assertField(new JsonObject().put("channels", new JsonObject().put("appointment_dance", new JsonObject().put("sms", false))),
        "unknown_event_type", "channels.appointment_dance");
    assertField(new JsonObject().put("channels", new JsonObject().put("password_reset", new JsonObject().put("sms", false))),
        "preference_not_allowed", "channels.password_reset");
    assertField(new JsonObject().put("channels", new JsonObject().put("*", new JsonObject().put("fax", false))),
        "unknown_channel", "channels.*.fax");
    assertField(new JsonObject().put("channels", new JsonObject().put("*", new JsonObject().put("sms", "no"))),
        "unknown_channel", "channels.*.sms");
    assertField(new JsonObject().put("quietHours", new JsonObject().put("end", "07:00")),
        "quiet_hours_incomplete", "quietHours.start");
    assertField(new JsonObject().put("timeZone", "+03:00"), "unknown_time_zone", "timeZone");
    assertField(new JsonObject().put("timeZone", "Asia/Riyadhh"), "unknown_time_zone", "timeZone");
  }

  private static void assertField(JsonObject body, String code, String field) {
    assertThatThrownBy(() -> PreferencesInput.parse(body, EVENTS)).isInstanceOfSatisfying(Problem.class, p -> {
      assertThat(p.code()).isEqualTo(code);
      assertThat(p.field()).isEqualTo(field);
    });
  }
}
