package io.moeen.billing.payments;

import io.moeen.billing.invoices.Money;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A payment or refund as the desk sends it, checked: a positive amount in halalas, a reference for every method
 * but cash, the Idempotency-Key, and the SHA-256 of what was asked (kind, invoice and body) so a key sent again
 * with another body is told apart from a retry.
 */
record PaymentRequest(String kind, UUID invoiceId, String method, BigDecimal amount, String reference, String reason,
                      String idempotencyKey, String requestHash) {

  static PaymentRequest from(RequestEnvelope request, String kind) {
    JsonObject body = request.bodyAsObject();
    String key = request.param("Idempotency-Key");
    if (key == null || key.isBlank()) {
      throw Problem.invalid("idempotency_key_required", "Idempotency-Key", Map.of());
    }
    String method = body.getString("method");
    String reference = body.getString("reference");
    if (reference != null && reference.isBlank()) {
      reference = null;
    }
    if (!"cash".equals(method) && reference == null) {
      throw Problem.invalid("payment_reference_required", "reference", Map.of("method", method));
    }
    BigDecimal amount = Money.amount("amount", body.getValue("amount"), true);
    UUID invoice = UUID.fromString(request.param("id"));
    TreeMap<String, Object> canonical = new TreeMap<>(body.getMap());
    canonical.put("_kind", kind);
    canonical.put("_invoice", invoice.toString());
    return new PaymentRequest(kind, invoice, method, amount, reference, body.getString("reason"), key,
        sha256(new JsonObject(new java.util.LinkedHashMap<>(canonical)).encode()));
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
