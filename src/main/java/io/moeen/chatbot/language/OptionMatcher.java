package io.moeen.chatbot.language;

import java.util.List;
import java.util.OptionalInt;

/**
 * Which of the options a choice offered (buttons, a list, doctors' or services' names) a typed
 * answer picks: its number ("2", "٢"), its title in any spelling ("د. خالد" for "Dr. Khalid
 * د. خالد"), or most of its words with typos tolerated as in intent matching. Empty when nothing
 * or more than one option fits equally well, so the flow can re-ask instead of guessing.
 */
public final class OptionMatcher {

  private static final double MIN_SHARE = 0.5;

  private OptionMatcher() {}

  /**
   * The options a typed answer fits best (0-based): one when it is clear; two or more when they fit
   * equally well (the flow asks «تقصد …؟» with them as buttons); none when nothing fits. Reads a
   * number or an ordinal («الثاني», "2nd", "رقم ٣", «الأخير»), a time («4 العصر» picks "16:00"),
   * the title in any spelling, or enough of its words — the one matcher behind buttons, lists and
   * free text.
   */
  public static List<Integer> candidates(String text, List<String> options) {
    List<Integer> found = candidates(text, options, false);
    if (found.isEmpty() && options.size() > 0) {
      // Arabizi typed at a list of Arabic options («tandheef asnan», "dr khaled", "4 el 3asr"): its
      // Arabic reading, with the short vowels Arabizi leaves out not counted against it
      String normalized = ChatNormalizer.normalize(text);
      String view = ChatNormalizer.transliterated(normalized);
      if (!view.equals(normalized)) {
        return candidates(view, options, true);
      }
    }
    return found;
  }

  /**
   * The one option most of whose words — two at least, and two thirds of them — the text has, or -1: «ابي تنظيف اسنان»
   * is «تنظيف الأسنان وتلميعها» (not «حشوة سن», one word of two, and that only a typo away). For a service the clinic
   * has but the list does not offer, the offered one the words describe.
   */
  public static int mostWordsOf(String text, List<String> options) {
    String normalized = ChatNormalizer.normalize(text);
    List<String> said = new java.util.ArrayList<>(EntityReader.words(normalized));
    String view = ChatNormalizer.arabizi(normalized);
    if (!view.equals(normalized)) {
      said.addAll(EntityReader.words(view));
    }
    int best = -1;
    boolean tie = false;
    int bestHad = 0;
    for (int i = 0; i < options.size(); i++) {
      List<String> words = EntityReader.words(ChatNormalizer.normalize(options.get(i)));
      int had = (int) words.stream().filter(w -> said.stream().anyMatch(s -> same(s, w))).count();
      if (had >= 2 && had * 3 >= words.size() * 2) {
        if (had > bestHad) {
          best = i;
          bestHad = had;
          tie = false;
        } else if (had == bestHad) {
          tie = true;
        }
      }
    }
    return tie ? -1 : best;
  }

  private static List<Integer> candidates(String text, List<String> options, boolean arabizi) {
    if (options.isEmpty()) {
      return List.of();
    }
    OptionalInt place = Ordinals.of(text);
    if (place.isPresent()) {
      int n = place.getAsInt() == Ordinals.LAST ? options.size() : place.getAsInt();
      if (n >= 1 && n <= options.size()) {
        return List.of(n - 1);
      }
    }
    java.util.Optional<java.time.LocalTime> time = DateTimeParser.parseTime(ChatNormalizer.normalize(text));
    if (time.isPresent()) {
      String hhmm = time.get().toString();
      for (int i = 0; i < options.size(); i++) {
        if (options.get(i).strip().startsWith(hhmm)) {
          return List.of(i);
        }
      }
    }
    if (place.isPresent()) {
      return List.of();
    }
    List<ChatWords.Word> typed = ChatWords.of(ChatNormalizer.normalize(text));
    if (typed.isEmpty()) {
      return List.of();
    }
    String whole = ChatNormalizer.normalize(text);
    double bestShare = 0;
    List<Integer> best = new java.util.ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      double share = ChatNormalizer.normalize(options.get(i)).equals(whole) ? 2
          : share(typed, ChatWords.of(ChatNormalizer.normalize(options.get(i))), arabizi);
      if (share > bestShare + 1e-9) {
        bestShare = share;
        best.clear();
        best.add(i);
      } else if (Math.abs(share - bestShare) < 1e-9 && share > 0) {
        best.add(i);
      }
    }
    return bestShare >= MIN_SHARE ? List.copyOf(best) : List.of();
  }

  /** The index (0-based) of the chosen option. */
  public static OptionalInt match(String text, List<String> options) {
    List<ChatWords.Word> typed = ChatWords.of(text);
    if (typed.isEmpty() || options.isEmpty()) {
      return OptionalInt.empty();
    }
    if (typed.size() == 1 && typed.get(0).text().matches("\\d{1,2}")) {
      int number = Integer.parseInt(typed.get(0).text());
      return number >= 1 && number <= options.size() ? OptionalInt.of(number - 1) : OptionalInt.empty();
    }
    String whole = ArabicText.normalize(text);
    int best = -1;
    double bestShare = 0;
    boolean tie = false;
    for (int i = 0; i < options.size(); i++) {
      double share = ArabicText.normalize(options.get(i)).equals(whole) ? 2 : share(typed, ChatWords.of(options.get(i)), false);
      if (share > bestShare) {
        best = i;
        bestShare = share;
        tie = false;
      } else if (share == bestShare && share > 0) {
        tie = true;
      }
    }
    return best >= 0 && !tie && bestShare >= MIN_SHARE ? OptionalInt.of(best) : OptionalInt.empty();
  }

  /** How much of the option the answer names: the best of "share of the option's words typed" and "share of the typed words in the option". */
  private static double share(List<ChatWords.Word> typed, List<ChatWords.Word> option, boolean arabizi) {
    if (option.isEmpty()) {
      return 0;
    }
    int optionWordsTyped = 0;
    for (ChatWords.Word word : option) {
      optionWordsTyped += contains(typed, word.text(), arabizi) ? 1 : 0;
    }
    int typedWordsInOption = 0;
    for (ChatWords.Word word : typed) {
      typedWordsInOption += contains(option, word.text(), arabizi) ? 1 : 0;
    }
    return Math.max((double) optionWordsTyped / option.size(), (double) typedWordsInOption / typed.size())
        * ((double) typedWordsInOption / typed.size() >= 0.5 ? 1 : 0.5);
  }

  private static boolean contains(List<ChatWords.Word> words, String wanted, boolean arabizi) {
    for (ChatWords.Word word : words) {
      if (same(word.text(), wanted) || arabizi && sameSkeleton(word.text(), wanted)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Arabizi leaves short and often long vowels out («khaled» reads «خلد», "asnan" «اسنن»): the same
   * consonants in the same order (ا و ي after the first letter, and the article, not counted), at
   * least three of them.
   */
  static boolean sameSkeleton(String a, String b) {
    String x = skeleton(a);
    return x.length() >= 3 && x.equals(skeleton(b));
  }

  private static String skeleton(String word) {
    String w = word.startsWith("ال") && word.length() > 4 ? word.substring(2) : word;
    StringBuilder out = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char ch = w.charAt(i);
      if (i == 0 || (ch != 'ا' && ch != 'و' && ch != 'ي' && ch != 'ه')) {
        out.append(ch == 'ذ' ? 'ظ' : ch == 'ه' ? 'ة' : ch);
      }
    }
    return out.toString();
  }

  /** The same word: spelled alike, with a particle on or off, the same Lucene stem, or a typo away. */
  static boolean same(String a, String b) {
    if (a.equals(b)) {
      return true;
    }
    if (a.length() >= 4 && b.length() >= 4 && ChatNormalizer.stem(a).equals(ChatNormalizer.stem(b))) {
      return true;
    }
    if (clitics(a).contains(b) || clitics(b).contains(a)) {
      return true;
    }
    int tolerance = WordDistance.tolerance(Math.min(a.length(), b.length()));
    return tolerance > 0 && WordDistance.sameStart(a, b) && WordDistance.bounded(a, b, tolerance) <= tolerance;
  }

  /** The clitic stems of the words seen lately, kept (bounded): the same few words are compared over and over. */
  private static final com.github.benmanes.caffeine.cache.Cache<String, List<String>> CLITICS =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50_000).build();

  private static List<String> clitics(String word) {
    return CLITICS.get(word, w -> List.copyOf(ArabicClitics.stems(w)));
  }
}
