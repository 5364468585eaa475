package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The model the build ships is the model training produces now, and it survives its own file format. */
class ShippedIntentModelTest {

  @Test
  void the_shipped_weights_are_what_training_on_the_train_split_produces() throws Exception {
    IntentModel trained = ChatUnderstanding.train(LabelledCorpus.load(LabelledCorpus.TRAIN));
    assertThat(ChatUnderstanding.shipped())
        .as("the build (exec chatbot-intent-model at process-classes) writes " + IntentModel.RESOURCE)
        .isPresent();
    assertThat(ChatUnderstanding.shipped().orElseThrow().sameAs(trained))
        .as("shipped model equals a fresh training run (stale model: rebuild; nondeterministic training: fix it)")
        .isTrue();
    assertThat(ChatUnderstanding.model().sameAs(trained)).as("the service uses the shipped model").isTrue();
  }

  @Test
  void the_shipped_nearest_lines_are_the_train_split_indexed_for_the_shipped_model() throws Exception {
    IntentModel model = ChatUnderstanding.shipped().orElseThrow();
    NearestLines indexed = ChatUnderstanding.indexTraining(model);
    assertThat(ChatUnderstanding.shippedNearest(model))
        .as("the build (exec chatbot-intent-model at process-classes) writes " + NearestLines.RESOURCE)
        .isPresent();
    assertThat(ChatUnderstanding.shippedNearest(model).orElseThrow().sameAs(indexed))
        .as("shipped index equals a fresh indexing (stale index: rebuild)").isTrue();
    assertThat(ChatUnderstanding.classifier().nearest().sameAs(indexed)).as("the service uses the shipped index").isTrue();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    indexed.write(bytes);
    NearestLines read = NearestLines.read(new ByteArrayInputStream(bytes.toByteArray()), model);
    assertThat(read.sameAs(indexed)).isTrue();
    var features = ChatUnderstanding.lexicalFeatures("متى تفتحون بكرة");
    assertThat(read.vote(features)).isEqualTo(indexed.vote(features)).isNotEmpty();
    IntentModel other = ChatUnderstanding.train(LabelledCorpus.load(LabelledCorpus.TRAIN).subList(0, 200));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> NearestLines.read(new ByteArrayInputStream(bytes.toByteArray()), other))
        .as("an index is read only with the model it was made for").isInstanceOf(java.io.IOException.class);
  }

  @Test
  void writing_and_reading_keeps_every_weight_and_every_answer() throws Exception {
    IntentModel trained = ChatUnderstanding.train(LabelledCorpus.load(LabelledCorpus.TRAIN).subList(0, 200));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    trained.write(bytes);
    IntentModel read = IntentModel.read(new ByteArrayInputStream(bytes.toByteArray()));
    assertThat(read.sameAs(trained)).isTrue();
    var features = new java.util.HashMap<String, Double>();
    features.put("w:موعد", 0.5);
    features.put("r:BOOK", 1.0);
    assertThat(read.predict(features)).isEqualTo(trained.predict(features));
    IntentModel other = ChatUnderstanding.train(LabelledCorpus.load(LabelledCorpus.TRAIN).subList(0, 199));
    assertThat(other.sameAs(trained)).as("sameAs can fail").isFalse();
  }
}
