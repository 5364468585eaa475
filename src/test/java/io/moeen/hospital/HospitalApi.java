package io.moeen.hospital;

import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** HTTP calls to the hospital API and the demo hospital's ids (db/demo/036-hospital-demo.sql). */
final class HospitalApi {
  static final String DOCTOR = "00000000-0000-4000-c200-000000000004";
  static final String ADMISSION_AISHA = "00000000-0000-4021-8000-000000000501";
  static final String WARD_GENERAL = "00000000-0000-4021-8000-000000000101";
  static final String ROOM_W101 = "00000000-0000-4021-8000-000000000301";
  static final String ROOM_P201 = "00000000-0000-4021-8000-000000000302";
  static final String BED_W101_A = "00000000-0000-4021-8000-000000000401";
  static final String BED_W101_B = "00000000-0000-4021-8000-000000000402";
  static final String BED_W101_C = "00000000-0000-4021-8000-000000000403";
  static final String BED_W101_D = "00000000-0000-4021-8000-000000000404";
  static final String BED_P201_A = "00000000-0000-4021-8000-000000000405";
  static final String BED_P202_A = "00000000-0000-4021-8000-000000000406";
  static final String BED_ICU_A = "00000000-0000-4021-8000-000000000407";
  static final String BED_ICU_B = "00000000-0000-4021-8000-000000000408";
  static final String TASK_P201 = "00000000-0000-4021-8000-000000000901";
  static final String AMBULANCE_ON_RUN = "00000000-0000-4021-8000-000000000701";
  static final String AMBULANCE_FREE = "00000000-0000-4021-8000-000000000702";
  static final String RUN_UNDER_WAY = "00000000-0000-4021-8000-000000000801";

  private final RunningApp app;

  HospitalApi(RunningApp app) {
    this.app = app;
  }

  HttpResponse<Buffer> call(String method, String path, String token, Object body) {
    return call(method, path, token, body, "en");
  }

  HttpResponse<Buffer> call(String method, String path, String token, Object body, String lang) {
    HttpRequest<Buffer> request = app.client().request(HttpMethod.valueOf(method), path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return app.send(request, lang, body == null ? null : "application/json", body == null ? null : body.toString());
  }

  static JsonObject admission(String patient, String bed) {
    return new JsonObject().put("patientId", patient).put("doctorId", DOCTOR).put("bedId", bed).put("reason", "Observation");
  }

  /** Fresh patients with no account, straight in the database (as the tables' owner). */
  List<String> patients(String prefix, int n) {
    List<String> ids = new ArrayList<>();
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < n; i++) {
      String id = UUID.randomUUID().toString();
      ids.add(id);
      sql.append("INSERT INTO patients (id, first_name_ar, first_name_en) VALUES ('").append(id).append("', 'مريض', '")
          .append(prefix).append(' ').append(i).append("');\n");
    }
    app.asOwner(sql.toString());
    return ids;
  }

  /** Rows read as the tables' owner (row-level security does not apply). */
  List<Row> query(String sql, Object... args) {
    List<Row> rows = new ArrayList<>();
    app.pool().withConnection(conn -> conn.preparedQuery("SELECT set_config('app.patient_access', 'any', false)").execute()
            .compose(set -> conn.preparedQuery(sql).execute(Tuple.from(args))))
        .await().forEach(rows::add);
    return rows;
  }

  String bedState(String bed) {
    return query("SELECT state FROM beds WHERE id = $1", UUID.fromString(bed)).get(0).getString("state");
  }
}
