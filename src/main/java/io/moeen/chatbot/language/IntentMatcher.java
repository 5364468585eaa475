package io.moeen.chatbot.language;

import io.moeen.chatbot.language.ChatWords.Word;
import io.moeen.chatbot.language.IntentLexicon.Phrase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds what a chat message asks for by the synonyms in {@code intents.json}, in Arabic (Gulf
 * forms included) and English, tolerant of spelling variants, attached particles and typos.
 *
 * <p>Each synonym phrase found in the message scores the quality of its words (see
 * {@link WordCandidates}) less 0.1 per unrelated word skipped inside it; stopwords are skipped
 * freely and are optional inside phrases; a phrase never spans punctuation. A phrase right after a
 * negation ("ما ابي احجز", "don't want to cancel") counts 30%. An intent's score is its phrases'
 * quality × (0.5 + 0.5 × the share of the message's words they cover), so "cancel my appointment"
 * is CANCEL (all words) before BOOK ("appointment" only). Below {@link #MIN_SCORE} nothing is
 * understood. Ties go to the phrase covering more words, then to {@link Intent} order.
 */
public final class IntentMatcher {

  /** Scores below this are not an understanding: a lone typo in a long message, a negated ask. */
  public static final double MIN_SCORE = 0.4;

  private static final double SKIPPED_WORD_PENALTY = 0.1;
  private static final double NEGATED = 0.3;
  private static final IntentMatcher DEFAULT =
      new IntentMatcher(IntentLexicon.fromResource(IntentLexicon.DEFAULT_RESOURCE));

  private final IntentLexicon lexicon;

  IntentMatcher(IntentLexicon lexicon) {
    this.lexicon = lexicon;
  }

  /** The best intent of the message, if any scores at least {@link #MIN_SCORE}. */
  public static Optional<IntentMatch> match(String text) {
    return DEFAULT.best(text);
  }

  /** Every intent scoring at least {@link #MIN_SCORE}, best first (one entry per intent). */
  public static List<IntentMatch> rank(String text) {
    return DEFAULT.ranked(text);
  }

  Optional<IntentMatch> best(String text) {
    List<IntentMatch> ranked = ranked(text);
    return ranked.isEmpty() ? Optional.empty() : Optional.of(ranked.get(0));
  }

  List<IntentMatch> ranked(String text) {
    List<Word> words = ChatWords.of(text);
    if (words.isEmpty()) {
      return List.of();
    }
    MessageView message = new MessageView(words, lexicon, new WordCandidates(lexicon));
    Map<Intent, List<PhraseHit>> hits = new EnumMap<>(Intent.class);
    for (int position = 0; position < words.size(); position++) {
      for (String listed : message.candidates(position).keySet()) {
        for (Phrase phrase : lexicon.phrasesStartingWith(listed)) {
          PhraseHit hit = PhraseHit.find(phrase, position, message);
          if (hit != null) {
            hits.computeIfAbsent(phrase.intent(), i -> new ArrayList<>()).add(hit);
          }
        }
      }
    }
    List<Scored> scored = new ArrayList<>();
    hits.forEach((intent, intentHits) -> scored.add(Scored.of(intent, intentHits, message)));
    scored.sort(Comparator.comparingDouble(Scored::score).reversed()
        .thenComparing(Comparator.comparingInt(Scored::covered).reversed())
        .thenComparing(Scored::intent));
    return scored.stream()
        .filter(s -> s.score() >= MIN_SCORE)
        .map(s -> new IntentMatch(s.intent(), s.score(), s.matched()))
        .toList();
  }

  /** An intent's share of the message: its non-overlapping phrase hits, best-covering first. */
  private record Scored(Intent intent, double score, int covered, String matched) {

    static Scored of(Intent intent, List<PhraseHit> hits, MessageView message) {
      hits.sort(Comparator.comparingInt((PhraseHit h) -> h.positions().length).reversed()
          .thenComparing(Comparator.comparingDouble(PhraseHit::quality).reversed()));
      boolean[] taken = new boolean[message.size()];
      double weightedQuality = 0;
      int covered = 0;
      int coveredStopwords = 0;
      String matched = hits.get(0).phrase().text();
      for (PhraseHit hit : hits) {
        if (hit.overlaps(taken)) {
          continue;
        }
        for (int position : hit.positions()) {
          taken[position] = true;
          coveredStopwords += message.isStopword(position) ? 1 : 0;
        }
        covered += hit.positions().length;
        weightedQuality += hit.quality() * hit.positions().length;
      }
      double quality = weightedQuality / covered;
      double coverage = (double) covered / (message.contentWords() + coveredStopwords);
      double score = Math.max(0, Math.min(1, quality * (0.5 + 0.5 * coverage)));
      return new Scored(intent, score, covered, matched);
    }
  }

  /** One place a phrase was found: the message positions it covers and how well it matched. */
  private record PhraseHit(Phrase phrase, int[] positions, double quality) {

    boolean overlaps(boolean[] taken) {
      for (int position : positions) {
        if (taken[position]) {
          return true;
        }
      }
      return false;
    }

    /** The phrase with its first required word at {@code start}, or null if it is not there. */
    static PhraseHit find(Phrase phrase, int start, MessageView message) {
      List<String> words = phrase.words();
      int first = phrase.firstRequired();
      List<Integer> positions = new ArrayList<>(words.size());
      int before = start - 1;
      for (int j = first - 1; j >= 0; j--) {
        if (before >= 0 && !message.pauseBefore(before + 1) && message.quality(before, words.get(j)) > 0) {
          positions.add(0, before--);
        }
      }
      double total = message.quality(start, words.get(first));
      int required = 1;
      double penalty = 0;
      positions.add(start);
      int next = start + 1;
      for (int j = first + 1; j < words.size(); j++) {
        String word = words.get(j);
        if (phrase.optional()[j]) {
          if (next < message.size() && !message.pauseBefore(next) && message.quality(next, word) > 0) {
            positions.add(next++);
          }
          continue;
        }
        int skipped = 0;
        int at = next;
        while (at < message.size() && !message.pauseBefore(at) && message.quality(at, word) == 0) {
          if (!message.isStopword(at) && ++skipped > 1) {
            return null;
          }
          at++;
        }
        if (at >= message.size() || message.pauseBefore(at)) {
          return null;
        }
        total += message.quality(at, word);
        required++;
        penalty += SKIPPED_WORD_PENALTY * skipped;
        positions.add(at);
        next = at + 1;
      }
      double quality = total / required - penalty;
      if (message.negatedBefore(positions.get(0))) {
        quality *= NEGATED;
      }
      return new PhraseHit(phrase, positions.stream().mapToInt(Integer::intValue).toArray(), quality);
    }
  }
}
