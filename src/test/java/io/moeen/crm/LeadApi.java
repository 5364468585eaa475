package io.moeen.crm;

import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

/** HTTP calls to the CRM API as a signed-in user. */
public final class LeadApi {
  private final RunningApp app;

  public LeadApi(RunningApp app) {
    this.app = app;
  }

  public HttpResponse<Buffer> call(String method, String path, String token, Object body, String... headers) {
    HttpRequest<Buffer> request = app.client().request(HttpMethod.valueOf(method), path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    for (int i = 0; i + 1 < headers.length; i += 2) {
      request.putHeader(headers[i], headers[i + 1]);
    }
    return app.send(request, "en", body == null ? null : "application/json", body == null ? null : body.toString());
  }

  public JsonObject create(String token, JsonObject lead) {
    var response = call("POST", "/v1/crm/leads", token, lead);
    if (response.statusCode() != 201) {
      throw new AssertionError("create failed: " + response.statusCode() + " " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }
}
