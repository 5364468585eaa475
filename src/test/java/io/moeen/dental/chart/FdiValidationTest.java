package io.moeen.dental.chart;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The FDI validation table: which tooth numbers exist, which surfaces each tooth has, and what a state may hold. */
class FdiValidationTest {

  @ParameterizedTest(name = "tooth {0} exists: {1}")
  @CsvSource({
      "11, true", "18, true", "21, true", "28, true", "31, true", "38, true", "41, true", "48, true",
      "51, true", "55, true", "61, true", "65, true", "71, true", "75, true", "81, true", "85, true",
      "10, false", "19, false", "20, false", "29, false", "49, false", "50, false", "56, false", "66, false",
      "76, false", "86, false", "90, false", "9, false", "0, false", "-11, false", "111, false", "99, false"})
  void tooth_numbers(int tooth, boolean exists) {
    assertThat(Fdi.exists(tooth)).isEqualTo(exists);
  }

  @ParameterizedTest(name = "tooth {0} has {1}: {2}")
  @CsvSource({
      // incisors and canines: incisal edge, labial face; upper palatal, lower lingual
      "11, incisal, true", "11, occlusal, false", "11, labial, true", "11, buccal, false", "11, palatal, true", "11, lingual, false",
      "13, incisal, true", "13, occlusal, false", "23, palatal, true",
      "31, incisal, true", "31, lingual, true", "31, palatal, false", "43, labial, true", "43, occlusal, false",
      // premolars and molars: occlusal, buccal
      "14, occlusal, true", "14, incisal, false", "14, buccal, true", "14, labial, false", "14, palatal, true",
      "16, occlusal, true", "26, distal, true", "36, lingual, true", "36, palatal, false", "48, buccal, true", "48, mesial, true",
      // primary: 51–53 anterior, 54–55 molars (no premolars)
      "51, incisal, true", "53, labial, true", "54, occlusal, true", "54, incisal, false", "75, lingual, true", "65, palatal, true",
      "85, buccal, true", "71, incisal, true", "71, palatal, false"})
  void surfaces_by_tooth_type(int tooth, String surface, boolean has) {
    assertThat(Fdi.surfaces(tooth).contains(surface)).isEqualTo(has);
  }

  @ParameterizedTest(name = "{0} on an {1} chart → {2}")
  @CsvSource(delimiter = '|', value = {
      "{'tooth': 16, 'status': 'present', 'fillings': [{'surface': 'occlusal', 'material': 'composite'}], 'caries': ['distal']} | adult | ok",
      "{'tooth': 11, 'status': 'present', 'caries': ['incisal', 'labial']} | adult | ok",
      "{'tooth': 46, 'status': 'present', 'crown': true, 'rootCanalTreated': true, 'mobility': 2} | adult | ok",
      "{'tooth': 36, 'status': 'implant', 'crown': true} | adult | ok",
      "{'tooth': 25, 'status': 'bridge_pontic'} | adult | ok",
      "{'tooth': 24, 'status': 'present', 'bridgeAbutment': true, 'crown': true} | adult | ok",
      "{'tooth': 11, 'status': 'present', 'fracture': true, 'note': 'chipped'} | adult | ok",
      "{'tooth': 55, 'status': 'present'} | child | ok",
      "{'tooth': 65, 'status': 'present', 'note': 'retained primary molar'} | adult | ok",
      "{'tooth': 65, 'status': 'present'} | adult | primary_tooth_needs_note",
      "{'tooth': 65, 'status': 'present', 'note': '   '} | adult | primary_tooth_needs_note",
      "{'tooth': 19, 'status': 'present'} | adult | tooth_not_fdi",
      "{'tooth': 56, 'status': 'present'} | child | tooth_not_fdi",
      "{'tooth': 90, 'status': 'present'} | adult | tooth_not_fdi",
      "{'status': 'present'} | adult | field_required",
      "{'tooth': 11} | adult | field_required",
      "{'tooth': 11, 'status': 'broken'} | adult | tooth_status_unknown",
      "{'tooth': 11, 'status': 'present', 'caries': ['occlusal']} | adult | surface_not_on_tooth",
      "{'tooth': 11, 'status': 'present', 'fillings': [{'surface': 'buccal', 'material': 'composite'}]} | adult | surface_not_on_tooth",
      "{'tooth': 16, 'status': 'present', 'caries': ['incisal']} | adult | surface_not_on_tooth",
      "{'tooth': 36, 'status': 'present', 'caries': ['palatal']} | adult | surface_not_on_tooth",
      "{'tooth': 16, 'status': 'present', 'caries': ['lingual']} | adult | surface_not_on_tooth",
      "{'tooth': 16, 'status': 'present', 'caries': ['top']} | adult | surface_unknown",
      "{'tooth': 16, 'status': 'present', 'caries': ['distal', 'distal']} | adult | surface_twice",
      "{'tooth': 16, 'status': 'present', 'fillings': [{'surface': 'occlusal', 'material': 'composite'}, {'surface': 'occlusal', 'material': 'amalgam'}]} | adult | surface_twice",
      "{'tooth': 16, 'status': 'present', 'fillings': [{'surface': 'occlusal', 'material': 'wood'}]} | adult | filling_material_unknown",
      "{'tooth': 16, 'status': 'present', 'mobility': 4} | adult | mobility_grade",
      "{'tooth': 16, 'status': 'present', 'mobility': 1.5} | adult | dental_field_invalid",
      "{'tooth': 16, 'status': 'missing', 'caries': ['occlusal']} | adult | tooth_absent_findings",
      "{'tooth': 16, 'status': 'extracted', 'crown': true} | adult | tooth_absent_findings",
      "{'tooth': 16, 'status': 'bridge_pontic', 'rootCanalTreated': true} | adult | tooth_absent_findings",
      "{'tooth': 36, 'status': 'implant', 'rootCanalTreated': true} | adult | implant_findings",
      "{'tooth': 36, 'status': 'implant', 'caries': ['occlusal']} | adult | implant_findings",
      "{'tooth': 16, 'status': 'present', 'crown': 'yes'} | adult | dental_field_invalid"})
  void states(String json, String chart, String expected) {
    JsonObject item = new JsonObject(json.replace('\'', '"'));
    boolean adult = chart.equals("adult");
    if (expected.equals("ok")) {
      JsonObject state = ToothState.validate(item, "teeth[0]", adult);
      assertThat(state.getString("status")).isEqualTo(item.getString("status"));
      assertThat(state.containsKey("tooth")).isFalse();
    } else {
      assertThatThrownBy(() -> ToothState.validate(item, "teeth[0]", adult))
          .isInstanceOfSatisfying(Problem.class, p -> {
            assertThat(p.code()).isEqualTo(expected);
            assertThat(p.field()).startsWith("teeth[0]");
          });
    }
  }

  @Test
  void a_state_is_written_in_one_canonical_form() {
    JsonObject state = ToothState.validate(new JsonObject("""
        {"tooth": 16, "status": "present", "caries": ["occlusal", "mesial"], "mobility": 0, "crown": false,
         "note": "  watch  "}"""), "teeth[0]", true);
    // surfaces in a fixed order, false flags and grade 0 dropped, the note stripped
    assertThat(state).isEqualTo(new JsonObject("{\"status\": \"present\", \"caries\": [\"mesial\", \"occlusal\"], \"note\": \"watch\"}"));
  }

  @Test
  void rows_run_from_the_patients_right_to_left() {
    assertThat(Fdi.row(true, false)).containsExactly(18, 17, 16, 15, 14, 13, 12, 11, 21, 22, 23, 24, 25, 26, 27, 28);
    assertThat(Fdi.row(false, false)).containsExactly(48, 47, 46, 45, 44, 43, 42, 41, 31, 32, 33, 34, 35, 36, 37, 38);
    assertThat(Fdi.row(true, true)).containsExactly(55, 54, 53, 52, 51, 61, 62, 63, 64, 65);
    assertThat(Fdi.row(false, true)).containsExactly(85, 84, 83, 82, 81, 71, 72, 73, 74, 75);
  }
}
