package io.moeen.identity;

import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

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
    try {
      long step = System.currentTimeMillis() / 1000 / 30 + offset;
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int o = h[h.length - 1] & 0xf;
      int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
      return String.format("%06d", bin % 1_000_000);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.replace("=", "").toUpperCase().toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
