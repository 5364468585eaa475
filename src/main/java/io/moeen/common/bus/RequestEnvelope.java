package io.moeen.common.bus;

import io.vertx.core.json.JsonObject;

/**
 * What the API verticle sends to the verticle that serves an operation: the request after the
 * contract validated it. {@code params} holds path, query and header parameters by name;
 * {@code principal} is null for anonymous callers; {@code client} carries the caller's
 * {@code ip} and {@code userAgent} for audit and login records.
 */
public record RequestEnvelope(
    String operation,
    JsonObject params,
    Object body,
    JsonObject principal,
    String locale,
    String requestId,
    JsonObject client) {

  public RequestEnvelope(String operation, JsonObject params, Object body, JsonObject principal, String locale,
                         String requestId) {
    this(operation, params, body, principal, locale, requestId, new JsonObject());
  }

  public JsonObject toJson() {
    return new JsonObject()
        .put("operation", operation)
        .put("params", params)
        .put("body", body)
        .put("principal", principal)
        .put("locale", locale)
        .put("requestId", requestId)
        .put("client", client);
  }

  public static RequestEnvelope fromJson(JsonObject json) {
    return new RequestEnvelope(
        json.getString("operation"),
        json.getJsonObject("params", new JsonObject()),
        json.getValue("body"),
        json.getJsonObject("principal"),
        json.getString("locale"),
        json.getString("requestId"),
        json.getJsonObject("client", new JsonObject()));
  }

  public String clientIp() {
    return client.getString("ip");
  }

  public String userAgent() {
    return client.getString("userAgent");
  }

  public String param(String name) {
    Object value = params.getValue(name);
    return value == null ? null : String.valueOf(value);
  }

  public JsonObject bodyAsObject() {
    return body instanceof JsonObject json ? json : new JsonObject();
  }
}
