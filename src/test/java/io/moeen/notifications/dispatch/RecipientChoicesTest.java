package io.moeen.notifications.dispatch;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientChoicesTest {
  private static final QuietHours CLINIC = new QuietHours(LocalTime.of(22, 0), LocalTime.of(8, 0), ZoneId.of("Asia/Riyadh"));

  private static RecipientChoices with(String channels, LocalTime start, LocalTime end, String zone) {
    return new RecipientChoices(new JsonObject(channels), start, end, zone == null ? null : ZoneId.of(zone), null, null);
  }

  @Test
  void the_events_own_entry_wins_over_the_star_and_unnamed_channels_are_on() {
    RecipientChoices choices = with("{\"*\": {\"sms\": false}, \"appointment_reminder\": {\"sms\": true}}", null, null, null);
    assertThat(choices.channelOff("appointment_booked", "sms")).isTrue();
    assertThat(choices.channelOff("appointment_reminder", "sms")).isFalse();
    assertThat(choices.channelOff("appointment_booked", "email")).isFalse();
    assertThat(choices.channelOff("password_reset", "sms")).isFalse();
  }

  @Test
  void only_a_recorded_refusal_of_consent_stops_marketing() {
    assertThat(RecipientChoices.NONE.mayMarket()).isTrue();
    assertThat(new RecipientChoices(new JsonObject(), null, null, null, null, false).mayMarket()).isFalse();
    assertThat(new RecipientChoices(new JsonObject(), null, null, null, null, true).mayMarket()).isTrue();
  }

  @Test
  void a_zone_alone_moves_the_clinics_hours_into_the_persons_zone() {
    QuietHours hours = with("{}", null, null, "Europe/London").quietHours(CLINIC);
    assertThat(hours.start()).isEqualTo(LocalTime.of(22, 0));
    assertThat(hours.zone()).isEqualTo(ZoneId.of("Europe/London"));
    // 23:00 in Riyadh is 20:00 in London in winter: not quiet for this person
    assertThat(hours.holdUntil(Instant.parse("2031-01-15T20:00:00Z"), "normal")).isEmpty();
    assertThat(CLINIC.holdUntil(Instant.parse("2031-01-15T20:00:00Z"), "normal")).isPresent();
  }

  @Test
  void own_hours_without_a_zone_are_in_the_clinics_zone() {
    QuietHours hours = with("{}", LocalTime.of(20, 0), LocalTime.of(6, 0), null).quietHours(CLINIC);
    assertThat(hours.zone()).isEqualTo(ZoneId.of("Asia/Riyadh"));
    assertThat(hours.start()).isEqualTo(LocalTime.of(20, 0));
  }
}
