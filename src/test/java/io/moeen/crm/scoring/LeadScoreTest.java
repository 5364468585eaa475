package io.moeen.crm.scoring;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class LeadScoreTest {
  static final Instant NOW = Instant.parse("2026-03-01T09:00:00Z");

  static LeadScore.Facts facts(String source, String status, boolean service, Duration age, Duration sinceTouch,
                               long touches, long recaptures) {
    return new LeadScore.Facts(source, status, service, false, NOW.minus(age), NOW.minus(sinceTouch), touches, recaptures);
  }

  @Test
  void a_fresh_referral_for_a_named_service_shows_every_rule_that_gave_points() {
    LeadScore.Result result = LeadScore.of(facts("referral", "new", true, Duration.ofHours(1), Duration.ofHours(1), 2, 1), NOW);
    assertThat(result.parts()).extracting(LeadScore.Part::rule).containsExactly(
        "source.referral", "interest.service", "engagement.touches", "engagement.came_back",
        "recency.touched_today", "recency.new_lead");
    assertThat(result.parts()).extracting(LeadScore.Part::points).containsExactly(25, 15, 10, 5, 15, 10);
    assertThat(result.total()).isEqualTo(80);
    assertThat(result.breakdown().getJsonObject(0).getString("rule")).isEqualTo("source.referral");
  }

  @Test
  void an_old_untouched_campaign_lead_scores_only_its_source() {
    LeadScore.Result result = LeadScore.of(facts("campaign", "new", false, Duration.ofDays(90), Duration.ofDays(60), 0, 0), NOW);
    assertThat(result.total()).isEqualTo(5);
    assertThat(result.parts()).extracting(LeadScore.Part::rule).containsExactly("source.campaign");
  }

  @Test
  void engagement_is_capped_and_stage_counts() {
    LeadScore.Result result = LeadScore.of(facts("social", "booked", false, Duration.ofDays(10), Duration.ofDays(3), 40, 40), NOW);
    assertThat(result.parts()).contains(new LeadScore.Part("engagement.touches", 25),
        new LeadScore.Part("engagement.came_back", 15), new LeadScore.Part("recency.touched_this_week", 10),
        new LeadScore.Part("stage.booked", 20));
  }

  @Test
  void a_lost_lead_scores_zero_and_says_why() {
    LeadScore.Result result = LeadScore.of(facts("referral", "lost", true, Duration.ofHours(1), Duration.ofHours(1), 1, 0), NOW);
    assertThat(result.total()).isZero();
    assertThat(result.parts().get(result.parts().size() - 1).rule()).isEqualTo("stage.lost");
  }

  @Property
  void the_total_is_the_sum_of_the_breakdown_and_more_touches_never_lower_it(
      @ForAll @IntRange(max = 50) int touches, @ForAll @IntRange(max = 400) int ageDays) {
    for (String source : LeadScore.SOURCE_POINTS.keySet()) {
      LeadScore.Result less = LeadScore.of(facts(source, "contacted", false, Duration.ofDays(ageDays), Duration.ofDays(ageDays), touches, 0), NOW);
      LeadScore.Result more = LeadScore.of(facts(source, "contacted", false, Duration.ofDays(ageDays), Duration.ofDays(ageDays), touches + 1, 0), NOW);
      assertThat(less.total()).isEqualTo(less.parts().stream().mapToInt(LeadScore.Part::points).sum());
      assertThat(more.total()).isGreaterThanOrEqualTo(less.total());
    }
  }
}
