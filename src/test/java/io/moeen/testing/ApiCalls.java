package io.moeen.testing;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

/** Any method, optional bearer token, optional JSON body: one call to the running service. */
public final class ApiCalls {
  private ApiCalls() {
  }

  public static HttpResponse<Buffer> call(RunningApp app, String method, String path, String lang, String token,
                                          String jsonBody) {
    HttpRequest<Buffer> request = app.client().request(HttpMethod.valueOf(method), path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return app.send(request, lang, jsonBody == null ? null : "application/json", jsonBody);
  }
}
