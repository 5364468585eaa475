package io.moeen.chatbot.language;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The words of every intent, read from {@code intents.json} and normalized once, with the
 * look-ups the matcher needs: which phrases a word can start, which listed words a typed word may
 * be (exactly, through an attached particle, or by a typo).
 */
final class IntentLexicon {

  static final String DEFAULT_RESOURCE = "/io/moeen/chatbot/intents.json";

  /** A synonym of an intent: its words, and for each whether it is a stopword (optional). */
  record Phrase(Intent intent, String text, List<String> words, boolean[] optional, int firstRequired) {}

  private final List<Phrase> phrases = new ArrayList<>();
  private final Set<String> stopwords = new HashSet<>();
  private final Set<String> negators = new HashSet<>();
  /** Every listed word and every stem of one → the listed words it stands for. */
  private final Map<String, List<String>> byForm = new HashMap<>();
  /**
   * Each listed word under every string left after deleting up to its typo tolerance of letters
   * (symmetric delete): two words within distance k share such a string, so a typo look-up tries a
   * few dozen keys instead of measuring the distance to every listed word.
   */
  private final Map<String, List<String>> byDeletion = new HashMap<>();
  /** Listed word → phrases whose first required word it is. */
  private final Map<String, List<Phrase>> phrasesByFirstWord = new HashMap<>();

  static IntentLexicon fromResource(String resource) {
    try (InputStream in = IntentLexicon.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Intent words not found: " + resource);
      }
      return fromJson(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static IntentLexicon fromJson(JsonObject json) {
    IntentLexicon lexicon = new IntentLexicon();
    lexicon.addWords(json.getJsonObject("stopwords"), lexicon.stopwords);
    lexicon.addWords(json.getJsonObject("negators"), lexicon.negators);
    JsonObject intents = json.getJsonObject("intents");
    for (String name : intents.fieldNames()) {
      Intent intent = Intent.valueOf(name);
      JsonObject languages = intents.getJsonObject(name);
      for (String language : languages.fieldNames()) {
        for (Object phrase : languages.getJsonArray(language)) {
          lexicon.addPhrase(intent, (String) phrase);
        }
      }
    }
    Set<Intent> missing = lexicon.intentsWithoutWords();
    if (!missing.isEmpty()) {
      throw new IllegalStateException("Intents without words: " + missing);
    }
    return lexicon;
  }

  private Set<Intent> intentsWithoutWords() {
    Set<Intent> missing = EnumSet.allOf(Intent.class);
    phrases.forEach(p -> missing.remove(p.intent()));
    return missing;
  }

  private void addWords(JsonObject byLanguage, Set<String> target) {
    for (String language : byLanguage.fieldNames()) {
      JsonArray words = byLanguage.getJsonArray(language);
      for (Object word : words) {
        ChatWords.of((String) word).forEach(w -> target.add(w.text()));
      }
    }
  }

  private void addPhrase(Intent intent, String raw) {
    List<String> words = ChatWords.of(raw).stream().map(ChatWords.Word::text).toList();
    if (words.isEmpty()) {
      throw new IllegalStateException("Empty phrase for " + intent + ": '" + raw + "'");
    }
    boolean[] optional = new boolean[words.size()];
    int firstRequired = -1;
    for (int i = 0; i < words.size(); i++) {
      optional[i] = words.size() > 1 && stopwords.contains(words.get(i));
      if (!optional[i] && firstRequired < 0) {
        firstRequired = i;
      }
    }
    if (firstRequired < 0) {
      throw new IllegalStateException("Phrase of stopwords only for " + intent + ": '" + raw + "'");
    }
    Phrase phrase = new Phrase(intent, String.join(" ", words), words, optional, firstRequired);
    phrases.add(phrase);
    phrasesByFirstWord.computeIfAbsent(words.get(firstRequired), w -> new ArrayList<>()).add(phrase);
    for (String word : words) {
      if (byForm.containsKey(word) && byForm.get(word).contains(word)) {
        continue;
      }
      addForm(word, word);
      ArabicClitics.stems(word).forEach(stem -> addForm(stem, word));
      for (String deleted : deletions(word)) {
        byDeletion.computeIfAbsent(deleted, d -> new ArrayList<>(1)).add(word);
      }
    }
  }

  private void addForm(String form, String word) {
    List<String> words = byForm.computeIfAbsent(form, f -> new ArrayList<>(1));
    if (!words.contains(word)) {
      words.add(word);
    }
  }

  /** A word the lexicon knows as it is: listed, a stopword or a negation. Never read as a typo. */
  boolean isKnown(String word) {
    List<String> listed = byForm.get(word);
    return (listed != null && listed.contains(word)) || stopwords.contains(word) || negators.contains(word);
  }

  boolean isStopword(String word) {
    return stopwords.contains(word);
  }

  boolean isNegator(String word) {
    return negators.contains(word);
  }

  List<String> wordsWithForm(String form) {
    return byForm.getOrDefault(form, Collections.emptyList());
  }

  /** Listed words that may be within typo tolerance of {@code typed}; check with WordDistance. */
  Set<String> typoCandidates(String typed) {
    Set<String> candidates = new HashSet<>();
    for (String deleted : deletions(typed)) {
      candidates.addAll(byDeletion.getOrDefault(deleted, Collections.emptyList()));
    }
    return candidates;
  }

  /** The word itself and every string left after deleting up to its tolerance of letters. */
  static Set<String> deletions(String word) {
    Set<String> result = new HashSet<>();
    result.add(word);
    Set<String> frontier = Set.of(word);
    for (int round = 0; round < WordDistance.tolerance(word.length()); round++) {
      Set<String> next = new HashSet<>();
      for (String s : frontier) {
        for (int i = 0; i < s.length(); i++) {
          next.add(s.substring(0, i) + s.substring(i + 1));
        }
      }
      result.addAll(next);
      frontier = next;
    }
    return result;
  }

  List<Phrase> phrasesStartingWith(String word) {
    return phrasesByFirstWord.getOrDefault(word, Collections.emptyList());
  }

  List<Phrase> phrases() {
    return Collections.unmodifiableList(phrases);
  }
}
