package io.moeen.common.bus;

import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * A successful answer to an operation. The HTTP status comes from the contract's single 2xx
 * response; {@code headers} carries the few response headers a domain may set (ETag, Location,
 * Content-Type). A body in another media type than JSON is a {@code String} (text/calendar,
 * text/csv) or a {@code byte[]} (application/pdf, image/png) beside its Content-Type header;
 * bytes survive the event bus's JSON codec as base64 when the bus is clustered.
 */
public record Reply(Object body, Map<String, String> headers) {

  public static Reply of(Object body) {
    return new Reply(body, Map.of());
  }

  public static Reply empty() {
    return new Reply(null, Map.of());
  }

  public Reply withHeader(String name, String value) {
    var copy = new java.util.LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Reply(body, Map.copyOf(copy));
  }

  public JsonObject toJson() {
    JsonObject h = new JsonObject();
    headers.forEach(h::put);
    JsonObject json = new JsonObject().put("body", body).put("headers", h);
    return body instanceof byte[] ? json.put("binary", true) : json;
  }

  public static Reply fromJson(JsonObject json) {
    JsonObject h = json.getJsonObject("headers", new JsonObject());
    var map = new java.util.LinkedHashMap<String, String>();
    h.forEach(e -> map.put(e.getKey(), String.valueOf(e.getValue())));
    Object body = json.getBoolean("binary", false) ? json.getBinary("body") : json.getValue("body");
    return new Reply(body, Map.copyOf(map));
  }
}
