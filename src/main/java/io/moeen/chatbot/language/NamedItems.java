package io.moeen.chatbot.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which doctor or branch the words of a message name: the one most of whose name words they have (titles and
 * «فرع»/"branch" left out); none on a tie. A word counts when it is the name's word, as written or with particles
 * before it («بالعليا»); stemmed alike, one letter off or without its article («عليا» for «العليا») only right after
 * what speaks of a doctor or a branch (a title, «مع», «عند», "with", «فرع», "in") or after another word of the same
 * name ("faisal al-dosary"). Everyday words are one letter from names: «الشهر» ("month") is not «الشهري», «الرياضه»
 * (sport) is not «الرياض», «الدوري» (periodic) is not «الدوسري», «عليا» ("on me") is not «العليا».
 */
final class NamedItems {
  private static final Set<String> TITLES = Set.of("د", "دكتور", "دكتوره", "الدكتور", "الدكتوره", "dr", "doctor", "al",
      "فرع", "branch", "ال", "el", "bin", "بن");
  /** Words after which a word one letter from a doctor's name, or the name without its article, is that doctor's. */
  private static final Set<String> DOCTOR_CUES = Set.of("د", "دكتور", "دكتوره", "الدكتور", "الدكتوره", "dr", "doctor",
      "dktor", "doktor", "مع", "عند", "with", "m3", "ma3", "3nd", "3and");
  /** The same for a branch's name: «فرع», "branch", "in", «في», "to", «الى», "from", «من». */
  private static final Set<String> BRANCH_CUES = Set.of("فرع", "الفرع", "بفرع", "لفرع", "branch", "far3", "في", "in", "at",
      "fi", "الى", "to", "من", "from", "bel", "bil", "b");

  /** What is written before a name: «و», «ف», «ب», «ل», «ك» and their pairs. */
  private static final Set<String> PARTICLES = Set.of("و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك");

  private static final Set<String> ARTICLES = Set.of("el", "al", "the", "ال");

  private NamedItems() {}

  /** An item's name words, and each without its article (null when it has none; that counts only after a cue). */
  private record Words(List<String> full, List<String> bare) {}

  /**
   * The catalogue's names read once per item, not once per message (items live as long as the catalogue they belong
   * to; keys by identity, released with it).
   */
  private static final com.github.benmanes.caffeine.cache.Cache<ClinicCatalogue.Item, Words> NAME_WORDS =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().weakKeys().build();

  /** The doctor most of whose name words the message has; none on a tie. */
  static String doctor(List<String> words, List<ClinicCatalogue.Item> items) {
    return named(words, items, DOCTOR_CUES);
  }

  /** The branch most of whose name words the message has; none on a tie. */
  static String branch(List<String> words, List<ClinicCatalogue.Item> items) {
    return named(words, items, BRANCH_CUES);
  }

  private static String named(List<String> words, List<ClinicCatalogue.Item> items, Set<String> cues) {
    String best = null;
    int bestCount = 0;
    boolean tie = false;
    for (ClinicCatalogue.Item item : items) {
      Words name = NAME_WORDS.get(item, NamedItems::read);
      int count = 0;
      for (int k = 0; k < name.full().size(); k++) {
        String bare = name.bare().get(k);
        if (has(words, name.full().get(k), name, false, cues) || bare != null && has(words, bare, name, true, cues)) {
          count++; // a word of the name counts once, with or without its article
        }
      }
      if (count > bestCount) {
        best = item.id();
        bestCount = count;
        tie = false;
      } else if (count == bestCount && count > 0) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private static boolean has(List<String> words, String nameWord, Words name, boolean bare, Set<String> cues) {
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      if (w.length() < 3) {
        continue;
      }
      boolean exact = exact(w, nameWord);
      if (exact && !bare) {
        return true;
      }
      if (!cued(words, i, name, cues)) {
        continue; // the cue first: stemming every word against every name word is most of this stage's cost
      }
      if (exact || ChatNormalizer.stem(w).equals(ChatNormalizer.stem(nameWord))
          || Math.min(w.length(), nameWord.length()) >= 5 && OptionMatcher.same(w, nameWord)) {
        return true;
      }
    }
    return false;
  }

  /** The word as written or with its particles off («بالعليا», «للدوسري»); a stem alike is only near («الشهر»). */
  private static boolean exact(String word, String nameWord) {
    // particles before it only: «الرياضه» (sport) is not «الرياض» with a pronoun after it
    if (word.equals(nameWord)) {
      return true;
    }
    if (word.length() > nameWord.length() && word.endsWith(nameWord)
        && PARTICLES.contains(word.substring(0, word.length() - nameWord.length()))) {
      return true; // «بالعليا», «والدوسري»
    }
    if (nameWord.startsWith("ال") && word.length() > nameWord.length() - 1 && word.endsWith(nameWord.substring(1))) {
      String particle = word.substring(0, word.length() - nameWord.length() + 1);
      return particle.endsWith("ل") && PARTICLES.contains(particle); // «للعليا»: «ل» + «العليا»
    }
    return false;
  }

  /** Right after a cue (a title, «مع», «فرع», "in") or another word of the same name. */
  private static boolean cued(List<String> words, int i, Words name, Set<String> cues) {
    if (i == 0) {
      return false;
    }
    String before = ARTICLES.contains(words.get(i - 1)) && i >= 2
        ? words.get(i - 2) : words.get(i - 1); // "far3 el rawda", "the branch in al olaya"
    return cues.contains(before) || name.full().stream().anyMatch(n -> exact(before, n));
  }

  private static Words read(ClinicCatalogue.Item item) {
    List<String> full = new ArrayList<>();
    List<String> bare = new ArrayList<>();
    for (String n : item.names()) {
      for (String w : EntityReader.words(ChatNormalizer.normalize(n))) {
        if (!TITLES.contains(w) && w.length() >= 3) {
          full.add(w);
          bare.add(w.startsWith("ال") && w.length() >= 5 ? w.substring(2) : null);
        }
      }
    }
    return new Words(List.copyOf(full), java.util.Collections.unmodifiableList(bare));
  }
}
