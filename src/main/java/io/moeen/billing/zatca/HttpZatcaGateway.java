package io.moeen.billing.zatca;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@link ZatcaGateway} over HTTP, non-blocking (Vert.x's web client): {@code baseUrl} is ZATCA's environment
 * (developer portal, simulation or core) from {@code MOEEN_ZATCA_BASE_URL}. Headers as ZATCA documents them:
 * {@code Accept-Version: V2}, {@code Accept-Language: en}, {@code Clearance-Status: 1} on clearance, Basic
 * authentication with the CSID's token and secret, {@code OTP} on the compliance request.
 */
public final class HttpZatcaGateway implements ZatcaGateway {
  private static final Base64.Encoder B64 = Base64.getEncoder();
  private static final long TIMEOUT_MS = 20_000;

  private final WebClient client;
  private final String baseUrl;

  public HttpZatcaGateway(Vertx vertx, String baseUrl) {
    this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Moeen").setConnectTimeout(10_000));
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public Future<Answer> complianceCsid(String csrPem, String otp) {
    JsonObject body = new JsonObject().put("csr", B64.encodeToString(csrPem.getBytes(StandardCharsets.UTF_8)));
    return post("/compliance", headers().add("OTP", otp), body);
  }

  @Override
  public Future<Answer> productionCsid(String complianceRequestId, Credentials compliance) {
    return post("/production/csids", authenticated(compliance),
        new JsonObject().put("compliance_request_id", complianceRequestId));
  }

  @Override
  public Future<Answer> submit(Submission submission, Credentials production) {
    JsonObject body = new JsonObject().put("invoiceHash", submission.invoiceHash()).put("uuid", submission.uuid())
        .put("invoice", B64.encodeToString(submission.xml().getBytes(StandardCharsets.UTF_8)));
    return submission.clearance()
        ? post("/invoices/clearance/single", authenticated(production).add("Clearance-Status", "1"), body)
        : post("/invoices/reporting/single", authenticated(production).add("Clearance-Status", "0"), body);
  }

  private static MultiMap headers() {
    return MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json").add("Accept-Version", "V2")
        .add("Accept-Language", "en");
  }

  private static MultiMap authenticated(Credentials credentials) {
    String basic = B64.encodeToString((credentials.token() + ":" + credentials.secret()).getBytes(StandardCharsets.UTF_8));
    return headers().add("Authorization", "Basic " + basic);
  }

  private Future<Answer> post(String path, MultiMap headers, JsonObject body) {
    return client.postAbs(baseUrl + path).putHeaders(headers).timeout(TIMEOUT_MS).sendJsonObject(body)
        .map(HttpZatcaGateway::answer);
  }

  private static Answer answer(HttpResponse<Buffer> response) {
    JsonObject json = new JsonObject();
    Buffer body = response.body();
    if (body != null && body.length() > 0) {
      try {
        json = body.toJsonObject();
      } catch (DecodeException | ClassCastException e) {
        json = new JsonObject().put("text", body.toString(StandardCharsets.UTF_8));
      }
    }
    return new Answer(response.statusCode(), json);
  }
}
