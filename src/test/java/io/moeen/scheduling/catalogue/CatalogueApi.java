package io.moeen.scheduling.catalogue;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Calls and checks the catalogue tests share. */
final class CatalogueApi {
  private final RunningApp app;
  private final String token;

  CatalogueApi(RunningApp app, String token) {
    this.app = app;
    this.token = token;
  }

  HttpResponse<Buffer> call(String method, String path, String lang, Object body) {
    return ApiCalls.call(app, method, path, lang, token, body == null ? null : body.toString());
  }

  JsonObject ok(int status, HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    return status == 204 ? null : response.bodyAsJsonObject();
  }

  /** Asserts a problem's status, code and, when given, the failing field. */
  JsonObject problem(HttpResponse<Buffer> response, int status, String code, String field) {
    assertThat(response.statusCode()).as(response.bodyAsString()).isEqualTo(status);
    JsonObject problem = response.bodyAsJsonObject();
    assertThat(problem.getString("code")).isEqualTo(code);
    if (field != null) {
      assertThat(problem.getString("field")).isEqualTo(field);
    }
    return problem;
  }

  long count(String sql, Object... args) {
    return app.pool().preparedQuery(sql).execute(Tuple.from(List.of(args))).await().iterator().next().getLong(0);
  }
}
