package io.moeen.notifications.dispatch;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;

import java.time.Duration;
import java.util.Optional;

/**
 * A generic HTTP SMS provider: POST a JSON body built from a template to a configured URL, with
 * the row's idempotency key in {@code Idempotency-Key} so a retried request is not sent twice.
 */
public final class SmsChannel implements Channel {
  private final WebClient client;
  private final String url;
  private final Optional<String> authorization;
  private final String bodyTemplate;
  private final Duration timeout;

  public SmsChannel(WebClient client, String url, Optional<String> authorization, String bodyTemplate,
                    Duration timeout) {
    this.client = client;
    this.url = url;
    this.authorization = authorization;
    this.bodyTemplate = bodyTemplate;
    this.timeout = timeout;
  }

  @Override
  public String name() {
    return "sms";
  }

  @Override
  public Future<Delivery> send(OutboundMessage message) {
    if (message.phone() == null) {
      return Future.failedFuture(DeliveryFailure.permanent("no phone number for this recipient"));
    }
    var request = client.postAbs(url).timeout(timeout.toMillis())
        .putHeader("Content-Type", "application/json")
        .putHeader("Idempotency-Key", message.idempotencyKey());
    authorization.ifPresent(value -> request.putHeader("Authorization", value));
    return request.sendBuffer(Buffer.buffer(body(message)))
        .recover(e -> Future.failedFuture(DeliveryFailure.retryable("sms provider unreachable: " + e)))
        .compose(SmsChannel::outcome);
  }

  private String body(OutboundMessage message) {
    return bodyTemplate.replace("{to}", escaped(message.phone()))
        .replace("{text}", escaped(message.body()))
        .replace("{idempotencyKey}", escaped(message.idempotencyKey()));
  }

  private static Future<Delivery> outcome(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return Future.succeededFuture(Delivery.sent(messageId(response)));
    }
    String reason = "sms provider answered " + status + ": " + abbreviated(response.bodyAsString());
    return Future.failedFuture(status >= 400 && status < 500 && status != 408 && status != 429
        ? DeliveryFailure.permanent(reason) : DeliveryFailure.retryable(reason));
  }

  private static String messageId(HttpResponse<Buffer> response) {
    try {
      JsonObject json = response.bodyAsJsonObject();
      if (json == null) {
        return null;
      }
      Object id = json.getValue("id", json.getValue("message_id", json.getValue("messageId")));
      return id == null ? null : id.toString();
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** A JSON string's content without the quotes, so it can sit inside the template's quotes. */
  private static String escaped(String value) {
    String json = io.vertx.core.json.Json.encode(value == null ? "" : value);
    return json.substring(1, json.length() - 1);
  }

  private static String abbreviated(String text) {
    return text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text;
  }
}
