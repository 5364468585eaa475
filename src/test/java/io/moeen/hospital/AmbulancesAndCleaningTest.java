package io.moeen.hospital;

import io.moeen.hospital.cleaning.OverdueSweep;
import io.moeen.notifications.SseClient;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.moeen.hospital.HospitalApi.AMBULANCE_FREE;
import static io.moeen.hospital.HospitalApi.AMBULANCE_ON_RUN;
import static io.moeen.hospital.HospitalApi.BED_P201_A;
import static io.moeen.hospital.HospitalApi.RUN_UNDER_WAY;
import static io.moeen.hospital.HospitalApi.TASK_P201;
import static org.assertj.core.api.Assertions.assertThat;

/** The run log and its one-run-per-vehicle rule, the overdue cleaning notices, and the live stream. */
class AmbulancesAndCleaningTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static RunningApp app;
  private static HospitalApi api;
  private static String dispatcher;

  @BeforeAll
  static void start() {
    app = RunningApp.start("hospital_operations");
    api = new HospitalApi(app);
    dispatcher = app.loginAs(DemoAccounts.DISPATCHER);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject newRun() {
    var created = api.call("POST", "/v1/hospital/ambulance-runs", dispatcher, new JsonObject()
        .put("pickup", "حي الياسمين، الرياض").put("destination", "فرع العليا")
        .put("callReceivedAt", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10).toString()));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    return created.bodyAsJsonObject();
  }

  private static JsonObject step(String run, JsonObject body, int status) {
    var answer = api.call("POST", "/v1/hospital/ambulance-runs/" + run + "/steps", dispatcher, body);
    assertThat(answer.statusCode()).as(answer.bodyAsString()).isEqualTo(status);
    return answer.bodyAsJsonObject();
  }

  @Test
  @DisplayName("a vehicle on a run cannot be dispatched again: 409 names the run, nothing changes")
  void an_ambulance_already_on_a_run_is_refused_naming_the_run() {
    String run = newRun().getString("id");
    JsonObject problem = step(run, new JsonObject().put("step", "dispatched").put("ambulanceId", AMBULANCE_ON_RUN), 409);
    assertThat(problem.getString("code")).isEqualTo("ambulance_busy");
    assertThat(problem.getString("detail")).contains(RUN_UNDER_WAY).contains("1234");
    Row row = api.query("SELECT status, ambulance_id FROM ambulance_runs WHERE id = $1", UUID.fromString(run)).get(0);
    assertThat(row.getString("status")).isEqualTo("call_received");
    assertThat(row.getUUID("ambulance_id")).isNull();
  }

  @Test
  @DisplayName("the database alone refuses a second run for a vehicle, whatever the application checked")
  void the_exclusion_constraint_keeps_one_run_per_vehicle() {
    String first = newRun().getString("id");
    String second = newRun().getString("id");
    String sql = "UPDATE ambulance_runs SET ambulance_id = '" + AMBULANCE_ON_RUN + "', status = 'dispatched', "
        + "dispatched_at = now() WHERE id = '%s'";
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> app.asOwner(sql.formatted(first)))
        .hasMessageContaining("ambulance_runs_one_run_per_vehicle");
    assertThat(second).isNotEqualTo(first);
  }

  @Test
  @DisplayName("a run's steps in order, in the clinic's zone, with its response times; out of order is refused")
  void a_run_is_logged_step_by_step_with_response_figures() {
    String run = newRun().getString("id");
    JsonObject early = step(run, new JsonObject().put("step", "at_scene"), 409);
    assertThat(early.getString("code")).isEqualTo("run_step_out_of_order");
    JsonObject before = step(run, new JsonObject().put("step", "dispatched").put("ambulanceId", AMBULANCE_FREE)
        .put("at", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString()), 400);
    assertThat(before.getString("code")).isEqualTo("times_out_of_order");

    step(run, new JsonObject().put("step", "dispatched").put("ambulanceId", AMBULANCE_FREE)
        .put("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(8).toString()), 200);
    step(run, new JsonObject().put("step", "at_scene").put("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2).toString()), 200);
    step(run, new JsonObject().put("step", "transporting"), 200);
    step(run, new JsonObject().put("step", "at_hospital"), 200);
    JsonObject done = step(run, new JsonObject().put("step", "available"), 200);
    assertThat(done.getString("status")).isEqualTo("available");
    assertThat(done.getJsonObject("steps").getString("atSceneAt")).endsWith("+03:00");
    assertThat(done.getJsonObject("figures").getDouble("dispatchMinutes")).isBetween(1.9, 2.1);
    assertThat(done.getJsonObject("figures").getDouble("responseMinutes")).isBetween(7.9, 8.1);

    var fleet = api.call("GET", "/v1/hospital/ambulances", dispatcher, null).bodyAsJsonObject().getJsonArray("items");
    assertThat(fleet.stream().map(JsonObject.class::cast).filter(a -> a.getString("id").equals(AMBULANCE_FREE))
        .findFirst().orElseThrow().getString("status")).isEqualTo("available");
    var report = api.call("GET", "/v1/hospital/reports/ambulance-response", dispatcher, null);
    assertThat(report.statusCode()).as(report.bodyAsString()).isEqualTo(200);
    assertThat(report.bodyAsJsonObject().getJsonArray("items")).isNotEmpty();
    assertThat(api.call("GET", "/v1/hospital/reports/ambulance-response.csv", dispatcher, null).bodyAsString())
        .startsWith("\uFEFFplate,runs,average_dispatch_minutes");
  }

  @Test
  @DisplayName("an overdue cleaning task tells each supervisor once, through the outbox")
  void overdue_cleaning_notifies_the_housekeeping_supervisors_once() {
    HospitalDatabase db = new HospitalDatabase(app.pool());
    OverdueSweep sweep = new OverdueSweep(db, new ClinicTimes(ZoneId.of("Asia/Riyadh"), Clock.systemUTC()));
    assertThat(sweep.run().await()).isGreaterThanOrEqualTo(1);
    assertThat(sweep.run().await()).isZero();
    List<Row> notices = api.query("SELECT n.recipient_user_id, n.payload, n.locale FROM notifications n "
        + "WHERE n.event_type = 'cleaning_task_overdue' AND n.payload ->> 'taskId' = $1", TASK_P201);
    assertThat(notices.stream().map(r -> r.getUUID("recipient_user_id").toString()))
        .contains(DemoAccounts.ADMIN_ID.toString(), "00000000-0000-4000-8000-000000000002")
        .doesNotContain("00000000-0000-4000-8000-000000000032");
    JsonObject payload = (JsonObject) notices.get(0).getValue("payload");
    assertThat(payload.getString("roomCode")).isEqualTo("P-201");
    assertThat(payload.getString("bedCode")).isEqualTo("A");
  }

  @Test
  @DisplayName("live: housekeeping is told a bed is clean, without a patient; the dispatcher is told of runs")
  void bed_and_ambulance_changes_are_pushed_to_who_may_see_them() throws Exception {
    String housekeeper = app.loginAs(DemoAccounts.HOUSEKEEPING);
    try (SseClient beds = new SseClient(app.clientVertx(), app.port(), "/v1/hospital/live",
        Map.of("Authorization", "Bearer " + housekeeper, "Accept-Language", "en"));
         SseClient runs = new SseClient(app.clientVertx(), app.port(), "/v1/hospital/live",
             Map.of("Authorization", "Bearer " + dispatcher, "Accept-Language", "en"))) {
      assertThat(beds.response.statusCode()).isEqualTo(200);
      Thread.sleep(300); // the topics are followed once the catch-up is answered
      var done = api.call("POST", "/v1/hospital/cleaning-tasks/" + TASK_P201 + "/complete", housekeeper, new JsonObject());
      assertThat(done.statusCode()).as(done.bodyAsString()).isEqualTo(200);
      SseClient.Event bed = beds.next("bed", WAIT);
      assertThat(bed.data().getString("bedId")).isEqualTo(BED_P201_A);
      assertThat(bed.data().getString("state")).isEqualTo("available");
      assertThat(bed.data().containsKey("occupant")).isFalse();

      String run = newRun().getString("id");
      step(run, new JsonObject().put("step", "cancelled"), 200);
      String onRun = newRun().getString("id");
      step(onRun, new JsonObject().put("step", "dispatched").put("ambulanceId", AMBULANCE_FREE), 200);
      SseClient.Event vehicle = runs.next("ambulance", WAIT);
      assertThat(vehicle.data().getString("id")).isEqualTo(AMBULANCE_FREE);
      assertThat(vehicle.data().getString("status")).isEqualTo("on_run");
      assertThat(vehicle.data().getString("runId")).isEqualTo(onRun);
      assertThat(runs.drained()).noneMatch(event -> event.event().equals("bed"));
    }
  }

  @Test
  void staff_profiles_link_accounts_and_crews() {
    String admin = app.loginAs(DemoAccounts.ADMIN);
    var created = api.call("POST", "/v1/hospital/staff", admin, new JsonObject().put("firstNameAr", "نايف")
        .put("firstNameEn", "Naif").put("job", "paramedic").put("shift", "night").put("phone", "+966500000699"));
    assertThat(created.statusCode()).as(created.bodyAsString()).isEqualTo(201);
    var taken = api.call("POST", "/v1/hospital/staff", admin, new JsonObject().put("firstNameAr", "نايف")
        .put("firstNameEn", "Naif").put("job", "nurse").put("shift", "night").put("userId", "00000000-0000-4000-8000-000000000031"));
    assertThat(taken.statusCode()).as(taken.bodyAsString()).isEqualTo(409);
    var crew = api.call("PATCH", "/v1/hospital/ambulances/" + AMBULANCE_FREE, admin, new JsonObject().put("crew",
        new io.vertx.core.json.JsonArray().add(new JsonObject().put("staffId", created.bodyAsJsonObject().getString("id"))
            .put("role", "paramedic"))));
    assertThat(crew.statusCode()).as(crew.bodyAsString()).isEqualTo(200);
    assertThat(crew.bodyAsJsonObject().getJsonArray("crew").getJsonObject(0).getString("nameEn")).isEqualTo("Naif");
    var nurses = api.call("GET", "/v1/hospital/staff?job=nurse", dispatcher, null).bodyAsJsonObject().getJsonArray("items");
    assertThat(nurses.getJsonObject(0).getString("userEmail")).isEqualTo(DemoAccounts.NURSE);
  }
}
