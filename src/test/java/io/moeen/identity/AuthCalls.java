package io.moeen.identity;

import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;


/** JSON calls to the running service for the identity tests, and TOTP codes computed independently. */
final class AuthCalls {
  private final RunningApp app;
  private final WebClient client;

  AuthCalls(RunningApp app) {
    this(app, app.client());
  }

  private AuthCalls(RunningApp app, WebClient client) {
    this.app = app;
    this.client = client;
  }

  /** Calls that come from another loopback address (127.0.0.x), i.e. another client IP. */
  AuthCalls from(String localAddress) {
    return new AuthCalls(app, WebClient.create(app.clientVertx(), new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(app.port()).setLocalAddress(localAddress)));
  }

  HttpResponse<Buffer> call(HttpMethod method, String path, String lang, String token, JsonObject body) {
    HttpRequest<Buffer> request = client.request(method, path);
    if (token != null) {
      request.putHeader("Authorization", "Bearer " + token);
    }
    return app.send(request, lang, body == null ? null : "application/json", body == null ? null : body.encode());
  }

  HttpResponse<Buffer> post(String path, JsonObject body) {
    return call(HttpMethod.POST, path, "en", null, body);
  }

  HttpResponse<Buffer> login(String identifier, String password) {
    return post("/v1/auth/login", new JsonObject().put("identifier", identifier).put("password", password));
  }

  /** The token pair of a successful sign-in. */
  JsonObject signIn(String identifier, String password) {
    HttpResponse<Buffer> response = login(identifier, password);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("sign-in failed: " + response.bodyAsString());
    }
    return response.bodyAsJsonObject();
  }

  HttpResponse<Buffer> refresh(String refreshToken) {
    return post("/v1/auth/refresh", new JsonObject().put("refreshToken", refreshToken));
  }

  /** RFC 6238 code for the 30-second step {@code offset} steps from now, from the base32 secret. */
  static String totp(String base32Secret, int offset) {
    return io.moeen.testing.Totp.code(base32Secret, offset);
  }
}
