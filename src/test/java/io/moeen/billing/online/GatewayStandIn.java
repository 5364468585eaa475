package io.moeen.billing.online;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A card/mada payment gateway on loopback, shaped like the Saudi hosted-payment gateways (Moyasar style): a real HTTP
 * server that takes {@code POST /v1/checkouts} (Basic authentication with the API key, an {@code Idempotency-Key},
 * the amount in halalas, {@code callback_url}, our {@code metadata.checkout_id}), serves a hosted payment page at
 * {@code /pay/{id}} with "Pay with mada", "Pay by card" and "Cancel", and on a choice posts the signed webhook
 * ({@code X-Hub-Signature-256}, HMAC-SHA256 of the raw body with the webhook secret) to the clinic before sending the
 * payer back to the callback URL with {@code id} and {@code status} added, as gateways do.
 * <p>Tests use it directly; {@link #main} runs it on its own to try the demo clinic's "Pay now" (README).
 */
public final class GatewayStandIn implements AutoCloseable {
  public static final String API_KEY = "sk_test_moeen_stand_in";
  public static final String SECRET = "whsec_moeen_stand_in_0123456789";

  private final Vertx vertx = Vertx.vertx();
  private final WebClient client = WebClient.create(vertx);
  private HttpServer server;
  private volatile String webhookUrl;
  /** Answer the next checkout creations with 500 (a gateway that is down). */
  volatile boolean failCreates;
  final Map<String, JsonObject> checkouts = new ConcurrentHashMap<>();
  final Map<String, AtomicInteger> createsPerKey = new ConcurrentHashMap<>();
  final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger sequence = new AtomicInteger();

  public static GatewayStandIn start(int port) {
    GatewayStandIn standIn = new GatewayStandIn();
    standIn.server = standIn.vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
      try {
        standIn.handle(request, body);
      } catch (RuntimeException e) {
        standIn.problems.add(e.toString());
        request.response().setStatusCode(400).putHeader("Content-Type", "application/json")
            .end(new JsonObject().put("type", "invalid_request_error").put("message", e.getMessage()).encode());
      }
    })).listen(port, "127.0.0.1").await();
    return standIn;
  }

  /** What went wrong at the stand-in (a request it refused, a webhook the clinic did not take). */
  public List<String> problemsSoFar() {
    return List.copyOf(problems);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** Where the signed webhooks go: the clinic's {@code /v1/payments/gateway/webhook}. */
  public void deliverTo(String url) {
    this.webhookUrl = url;
  }

  private void handle(HttpServerRequest request, Buffer body) {
    String path = request.path();
    if (request.method().name().equals("POST") && path.equals("/v1/checkouts")) {
      create(request, body.toJsonObject());
    } else if (request.method().name().equals("GET") && path.startsWith("/pay/")) {
      page(request, path.substring("/pay/".length()));
    } else if (request.method().name().equals("POST") && path.startsWith("/pay/") && path.endsWith("/confirm")) {
      confirm(request, path.substring("/pay/".length(), path.length() - "/confirm".length()), body.toString());
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  private void create(HttpServerRequest request, JsonObject body) {
    String expected = "Basic " + Base64.getEncoder().encodeToString((API_KEY + ":").getBytes(StandardCharsets.UTF_8));
    if (!expected.equals(request.getHeader("Authorization"))) {
      request.response().setStatusCode(401).end(new JsonObject().put("type", "authentication_error").encode());
      return;
    }
    String key = request.getHeader("Idempotency-Key");
    if (key == null || !(body.getValue("amount") instanceof Number) || !"SAR".equals(body.getString("currency"))
        || body.getString("callback_url") == null || body.getJsonObject("metadata") == null) {
      throw new IllegalArgumentException("checkout without Idempotency-Key, integer amount, SAR, callback_url or metadata");
    }
    createsPerKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    if (failCreates) {
      request.response().setStatusCode(500).end(new JsonObject().put("type", "api_error").encode());
      return;
    }
    JsonObject checkout = checkouts.values().stream().filter(c -> key.equals(c.getString("key"))).findFirst().orElseGet(() -> {
      String id = "chk_" + sequence.incrementAndGet();
      JsonObject made = body.copy().put("id", id).put("key", key).put("url", baseUrl() + "/pay/" + id)
          .put("status", "initiated");
      checkouts.put(id, made);
      return made;
    });
    request.response().setStatusCode(201).putHeader("Content-Type", "application/json")
        .end(new JsonObject().put("id", checkout.getString("id")).put("url", checkout.getString("url"))
            .put("status", "initiated").put("amount", checkout.getValue("amount")).encode());
  }

  private void page(HttpServerRequest request, String id) {
    JsonObject checkout = checkouts.get(id);
    if (checkout == null) {
      request.response().setStatusCode(404).end();
      return;
    }
    String amount = String.format("%d.%02d", checkout.getLong("amount") / 100, checkout.getLong("amount") % 100);
    String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Stand-in gateway</title></head><body>"
        + "<main><h1>Stand-in payment gateway</h1><p id=\"amount\">" + amount + " SAR</p>"
        + "<form method=\"post\" action=\"/pay/" + id + "/confirm\">"
        + "<button id=\"pay-mada\" name=\"outcome\" value=\"paid-mada\">Pay with mada</button> "
        + "<button id=\"pay-card\" name=\"outcome\" value=\"paid-card\">Pay by card</button> "
        + "<button id=\"decline\" name=\"outcome\" value=\"failed\">Decline</button> "
        + "<button id=\"cancel\" name=\"outcome\" value=\"canceled\">Cancel</button></form></main></body></html>";
    request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(html);
  }

  private void confirm(HttpServerRequest request, String id, String form) {
    JsonObject checkout = checkouts.get(id);
    if (checkout == null) {
      request.response().setStatusCode(404).end();
      return;
    }
    String outcome = form.replaceAll(".*outcome=([a-z-]+).*", "$1");
    String status = outcome.startsWith("paid") ? "paid" : outcome;
    String method = outcome.endsWith("mada") ? "mada" : "creditcard";
    String payment = "pay_" + id + "_" + sequence.incrementAndGet();
    String body = event(payment, status, checkout.getLong("amount"), "SAR", method,
        checkout.getJsonObject("metadata").getString("checkout_id"), Instant.now(),
        status.equals("failed") ? "INSUFFICIENT_FUNDS" : null).encode();
    deliver(body, signature(SECRET, body)).onComplete(delivered -> {
      if (delivered.failed() || delivered.result().statusCode() != 200) {
        problems.add("webhook answered " + (delivered.failed() ? delivered.cause() : delivered.result().bodyAsString()));
      }
      request.response().setStatusCode(302).putHeader("Location", back(checkout.getString("callback_url"), payment, status))
          .end();
    });
  }

  /** The callback URL with {@code id}, {@code status} and {@code message} in its query, before any fragment. */
  static String back(String callback, String payment, String status) {
    int hash = callback.indexOf('#');
    String head = hash < 0 ? callback : callback.substring(0, hash);
    String fragment = hash < 0 ? "" : callback.substring(hash);
    String query = "id=" + URLEncoder.encode(payment, StandardCharsets.UTF_8) + "&status=" + status;
    return head + (head.contains("?") ? "&" : "?") + query + fragment;
  }

  /** A webhook body as the gateway sends it. */
  public static JsonObject event(String payment, String status, long halalas, String currency, String sourceType,
                                 String checkoutId, Instant createdAt, String message) {
    JsonObject source = new JsonObject().put("type", sourceType).put("company", "mada".equals(sourceType) ? "mada" : "visa");
    return new JsonObject().put("id", "evt_" + payment).put("type", "payment_" + status)
        .put("created_at", createdAt.toString())
        .put("data", new JsonObject().put("id", payment).put("status", status).put("amount", halalas)
            .put("currency", currency).put("message", message).put("source", source)
            .put("metadata", new JsonObject().put("checkout_id", checkoutId)));
  }

  public static String signature(String secret, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Posts {@code body} to the clinic's webhook with {@code signature} (null: unsigned). */
  public io.vertx.core.Future<HttpResponse<Buffer>> deliver(String body, String signature) {
    var post = client.postAbs(webhookUrl).putHeader("Content-Type", "application/json");
    if (signature != null) {
      post.putHeader("X-Hub-Signature-256", signature);
    }
    return post.sendBuffer(Buffer.buffer(body));
  }

  @Override
  public void close() {
    vertx.close().await();
  }

  /**
   * Runs the stand-in on its own for the demo: {@code [port=9099] [clinic=http://localhost:8080]}; prints the
   * environment the clinic needs. Stop it with Ctrl-C.
   */
  public static void main(String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 9099;
    String clinic = args.length > 1 ? args[1] : "http://localhost:8080";
    GatewayStandIn standIn = start(port);
    standIn.deliverTo(clinic + "/v1/payments/gateway/webhook");
    System.out.println("Gateway stand-in at " + standIn.baseUrl() + ", webhooks to " + clinic + "/v1/payments/gateway/webhook");
    System.out.println("Start the clinic with:");
    System.out.println("  MOEEN_PAYMENT_GATEWAY_URL=" + standIn.baseUrl());
    System.out.println("  MOEEN_PAYMENT_GATEWAY_API_KEY=" + API_KEY);
    System.out.println("  MOEEN_PAYMENT_GATEWAY_WEBHOOK_SECRET=" + SECRET);
    System.out.println("  MOEEN_PAYMENT_RETURN_URL=" + clinic + "/app/portal/");
    Thread.currentThread().join();
  }
}
