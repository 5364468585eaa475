package io.moeen.billing.invoices;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One line as reception adds it, checked before anything is written. A {@code service} line takes its name and
 * price from the catalogue; {@code item} and {@code free_text} lines say both. {@code clinical} and {@code pharmacy}
 * lines are written by those features (not through this input). The discount may not exceed the line.
 */
record LineInput(String sourceKind, String sourceRef, UUID serviceId, String descriptionAr, String descriptionEn,
                 BigDecimal quantity, BigDecimal unitPrice, BigDecimal discount) {

  static LineInput from(JsonObject body, String prefix) {
    String kind = body.getString("sourceKind", "free_text");
    UUID service = null;
    if ("service".equals(kind)) {
      String id = body.getString("serviceId");
      if (id == null) {
        throw Problem.invalid("service_required", prefix + "serviceId", Map.of());
      }
      service = UUID.fromString(id);
    }
    String ar = trimmed(body.getString("descriptionAr"));
    String en = trimmed(body.getString("descriptionEn"));
    if (service == null && ar == null && en == null) {
      throw Problem.invalid("line_description_required", prefix + "descriptionAr", Map.of());
    }
    BigDecimal quantity = Money.quantity(prefix + "quantity", body.getValue("quantity", "1"));
    Object price = body.getValue("unitPrice");
    if (service == null && price == null) {
      throw Problem.invalid("invalid_amount", prefix + "unitPrice", Map.of("field", prefix + "unitPrice", "value", ""));
    }
    BigDecimal unitPrice = price == null ? null : Money.amount(prefix + "unitPrice", price, false);
    BigDecimal discount = Money.amount(prefix + "discount", body.getValue("discount", "0"), false);
    if (unitPrice != null && discount.compareTo(Money.gross(quantity, unitPrice)) > 0) {
      throw discountTooLarge(prefix, discount, Money.gross(quantity, unitPrice));
    }
    return new LineInput(kind, trimmed(body.getString("sourceRef")), service,
        ar == null ? en : ar, en == null ? ar : en, quantity, unitPrice, discount);
  }

  /** The lines of a note's body: at least one. */
  static List<LineInput> all(JsonArray lines) {
    List<LineInput> parsed = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      parsed.add(from(lines.getJsonObject(i), "lines." + i + "."));
    }
    return parsed;
  }

  static Problem discountTooLarge(String prefix, BigDecimal discount, BigDecimal line) {
    return Problem.invalid("discount_exceeds_line", prefix + "discount",
        Map.of("discount", Money.text(discount), "line", Money.text(line)));
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
