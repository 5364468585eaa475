package io.moeen.crm.leads;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pipeline's table, written out by hand and compared with every pair of stages. */
class LeadPipelineTest {
  static final Map<String, Set<String>> ALLOWED = Map.of(
      "new", Set.of("contacted", "qualified", "booked", "lost"),
      "contacted", Set.of("qualified", "booked", "lost"),
      "qualified", Set.of("booked", "lost"),
      "booked", Set.of("lost"),
      "converted", Set.of(),
      "lost", Set.of("new", "contacted", "qualified", "booked"));

  @Test
  void every_pair_of_stages_follows_the_table() {
    for (String from : LeadPipeline.ALL) {
      for (String to : LeadPipeline.ALL) {
        assertThat(LeadPipeline.allows(from, to)).as(from + " → " + to).isEqualTo(ALLOWED.get(from).contains(to));
      }
    }
  }

  @Test
  void lost_needs_a_reason_and_an_illegal_move_is_a_conflict() {
    assertThatThrownBy(() -> LeadPipeline.check("contacted", "lost", " ")).isInstanceOfSatisfying(Problem.class, p -> {
      assertThat(p.kind()).isEqualTo(ProblemKind.UNPROCESSABLE);
      assertThat(p.code()).isEqualTo("lost_reason_required");
    });
    assertThatThrownBy(() -> LeadPipeline.check("qualified", "new", null)).isInstanceOfSatisfying(Problem.class, p -> {
      assertThat(p.kind()).isEqualTo(ProblemKind.CONFLICT);
      assertThat(p.args().getString("from")).isEqualTo("qualified");
    });
  }
}
