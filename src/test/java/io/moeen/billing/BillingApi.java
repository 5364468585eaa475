package io.moeen.billing;

import io.moeen.testing.ApiCalls;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Billing calls against a running service, and what the database holds, read as its owner. */
public final class BillingApi {
  public static final UUID OLAYA = UUID.fromString("00000000-0000-4000-c100-000000000001");
  public static final UUID JEDDAH = UUID.fromString("00000000-0000-4000-c100-000000000002");
  public static final UUID GENERAL_CONSULTATION = UUID.fromString("00000000-0000-4000-c300-000000000001");
  public static final UUID ECG = UUID.fromString("00000000-0000-4000-c300-000000000005");
  public static final UUID AHMED_PAID_INVOICE = UUID.fromString("00000000-0000-4019-8000-000000000001");
  public static final UUID MOHAMMED_ISSUED_INVOICE = UUID.fromString("00000000-0000-4019-8000-000000000002");

  private final RunningApp app;

  public BillingApi(RunningApp app) {
    this.app = app;
  }

  public HttpResponse<Buffer> call(String method, String path, String lang, String token, JsonObject body) {
    return ApiCalls.call(app, method, path, lang, token, body == null ? null : body.encode());
  }

  public HttpResponse<Buffer> draft(String token, UUID patient, JsonObject... lines) {
    return call("POST", "/v1/invoices", "en", token, new JsonObject().put("patientId", patient.toString())
        .put("locationId", OLAYA.toString()).put("lines", new JsonArray(java.util.List.of((Object[]) lines))));
  }

  /** A draft with these lines, issued; the issued invoice. */
  public JsonObject issued(String token, UUID patient, JsonObject... lines) {
    var draft = draft(token, patient, lines);
    if (draft.statusCode() != 201) {
      throw new IllegalStateException(draft.bodyAsString());
    }
    var issued = call("POST", "/v1/invoices/" + draft.bodyAsJsonObject().getString("id") + "/issue", "en", token, null);
    if (issued.statusCode() != 200) {
      throw new IllegalStateException(issued.bodyAsString());
    }
    return issued.bodyAsJsonObject();
  }

  public static JsonObject service(UUID service) {
    return new JsonObject().put("sourceKind", "service").put("serviceId", service.toString());
  }

  public static JsonObject item(String en, String quantity, String price, String discount) {
    return new JsonObject().put("sourceKind", "item").put("descriptionEn", en).put("descriptionAr", "صنف " + en)
        .put("quantity", quantity).put("unitPrice", price).put("discount", discount);
  }

  public HttpResponse<Buffer> pay(String token, String invoice, String key, JsonObject body, String kind) {
    HttpRequest<Buffer> request = app.client().request(HttpMethod.POST, "/v1/invoices/" + invoice + "/" + kind)
        .putHeader("Authorization", "Bearer " + token);
    if (key != null) {
      request.putHeader("Idempotency-Key", key);
    }
    return app.send(request, "en", "application/json", body.encode());
  }

  public static JsonObject money(String method, String amount, String reference) {
    JsonObject body = new JsonObject().put("method", method).put("amount", amount);
    return reference == null ? body : body.put("reference", reference);
  }

  /** One value as the owner sees it (no row-level security). */
  public String scalar(String sql) {
    try (Connection c = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(),
        app.database().password()); ResultSet rs = c.createStatement().executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : null;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public long count(String sql) {
    return Long.parseLong(scalar("SELECT count(*) FROM (" + sql + ") x"));
  }
}
