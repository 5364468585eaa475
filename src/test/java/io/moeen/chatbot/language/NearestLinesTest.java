package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Stage 2c on its own: which training lines are nearest, how they vote, and how the vote joins the model's answer. */
class NearestLinesTest {
  private static IntentModel.Example line(String text, String label) {
    return new IntentModel.Example(ChatUnderstanding.lexicalFeatures(text), label);
  }

  /** Indexed as the service does: numbered by a model trained on the same lines. */
  private static NearestLines index(List<IntentModel.Example> lines) {
    return NearestLines.index(lines, IntentModel.train(lines));
  }

  private static List<IntentModel.Example> lines() {
    List<IntentModel.Example> lines = new ArrayList<>(List.of(
        line("متى تفتحون", "HOURS"),
        line("متى تسكرون اليوم", "HOURS"),
        line("وين موقعكم", "LOCATIONS"),
        line("ابي موعد بكرة", "BOOK"),
        line("ابي احجز موعد", "BOOK"),
        line("كم سعر الكشف", "PRICES"),
        line("وش رايك بالمباراة امس", "NONE")));
    // lines sharing nothing with the messages below, so no feature of theirs is in more than a fifth of the lines
    for (int i = 0; i < 30; i++) {
      lines.add(line("vvp" + (char) ('a' + i % 26) + (char) ('a' + i / 26) + " pqv", "NONE"));
    }
    return lines;
  }

  @Test
  void a_message_written_like_a_training_line_is_voted_that_lines_label() {
    NearestLines nearest = index(lines());
    Map<String, Double> vote = nearest.vote(ChatUnderstanding.lexicalFeatures("متى تفتحوون؟"));
    assertThat(vote.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey()).isEqualTo("HOURS");
    assertThat(nearest.vote(ChatUnderstanding.lexicalFeatures("ابغى موعد بكره")))
        .as("other spellings of a booking line").containsKey("BOOK");
  }

  @Test
  void the_shares_add_up_to_one_and_only_the_nearest_lines_vote() {
    NearestLines nearest = index(lines());
    Map<String, Double> vote = nearest.vote(ChatUnderstanding.lexicalFeatures("ابي موعد بكرة متى تفتحون وين موقعكم كم سعر الكشف"));
    assertThat(vote.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(vote.size()).isLessThanOrEqualTo(NearestLines.K);
    assertThat(vote.values()).allMatch(share -> share > 0);
  }

  @Test
  void a_message_sharing_nothing_with_any_line_gets_no_vote_and_the_model_alone_decides_less_surely() {
    NearestLines nearest = index(lines());
    Map<String, Double> none = ChatUnderstanding.lexicalFeatures("ثلج");
    assertThat(nearest.vote(none)).isEmpty();
    IntentModel model = IntentModel.train(lines());
    Map<String, Double> alone = model.predict(none);
    Map<String, Double> blended = new ChatUnderstanding.Classifier(model, nearest).predict(none);
    alone.forEach((label, p) -> assertThat(blended.get(label)).isCloseTo((1 - ChatUnderstanding.NEAREST_SHARE) * p,
        org.assertj.core.data.Offset.offset(1e-12)));
  }

  @Test
  void the_blend_gives_the_vote_its_share_and_ranks_best_first() {
    List<IntentModel.Example> lines = lines();
    NearestLines nearest = index(lines);
    IntentModel model = IntentModel.train(lines);
    Map<String, Double> features = ChatUnderstanding.lexicalFeatures("متى تفتحون");
    Map<String, Double> vote = nearest.vote(features);
    Map<String, Double> alone = model.predict(features);
    Map<String, Double> blended = new ChatUnderstanding.Classifier(model, nearest).predict(features);
    assertThat(blended.values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    alone.forEach((label, p) -> assertThat(blended.get(label)).isCloseTo((1 - ChatUnderstanding.NEAREST_SHARE) * p
        + ChatUnderstanding.NEAREST_SHARE * vote.getOrDefault(label, 0.0), org.assertj.core.data.Offset.offset(1e-12)));
    List<Double> order = new ArrayList<>(blended.values());
    assertThat(order).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }

  @Test
  void a_feature_in_more_than_a_fifth_of_the_lines_does_not_make_lines_near() {
    // «موعد» is in every line: alone it is no evidence, so a message of only that word has no nearest line
    List<IntentModel.Example> lines = List.of(line("موعد بكرة", "BOOK"), line("موعد الغاء", "CANCEL"),
        line("موعد متى", "MY_APPOINTMENTS"), line("موعد تغيير", "RESCHEDULE"), line("موعد وين", "LOCATIONS"));
    NearestLines nearest = index(lines);
    assertThat(nearest.vote(Map.of("w:موعد", 1.0))).isEmpty();
    assertThat(nearest.vote(ChatUnderstanding.lexicalFeatures("الغاء"))).containsOnlyKeys("CANCEL");
  }

  @Test
  void the_same_lines_give_the_same_vote_every_time() {
    Map<String, Double> features = ChatUnderstanding.lexicalFeatures("ابي موعد");
    assertThat(index(lines()).vote(features)).isEqualTo(index(lines()).vote(features));
  }

  @Test
  void the_service_indexes_every_training_line() {
    assertThat(ChatUnderstanding.classifier().nearest().size()).isEqualTo(LabelledCorpus.load(LabelledCorpus.TRAIN).size());
  }
}
