package io.moeen.chatbot.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The synonym list is data; these keep it consistent as people add words to it. */
class IntentWordsTest {

  private static final IntentLexicon LEXICON = IntentLexicon.fromResource(IntentLexicon.DEFAULT_RESOURCE);

  @Test
  @DisplayName("Every listed phrase, typed alone, is understood as its own intent")
  void every_phrase_matches_its_intent() {
    List<String> wrong = new ArrayList<>();
    for (IntentLexicon.Phrase phrase : LEXICON.phrases()) {
      Intent found = IntentMatcher.match(phrase.text()).map(IntentMatch::intent).orElse(null);
      if (found != phrase.intent()) {
        wrong.add(phrase.intent() + " '" + phrase.text() + "' → " + found);
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void every_intent_has_words_in_both_languages() {
    for (Intent intent : Intent.values()) {
      List<IntentLexicon.Phrase> phrases = LEXICON.phrases().stream().filter(p -> p.intent() == intent).toList();
      assertThat(phrases).as(intent.name()).anyMatch(p -> LanguageDetector.detect(p.text()).orElseThrow().tag().equals("ar"));
      assertThat(phrases).as(intent.name()).anyMatch(p -> LanguageDetector.detect(p.text()).orElseThrow().tag().equals("en"));
    }
  }

  @Test
  void a_phrase_of_stopwords_only_is_refused_when_loading() {
    var json = new io.vertx.core.json.JsonObject(
        "{\"stopwords\":{\"en\":[\"the\",\"a\"]},\"negators\":{\"en\":[]},\"intents\":{\"BOOK\":{\"en\":[\"the a\"]}}}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> IntentLexicon.fromJson(json))
        .hasMessageContaining("stopwords only");
  }

  @Test
  void an_intent_without_words_is_refused_when_loading() {
    var json = new io.vertx.core.json.JsonObject(
        "{\"stopwords\":{},\"negators\":{},\"intents\":{\"BOOK\":{\"en\":[\"book\"]}}}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> IntentLexicon.fromJson(json))
        .hasMessageContaining("Intents without words");
  }
}
