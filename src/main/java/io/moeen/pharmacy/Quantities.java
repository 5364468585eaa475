package io.moeen.pharmacy;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.data.Numeric;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Quantities and costs as the clinic counts them: decimals with at most three places (ml, g), whole
 * numbers for items kept in whole units (a tablet is never split). The contract cannot know an item's
 * unit, so these checks are the service's; each refusal names its field.
 */
public final class Quantities {
  private static final int SCALE = 3;

  private Quantities() {
  }

  /** A quantity above zero: 400 {@code invalid_quantity} or {@code fractional_quantity} otherwise. */
  public static BigDecimal positive(Object value, String field, boolean wholeUnits) {
    BigDecimal q = decimal(value, field);
    if (q.signum() <= 0) {
      throw Problem.invalid("invalid_quantity", field, Map.of("quantity", q.toPlainString()));
    }
    return whole(q, field, wholeUnits);
  }

  /** A counted quantity: zero or more. */
  public static BigDecimal counted(Object value, String field, boolean wholeUnits) {
    BigDecimal q = decimal(value, field);
    if (q.signum() < 0) {
      throw Problem.invalid("invalid_quantity", field, Map.of("quantity", q.toPlainString()));
    }
    return whole(q, field, wholeUnits);
  }

  private static BigDecimal whole(BigDecimal q, String field, boolean wholeUnits) {
    if (wholeUnits && q.stripTrailingZeros().scale() > 0) {
      throw Problem.invalid("fractional_quantity", field, Map.of("quantity", q.toPlainString()));
    }
    return q;
  }

  /** A number with at most three decimal places. */
  public static BigDecimal decimal(Object value, String field) {
    if (!(value instanceof Number n)) {
      throw Problem.invalid("invalid_quantity", field, Map.of("quantity", String.valueOf(value)));
    }
    BigDecimal q = new BigDecimal(n.toString());
    if (q.stripTrailingZeros().scale() > SCALE || q.abs().compareTo(new BigDecimal("100000000000")) >= 0) {
      throw Problem.invalid("invalid_quantity", field, Map.of("quantity", q.toPlainString()));
    }
    return q;
  }

  /** For a statement parameter of type numeric. */
  public static Numeric sql(BigDecimal value) {
    return value == null ? null : Numeric.create(value);
  }

  /** For a JSON answer: a plain number, no trailing zeros, never scientific notation. */
  public static BigDecimal json(BigDecimal value) {
    return value == null ? null : new BigDecimal(value.stripTrailingZeros().toPlainString());
  }

  /** Puts a decimal column into a JSON object under the same name. */
  public static JsonObject put(JsonObject json, String name, BigDecimal value) {
    return json.put(name, json(value));
  }
}
