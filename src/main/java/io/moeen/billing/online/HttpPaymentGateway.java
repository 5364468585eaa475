package io.moeen.billing.online;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * {@link PaymentGateway} over HTTP, non-blocking (Vert.x's web client), against {@code MOEEN_PAYMENT_GATEWAY_URL}.
 * As the Saudi gateways do it: Basic authentication with the secret API key as the user name and no password,
 * {@code Idempotency-Key} = our checkout id (a retried create makes one checkout), the amount in the smallest unit
 * (halalas), {@code methods [creditcard, mada]}, our ids in {@code metadata}, and {@code callback_url} for the payer's
 * return. The gateway answers {@code {id, url, status}}; any other status is a failure with what it said.
 */
public final class HttpPaymentGateway implements PaymentGateway {
  private static final long TIMEOUT_MS = 15_000;

  private final WebClient client;
  private final String baseUrl;
  private final String authorization;

  public HttpPaymentGateway(Vertx vertx, String baseUrl, String apiKey) {
    this.client = WebClient.create(vertx, new WebClientOptions().setUserAgent("Moeen").setConnectTimeout(10_000));
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.authorization = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean configured() {
    return true;
  }

  @Override
  public Future<Created> createCheckout(CheckoutRequest request) {
    JsonObject body = new JsonObject()
        .put("amount", request.amountHalalas())
        .put("currency", request.currency())
        .put("description", request.description())
        .put("callback_url", request.callbackUrl())
        .put("methods", new JsonArray().add("creditcard").add("mada"))
        .put("metadata", new JsonObject().put("checkout_id", request.checkoutId())
            .put("invoice_id", request.invoiceId()).put("invoice_number", request.invoiceNumber()));
    return client.postAbs(baseUrl + "/v1/checkouts")
        .putHeader("Authorization", authorization)
        .putHeader("Accept", "application/json")
        .putHeader("Idempotency-Key", request.checkoutId())
        .timeout(TIMEOUT_MS)
        .sendJsonObject(body)
        .compose(HttpPaymentGateway::created);
  }

  private static Future<Created> created(HttpResponse<Buffer> response) {
    JsonObject json;
    try {
      json = response.body() == null ? new JsonObject() : response.body().toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      json = new JsonObject();
    }
    String id = json.getString("id");
    String url = json.getString("url");
    if (response.statusCode() / 100 != 2 || id == null || url == null
        || !(url.startsWith("https://") || url.startsWith("http://"))) {
      return Future.failedFuture(new IllegalStateException("the payment gateway answered " + response.statusCode()
          + " " + json.getString("message", json.getString("type", ""))));
    }
    return Future.succeededFuture(new Created(id, url));
  }
}
