package io.moeen.billing.invoices;

import io.moeen.common.errors.Problem;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {
  @Property
  void a_line_vat_is_never_more_than_half_a_halala_away_from_the_exact_vat(
      @ForAll @BigRange(min = "0.001", max = "1000") @Scale(3) BigDecimal quantity,
      @ForAll @BigRange(min = "0", max = "100000") @Scale(2) BigDecimal price) {
    BigDecimal net = Money.gross(quantity, price);
    BigDecimal vat = Money.vat(net, new BigDecimal("15"));
    BigDecimal exact = net.multiply(new BigDecimal("0.15"));
    assertThat(vat.scale()).isEqualTo(2);
    assertThat(vat.subtract(exact).abs()).isLessThanOrEqualTo(new BigDecimal("0.005"));
  }

  @Test
  void half_a_halala_rounds_away_from_zero_as_zatca_does() {
    assertThat(Money.vat(new BigDecimal("46.90"), new BigDecimal("15"))).isEqualByComparingTo("7.04");
    assertThat(Money.gross(new BigDecimal("0.5"), new BigDecimal("0.01"))).isEqualByComparingTo("0.01");
  }

  @Test
  void bad_numbers_are_refused_with_the_field() {
    assertThatThrownBy(() -> Money.quantity("quantity", "-1")).isInstanceOf(Problem.class)
        .extracting(e -> ((Problem) e).code()).isEqualTo("invalid_quantity");
    assertThatThrownBy(() -> Money.quantity("quantity", "0")).isInstanceOf(Problem.class);
    assertThatThrownBy(() -> Money.quantity("quantity", "1.0001")).isInstanceOf(Problem.class);
    assertThatThrownBy(() -> Money.amount("unitPrice", "10.001", false)).isInstanceOf(Problem.class)
        .extracting(e -> ((Problem) e).field()).isEqualTo("unitPrice");
    assertThatThrownBy(() -> Money.amount("amount", "0", true)).isInstanceOf(Problem.class);
    assertThatThrownBy(() -> Money.amount("amount", "1e3", true)).isInstanceOf(Problem.class);
    assertThat(Money.amount("amount", "100", true)).isEqualByComparingTo("100.00");
    assertThat(Money.amount("amount", "100.50", true).toPlainString()).isEqualTo("100.50");
  }
}
