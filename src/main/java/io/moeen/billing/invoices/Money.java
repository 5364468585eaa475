package io.moeen.billing.invoices;

import io.moeen.common.errors.Problem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Exact money and quantities as the API carries them: decimal strings ("150.00"), never binary floating
 * point. SAR has two decimals (halalas); quantities up to three. Rounding is half away from zero, per line,
 * as ZATCA rounds (and as PostgreSQL's {@code round(numeric, 2)} does for the generated columns).
 */
public final class Money {
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");
  private static final BigDecimal MAX_QUANTITY = new BigDecimal("9999999.999");

  private Money() {
  }

  /** An amount of at least zero ({@code positive}: above zero) with at most two decimals; 400 otherwise. */
  public static BigDecimal amount(String field, Object value, boolean positive) {
    BigDecimal parsed = decimal(field, value, "invalid_amount");
    if (parsed.signum() < 0 || (positive && parsed.signum() == 0) || parsed.scale() > 2
        || parsed.compareTo(MAX_AMOUNT) > 0) {
      throw Problem.invalid("invalid_amount", field, Map.of("field", field, "value", String.valueOf(value)));
    }
    return parsed.setScale(2, RoundingMode.UNNECESSARY);
  }

  /** A quantity above zero with at most three decimals; 400 {@code invalid_quantity} otherwise. */
  public static BigDecimal quantity(String field, Object value) {
    BigDecimal parsed = decimal(field, value, "invalid_quantity");
    if (parsed.signum() <= 0 || parsed.scale() > 3 || parsed.compareTo(MAX_QUANTITY) > 0) {
      throw Problem.invalid("invalid_quantity", field, Map.of("field", field, "value", String.valueOf(value)));
    }
    return parsed;
  }

  /** Two decimals, as printed and as the QR code carries amounts. */
  public static String text(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
  }

  /** round(quantity × price, 2), half away from zero: a line before its discount. */
  public static BigDecimal gross(BigDecimal quantity, BigDecimal unitPrice) {
    return quantity.multiply(unitPrice).setScale(2, RoundingMode.HALF_UP);
  }

  /** The VAT of one line: round(net × rate / 100, 2), rate in percent. */
  public static BigDecimal vat(BigDecimal net, BigDecimal ratePercent) {
    return net.multiply(ratePercent).divide(BigDecimal.valueOf(100)).setScale(2, RoundingMode.HALF_UP);
  }

  private static BigDecimal decimal(String field, Object value, String code) {
    if (value instanceof Number || value instanceof String) {
      String text = String.valueOf(value).trim();
      if (text.matches("-?[0-9]{1,13}(\\.[0-9]{1,6})?")) {
        return new BigDecimal(text).stripTrailingZeros().scale() < 0
            ? new BigDecimal(text).setScale(0, RoundingMode.UNNECESSARY)
            : new BigDecimal(text).stripTrailingZeros();
      }
    }
    throw Problem.invalid(code, field, Map.of("field", field, "value", String.valueOf(value)));
  }
}
