package io.moeen.billing.zatca;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What ZATCA's answer to a submission means. 200 (accepted) and 202 (accepted with warnings) report or clear
 * the invoice, unless the body says {@code NOT_REPORTED}/{@code NOT_CLEARED}; 400 and the other refusals reject
 * it for good (the invoice is corrected with a credit note, never sent again); 401, 403, 408, 429 and 5xx are
 * ZATCA or our credentials failing, so the document waits and is tried again ({@code retry}). The messages are
 * {@code validationResults}' info, warning and error messages, flattened, each with its {@code type}.
 */
public record Outcome(String status, String zatcaStatus, JsonArray messages, String clearedXml, boolean retry) {

  public static Outcome of(ZatcaGateway.Answer answer, boolean clearance) {
    int code = answer.status();
    JsonObject body = answer.body();
    JsonArray messages = messages(body);
    String zatcaStatus = clearance ? body.getString("clearanceStatus") : body.getString("reportingStatus");
    if (code == 401 || code == 403 || code == 408 || code == 429 || code >= 500 || code < 200) {
      if (messages.isEmpty()) {
        messages.add(message("ERROR", "HTTP-" + code, "transport",
            body.getString("message", body.getString("text", "HTTP " + code))));
      }
      return new Outcome("pending_report", zatcaStatus, messages, null, true);
    }
    boolean accepted = (code == 200 || code == 202)
        && !"NOT_REPORTED".equals(zatcaStatus) && !"NOT_CLEARED".equals(zatcaStatus);
    if (!accepted) {
      if (messages.isEmpty()) {
        messages.add(message("ERROR", "HTTP-" + code, "transport", "HTTP " + code));
      }
      return new Outcome("rejected", zatcaStatus, messages, null, false);
    }
    String cleared = null;
    if (clearance && body.getString("clearedInvoice") != null) {
      cleared = new String(Base64.getDecoder().decode(body.getString("clearedInvoice")), StandardCharsets.UTF_8);
    }
    return new Outcome(clearance ? "cleared" : "reported", zatcaStatus, messages, cleared, false);
  }

  /** The failure of a call that did not reach ZATCA (refused connection, timeout): tried again later. */
  public static Outcome unreachable(Throwable failure) {
    return new Outcome("pending_report", null,
        new JsonArray().add(message("ERROR", "UNREACHABLE", "transport", String.valueOf(failure.getMessage()))), null, true);
  }

  public long count(String type) {
    return messages.stream().filter(m -> type.equals(((JsonObject) m).getString("type"))).count();
  }

  static JsonArray messages(JsonObject body) {
    JsonArray out = new JsonArray();
    JsonObject results = body.getJsonObject("validationResults");
    if (results != null) {
      add(out, results.getJsonArray("infoMessages"), "INFO");
      add(out, results.getJsonArray("warningMessages"), "WARNING");
      add(out, results.getJsonArray("errorMessages"), "ERROR");
    }
    // the onboarding endpoints answer {errors: [...]} or {code, message}
    add(out, body.getValue("errors") instanceof JsonArray errors ? errors : null, "ERROR");
    return out;
  }

  private static void add(JsonArray out, JsonArray from, String type) {
    if (from == null) {
      return;
    }
    for (Object o : from) {
      if (o instanceof JsonObject m) {
        out.add(message(type, m.getString("code"), m.getString("category"), m.getString("message")));
      } else if (o != null) {
        out.add(message(type, null, null, o.toString()));
      }
    }
  }

  private static JsonObject message(String type, String code, String category, String text) {
    return new JsonObject().put("type", type).put("code", code).put("category", category).put("message", text);
  }
}
