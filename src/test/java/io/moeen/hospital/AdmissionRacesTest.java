package io.moeen.hospital;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.moeen.hospital.HospitalApi.BED_ICU_A;
import static io.moeen.hospital.HospitalApi.BED_ICU_B;
import static io.moeen.hospital.HospitalApi.BED_P202_A;
import static io.moeen.hospital.HospitalApi.BED_W101_B;
import static io.moeen.hospital.HospitalApi.BED_W101_C;
import static org.assertj.core.api.Assertions.assertThat;

/** Many requests at once, through the real API: the beds are never double-booked, whoever wins. */
class AdmissionRacesTest {
  private static RunningApp app;
  private static HospitalApi api;
  private static String desk;

  @BeforeAll
  static void start() {
    app = RunningApp.start("hospital_races");
    api = new HospitalApi(app);
    desk = app.loginAs(DemoAccounts.ADMISSIONS);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  /** All the requests sent together, their answers in the same order. */
  private static List<HttpResponse<Buffer>> together(List<JsonObject> bodies, List<String> paths) {
    List<Future<HttpResponse<Buffer>>> sent = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      HttpRequest<Buffer> request = app.client().post(paths.get(i))
          .putHeader("Authorization", "Bearer " + desk).putHeader("Accept-Language", "en");
      sent.add(request.sendJsonObject(bodies.get(i)));
    }
    Future.join(sent).await();
    return sent.stream().map(Future::result).toList();
  }

  @Test
  @DisplayName("twelve admissions race for the last free bed: exactly one wins, the others get 409 naming the winner")
  void many_admissions_for_the_last_free_bed_exactly_one_wins() {
    List<String> patients = api.patients("Race", 12);
    List<JsonObject> bodies = patients.stream().map(p -> HospitalApi.admission(p, BED_ICU_B)).toList();
    List<HttpResponse<Buffer>> answers = together(bodies, bodies.stream().map(b -> "/v1/hospital/admissions").toList());

    List<HttpResponse<Buffer>> won = answers.stream().filter(a -> a.statusCode() == 201).toList();
    assertThat(won).hasSize(1);
    String winner = won.get(0).bodyAsJsonObject().getString("id");
    for (HttpResponse<Buffer> lost : answers) {
      if (lost.statusCode() != 201) {
        assertThat(lost.statusCode()).as(lost.bodyAsString()).isEqualTo(409);
        JsonObject problem = lost.bodyAsJsonObject();
        assertThat(problem.getString("code")).isIn("bed_occupied", "bed_taken");
        if (problem.getString("code").equals("bed_occupied")) {
          assertThat(problem.getString("detail")).contains("ICU-301/B").contains(winner);
        }
      }
    }
    List<Row> stays = api.query("SELECT admission_id FROM bed_assignments WHERE bed_id = $1", UUID.fromString(BED_ICU_B));
    assertThat(stays).hasSize(1);
    assertThat(stays.get(0).getUUID("admission_id").toString()).isEqualTo(winner);
    assertThat(api.query("SELECT count(*) AS n FROM admissions WHERE patient_id = ANY($1::uuid[])",
        (Object) patients.stream().map(UUID::fromString).toArray(UUID[]::new)).get(0).getLong("n")).isEqualTo(1);
    assertThat(api.bedState(BED_ICU_B)).isEqualTo("occupied");
  }

  @Test
  @DisplayName("one patient sent to four beds at once lands in exactly one of them")
  void one_patient_to_many_beds_at_once_gets_one_bed() {
    String patient = api.patients("Everywhere", 1).get(0);
    List<String> beds = List.of(BED_W101_B, BED_W101_C, BED_P202_A, BED_ICU_A);
    List<JsonObject> bodies = beds.stream().map(b -> HospitalApi.admission(patient, b)).toList();
    List<HttpResponse<Buffer>> answers = together(bodies, beds.stream().map(b -> "/v1/hospital/admissions").toList());

    assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
    assertThat(answers.stream().filter(a -> a.statusCode() == 409).map(a -> a.bodyAsJsonObject().getString("code")))
        .hasSize(3).allMatch(code -> code.equals("patient_already_placed") || code.equals("patient_already_placed_elsewhere"));
    assertThat(api.query("SELECT count(*) AS n FROM bed_assignments WHERE patient_id = $1", UUID.fromString(patient))
        .get(0).getLong("n")).isEqualTo(1);
    long occupied = beds.stream().filter(b -> api.bedState(b).equals("occupied")).count();
    assertThat(occupied).isEqualTo(1);
    // free the bed again for the other tests
    String admission = answers.stream().filter(a -> a.statusCode() == 201).findFirst().orElseThrow().bodyAsJsonObject().getString("id");
    assertThat(api.call("POST", "/v1/hospital/admissions/" + admission + "/discharge", desk, new JsonObject()).statusCode()).isEqualTo(200);
    app.asOwner("UPDATE cleaning_tasks SET status = 'done', completed_at = now(), completed_by = '"
        + DemoAccounts.ADMIN_ID + "' WHERE status = 'open' AND bed_id = ANY('{" + String.join(",", beds) + "}'::uuid[]);"
        + "UPDATE beds SET state = 'available' WHERE state = 'cleaning' AND id = ANY('{" + String.join(",", beds) + "}'::uuid[]);");
  }

  @Test
  @DisplayName("transfers racing discharges: each admission ends in one consistent state, no bed held twice, none left occupied")
  void transfers_racing_discharges_leave_consistent_beds() {
    List<String> patients = api.patients("Mover", 3);
    List<String> from = List.of(BED_W101_B, BED_W101_C, BED_P202_A);
    List<String> to = List.of(BED_W101_C, BED_P202_A, BED_W101_B);
    for (int round = 0; round < 3; round++) {
      String patient = patients.get(round);
      var admitted = api.call("POST", "/v1/hospital/admissions", desk, HospitalApi.admission(patient, from.get(round)));
      assertThat(admitted.statusCode()).as(admitted.bodyAsString()).isEqualTo(201);
      String id = admitted.bodyAsJsonObject().getString("id");
      List<JsonObject> bodies = new ArrayList<>();
      List<String> paths = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        bodies.add(new JsonObject().put("bedId", to.get(round)));
        paths.add("/v1/hospital/admissions/" + id + "/transfer");
        bodies.add(new JsonObject());
        paths.add("/v1/hospital/admissions/" + id + "/discharge");
      }
      List<HttpResponse<Buffer>> answers = together(bodies, paths);
      long discharged = 0;
      for (int i = 0; i < answers.size(); i++) {
        int status = answers.get(i).statusCode();
        assertThat(status).as(paths.get(i) + " " + answers.get(i).bodyAsString()).isIn(200, 409);
        if (paths.get(i).endsWith("/discharge") && status == 200) {
          discharged++;
        }
      }
      assertThat(discharged).as("exactly one discharge wins").isEqualTo(1);
      Row admission = api.query("SELECT status FROM admissions WHERE id = $1", UUID.fromString(id)).get(0);
      assertThat(admission.getString("status")).isEqualTo("discharged");
      List<Row> stays = api.query("SELECT bed_id, upper_inf(during) AS open FROM bed_assignments WHERE admission_id = $1 "
          + "ORDER BY lower(during)", UUID.fromString(id));
      assertThat(stays).isNotEmpty().hasSizeLessThanOrEqualTo(2).noneMatch(r -> r.getBoolean("open"));
      for (Row stay : stays) {
        assertThat(api.bedState(stay.getUUID("bed_id").toString())).isEqualTo("cleaning");
      }
      assertThat(api.query("SELECT count(*) AS n FROM cleaning_tasks WHERE status = 'open' AND bed_id = ANY($1::uuid[])",
          (Object) stays.stream().map(r -> r.getUUID("bed_id")).toArray(UUID[]::new)).get(0).getLong("n")).isEqualTo(stays.size());
      // housekeeping finishes, the beds are free for the next round
      for (Row task : api.query("SELECT id FROM cleaning_tasks WHERE status = 'open' AND bed_id = ANY($1::uuid[])",
          (Object) stays.stream().map(r -> r.getUUID("bed_id")).toArray(UUID[]::new))) {
        assertThat(api.call("POST", "/v1/hospital/cleaning-tasks/" + task.getUUID("id") + "/complete",
            app.loginAs(DemoAccounts.HOUSEKEEPING), new JsonObject()).statusCode()).isEqualTo(200);
      }
    }
    // no two assignments of one bed overlap (the constraint's promise, read back)
    assertThat(api.query("SELECT count(*) AS n FROM bed_assignments a JOIN bed_assignments b ON a.bed_id = b.bed_id "
        + "AND a.id < b.id AND a.during && b.during").get(0).getLong("n")).isZero();
  }
}
