package io.moeen.clinical;

import io.moeen.common.errors.Problem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Units, conversions, physiological ranges and flags, without a database. */
class ObservationCatalogueTest {
  @Test
  void glucose_in_mmol_per_litre_converts_to_mg_per_decilitre_and_back_at_the_limits() {
    var reading = ObservationCatalogue.BLOOD_GLUCOSE.read(5.5, "mmol/L", "v");
    assertThat(reading.canonical().doubleValue()).isEqualTo(99.088);
    assertThat(reading.flag()).isEqualTo("N");
    // the limits are told in the unit typed: 1500 mg/dL is 83.3 mmol/L
    assertThatThrownBy(() -> ObservationCatalogue.BLOOD_GLUCOSE.read(90, "mmol/L", "v"))
        .isInstanceOfSatisfying(Problem.class, p -> {
          assertThat(p.code()).isEqualTo("value_out_of_range");
          assertThat(p.args().getString("high")).isEqualTo("83.3");
          assertThat(p.args().getString("reasonKey")).isEqualTo("observation.blood_glucose");
        });
  }

  @Test
  void fahrenheit_is_read_as_celsius_and_60_degrees_is_no_temperature() {
    assertThat(ObservationCatalogue.BODY_TEMPERATURE.read(98.6, "[degF]", "v").canonical().doubleValue()).isEqualTo(37.0);
    assertThatThrownBy(() -> ObservationCatalogue.BODY_TEMPERATURE.read(60, "Cel", "v"))
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("value_out_of_range"));
  }

  @Test
  void a_unit_of_another_kind_and_an_unknown_code_are_refused() {
    assertThatThrownBy(() -> ObservationCatalogue.HEART_RATE.read(70, "mg/dL", "items.0"))
        .isInstanceOfSatisfying(Problem.class, p -> {
          assertThat(p.code()).isEqualTo("unit_not_allowed");
          assertThat(p.field()).isEqualTo("items.0.unit");
        });
    assertThatThrownBy(() -> ObservationCatalogue.of("mood", "items.0.code"))
        .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("unknown_observation_code"));
    assertThat(ObservationCatalogue.of("8867-4", "c")).isEqualTo(ObservationCatalogue.HEART_RATE);
  }

  @Test
  void bmi_is_weight_over_height_squared_to_one_decimal() {
    assertThat(ObservationCatalogue.bmi(84, 176)).isEqualTo(27.1);
    assertThat(ObservationCatalogue.BMI.flag(27.1)).isEqualTo("H");
    assertThat(ObservationCatalogue.BODY_WEIGHT.flag(84)).isNull();
  }

  @Test
  void icd10_codes_are_written_with_their_dot_and_checked_for_shape() {
    assertThat(Diagnoses.code(" e119 ")).isEqualTo("E11.9");
    assertThat(Diagnoses.code("J45909")).isEqualTo("J45.909");
    assertThat(Diagnoses.code("I10")).isEqualTo("I10");
    assertThatThrownBy(() -> Diagnoses.code("11E.9")).isInstanceOf(Problem.class);
    assertThatThrownBy(() -> Diagnoses.code("E11.12345")).isInstanceOf(Problem.class);
  }
}
