package io.moeen.chatbot.actions;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Which free times the bot offers: the part of the day asked for, and "any doctor" as the earliest times across doctors. */
class SlotChoicesTest {

  static JsonObject slot(String time, String doctor) {
    return new JsonObject().put("startsAtLocal", "2026-11-02T" + time + ":00").put("doctorId", doctor);
  }

  static JsonArray day() {
    return new JsonArray().add(slot("09:00", "a")).add(slot("10:30", "a")).add(slot("12:30", "b"))
        .add(slot("16:00", "a")).add(slot("19:30", "b"));
  }

  static java.util.List<String> times(JsonArray slots) {
    return slots.stream().map(o -> ((JsonObject) o).getString("startsAtLocal").substring(11, 16)).toList();
  }

  @Test
  void the_part_of_the_day_keeps_its_times_only() {
    assertThat(times(SchedulingActions.inPartOfDay(day(), "morning"))).containsExactly("09:00", "10:30");
    // «بكرة العصر» offered 12:00 and 12:15 first (the closing transcripts): the noon hour is «الظهر», not «العصر»
    assertThat(times(SchedulingActions.inPartOfDay(day(), "afternoon"))).containsExactly("16:00");
    assertThat(times(SchedulingActions.inPartOfDay(day(), "evening"))).containsExactly("16:00", "19:30");
    assertThat(times(SchedulingActions.inPartOfDay(day(), "noon"))).containsExactly("12:30");
    assertThat(times(SchedulingActions.inPartOfDay(day(), null))).hasSize(5);
  }

  @Test
  void a_part_with_no_free_time_offers_the_whole_day_rather_than_nothing() {
    JsonArray mornings = new JsonArray().add(slot("09:00", "a")).add(slot("10:00", "a"));
    assertThat(times(SchedulingActions.inPartOfDay(mornings, "evening"))).containsExactly("09:00", "10:00");
  }

  @Test
  void any_doctor_offers_each_time_once_earliest_first() {
    JsonArray both = new JsonArray().add(slot("10:00", "b")).add(slot("09:00", "a")).add(slot("09:00", "b"))
        .add(slot("09:30", "b"));
    JsonArray chosen = SchedulingActions.earliestPerTime(both);
    assertThat(times(chosen)).containsExactly("09:00", "09:30", "10:00");
    assertThat(chosen.getJsonObject(0).getString("doctorId")).isEqualTo("a");
  }
}
