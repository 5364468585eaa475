package io.moeen.chatbot.language;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.ar.ArabicNormalizer;
import org.apache.lucene.analysis.ar.ArabicStemmer;

/**
 * Stage 1 of understanding: one spelling for a message as people type it. On top of
 * {@link ArabicText#normalize} (letter variants, diacritics, tatweel, Arabic-Indic digits, invisible
 * characters): lower case; Persian/Gulf letters گ چ ڤ پ ڨ → ك ج ف ب ق; elongation «مواااعيد» → «مواعيد»,
 * «sooo» → «so»; Lucene's {@link ArabicNormalizer} on every Arabic word (alef forms, alef maqsura,
 * taa marbuta, harakat, tatweel — the same folding search engines use); dialect words that name the
 * same day or time («باجر», «النهارده», «التلاتا», «الضهر», «عقب») → the forms the date and time
 * readers know. {@link #arabizi} gives the Arabic-script reading of Latin words («abi maw3ed bukra»
 * → «ابي موعد بكرا»), {@link #stem} Lucene's light stem of a word. Pure functions, thread-safe.
 */
public final class ChatNormalizer {

  private static final Map<String, String> DIALECT = Map.ofEntries(
      Map.entry("باجر", "بكره"), Map.entry("باكر", "بكره"), Map.entry("بكرا", "بكره"), Map.entry("بكرة", "بكره"),
      Map.entry("النهارده", "اليوم"), Map.entry("النهارضه", "اليوم"), Map.entry("النهارد", "اليوم"),
      Map.entry("النهارده؟", "اليوم"), Map.entry("الحين", "الحين"), Map.entry("هلق", "الحين"), Map.entry("هلا؟", "هلا"),
      Map.entry("التلاتا", "الثلاثاء"), Map.entry("التلات", "الثلاثاء"), Map.entry("الثلاثا", "الثلاثاء"),
      Map.entry("تلاتا", "الثلاثاء"), Map.entry("الاتنين", "الاثنين"), Map.entry("الخميس؟", "الخميس"),
      Map.entry("الضهر", "الظهر"), Map.entry("العسر", "العصر"), Map.entry("ضهر", "الظهر"), Map.entry("عقب", "بعد"), Map.entry("بعدين", "بعدين"),
      Map.entry("tmrw", "tomorrow"), Map.entry("tmr", "tomorrow"), Map.entry("2moro", "tomorrow"),
      Map.entry("appt", "appointment"), Map.entry("pls", "please"), Map.entry("plz", "please"), Map.entry("u", "you"),
      Map.entry("r", "are"), Map.entry("wat", "what"), Map.entry("hw", "how"),
      // Arabizi as transliterated below: "bokra", "el sa3a", "masa2an"
      Map.entry("بوكرا", "بكره"), Map.entry("بوكره", "بكره"), Map.entry("السعا", "الساعه"), Map.entry("سعا", "ساعه"),
      Map.entry("مسان", "مساء"), Map.entry("مساان", "مساء"));

  private static final java.util.Set<String> DAYS = java.util.Set.of("اليوم", "بكره", "الاحد", "الاثنين", "الثلاثاء",
      "الاربعاء", "الخميس", "الجمعه", "السبت", "الحد", "الساعه", "بعد");

  /**
   * What the rough transliteration below makes of Arabizi day and time words whose vowels it drops ("el khamis" →
   * «الخمس», "el tlat" → «التلت», "w nos" → «و نوس»): the words they are. Only for Latin words, so Arabic «الخمس» is
   * left alone.
   */
  private static final Map<String, String> ARABIZI_READINGS = Map.ofEntries(
      Map.entry("التلت", "الثلاثاء"), Map.entry("الثلثا", "الثلاثاء"), Map.entry("الخمس", "الخميس"),
      Map.entry("الاتنن", "الاثنين"), Map.entry("الاربع", "الاربعاء"), Map.entry("الاربعا", "الاربعاء"),
      Map.entry("القومعا", "الجمعه"), Map.entry("الجمعا", "الجمعه"), Map.entry("الجومعا", "الجمعه"),
      Map.entry("الدوهر", "الظهر"), Map.entry("الزوهر", "الظهر"), Map.entry("السوبح", "الصبح"), Map.entry("نوس", "نص"),
      Map.entry("نص", "نص"), Map.entry("باللل", "بالليل"), Map.entry("باللايل", "بالليل"), Map.entry("تنزيف", "تنظيف"),
      Map.entry("اسنن", "اسنان"), Map.entry("الاسنن", "الاسنان"));

  private ChatNormalizer() {}

  /** The message in one spelling: lower case, folded letters, no elongation, dialect day words unified. */
  public static String normalize(String text) {
    String base = ArabicText.normalize(text == null ? "" : text.replace("👍", " اوكي ").replace("👌", " اوكي "))
        .toLowerCase(Locale.ROOT)
        .replace('گ', 'ك').replace('ڤ', 'ف').replace('چ', 'ج').replace('پ', 'ب').replace('ڨ', 'ق');
    StringBuilder out = new StringBuilder(base.length());
    for (String token : base.split(" ")) {
      if (token.isEmpty()) {
        continue;
      }
      String word = fold(collapse(token));
      // a question mark or comma glued to the word («لبكرا؟», "bukra?") does not hide the word from the lists below
      int end = wordEnd(word);
      String tail = word.substring(end);
      word = word.substring(0, end);
      word = DIALECT.getOrDefault(word, word);
      if (word.startsWith("ل") && word.length() > 3) {
        String bare = word.startsWith("لل") ? "ا" + word.substring(1) : word.substring(1);
        bare = DIALECT.getOrDefault(bare, bare);
        if (DAYS.contains(bare)) {
          word = bare; // «لبكره», «لليوم», «للخميس»: to that day; «للساعه ٦»: to that hour
        }
      }
      out.append(out.isEmpty() ? "" : " ").append(word).append(tail);
    }
    return out.toString();
  }

  /** A run of three or more of one letter is one letter: «مووووعد», «هلااا», «pleeease». */
  static String collapse(String token) {
    StringBuilder out = new StringBuilder(token.length());
    int run = 0;
    for (int i = 0; i < token.length(); i++) {
      char ch = token.charAt(i);
      run = i > 0 && token.charAt(i - 1) == ch ? run + 1 : 1;
      if (Character.isLetter(ch) && run >= 2 && i + 1 < token.length() && token.charAt(i + 1) == ch) {
        continue; // keep at most one of a run that goes on
      }
      if (Character.isLetter(ch) && run >= 3) {
        continue;
      }
      out.append(ch);
    }
    String s = out.toString();
    // «هلاا», «لاا» — a doubled final letter in Arabic is elongation too (Arabic words do not end in a written double)
    if (s.length() >= 3 && isArabic(s.charAt(s.length() - 1)) && s.charAt(s.length() - 1) == s.charAt(s.length() - 2)) {
      s = s.substring(0, s.length() - 1);
    }
    return s;
  }

  private static String fold(String word) {
    if (word.isEmpty() || !isArabic(word.charAt(0))) {
      return word;
    }
    char[] chars = word.toCharArray();
    int length = NORMALIZER.normalize(chars, chars.length);
    return new String(chars, 0, length);
  }

  /** Lucene's normaliser and stemmer keep no state between calls: one of each serves every thread. */
  private static final ArabicNormalizer NORMALIZER = new ArabicNormalizer();
  private static final ArabicStemmer STEMMER = new ArabicStemmer();
  /** Stems of the words seen lately (a chat's vocabulary is small; bounded, so typed noise cannot grow it). */
  private static final com.github.benmanes.caffeine.cache.Cache<String, String> STEMS =
      com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(50_000).build();

  /** Lucene's light Arabic stem (prefixes ال وال بال كال فال لل و, suffixes ها ان ات ون ين يه ية ه ة ي); other words as they are. */
  public static String stem(String word) {
    if (word.length() < 3 || !isArabic(word.charAt(0))) {
      return word;
    }
    return STEMS.get(word, w -> {
      char[] chars = w.toCharArray();
      int length = STEMMER.stem(chars, chars.length);
      return length >= 2 ? new String(chars, 0, length) : w;
    });
  }

  static boolean isArabic(char ch) {
    return ch >= '\u0600' && ch <= '\u06FF';
  }

  /** Whether the message has Latin words that read as Arabic («abi a7jz», «wesh mawa3edkom»). */
  public static boolean looksArabizi(String normalized) {
    if (LanguageDetector.isArabizi(normalized)) {
      return true;
    }
    for (String token : normalized.split("[^\\p{L}\\p{N}]+")) {
      if (ARABIZI_WORDS.contains(token)) {
        return true;
      }
    }
    return false;
  }

  /** Latin words that are Arabic whatever else the message says (no English word is spelled so). */
  private static final java.util.Set<String> ARABIZI_WORDS = java.util.Set.of("salam", "slm", "abi", "abgha", "abga",
      "bukra", "bokra", "bokrah", "bukrah", "shukran", "shokran", "wesh", "wsh", "hala", "marhaba", "mashkoor", "mabi",
      "mawid", "aiwa", "aywa", "tamam", "ahlan", "dawam", "wain", "wein", "fein", "mata", "emta", "bkam", "akshf",
      "kashf", "esmi", "tislam", "akeed", "engleezi", "shlonak", "kifak", "wdi", "bdi", "mumkin", "ana");

  /**
   * The Arabic-script reading of every Latin word of the message (others unchanged): digits for
   * the sounds Latin lacks (2 ء, 3 ع, 5 خ, 6 ط, 7 ح, 8 غ, 9 ص, 4 ذ), digraphs (sh kh gh th dh ch),
   * long vowels ee/oo/aa → ي و ا, a short vowel inside a word dropped, a vowel at either end
   * written, "el"/"al" → «ال». Rough on purpose: the intent model and the entity readers see this
   * beside the original, and they only need the consonants to line up («maw3ed» → «موعد»).
   */
  public static String arabizi(String normalized) {
    return looksArabizi(normalized) ? transliterated(normalized) : normalized;
  }

  /** The Arabic-script reading of every Latin word whether or not the message looks like Arabizi (an answer to a list of Arabic options). */
  static String transliterated(String normalized) {
    List<String> out = new ArrayList<>();
    String article = "";
    for (String token : normalized.split(" ")) {
      if (token.equals("l")) {
        continue;
      }
      if (token.equals("el") || token.equals("al") || token.equals("lel") && !article.equals("بال") || token.equals("lil")) {
        article = "ال"; // "lel khamis": to Thursday — the day is what is read
        continue;
      }
      if (token.equals("bel") || token.equals("bil")) {
        article = "بال"; // "bel lel", "bil lail": at night
        continue;
      }
      int end = wordEnd(token); // "bukra?": the word without the mark glued to it
      String bare = token.substring(0, end);
      String word = bare.chars().anyMatch(ch -> ch >= 'a' && ch <= 'z') ? transliterate(bare) : bare;
      String read = article.isEmpty() || word.startsWith("ال") ? DIALECT.getOrDefault(word, word)
          : DIALECT.getOrDefault(article + word, article + word);
      out.add(ARABIZI_READINGS.getOrDefault(read, read) + token.substring(end));
      article = "";
    }
    return String.join(" ", out);
  }

  /** Where a token's word ends: before the marks glued to its end («بكرا؟», "bukra?!"); a token of marks only is kept. */
  private static int wordEnd(String token) {
    int end = token.length();
    while (end > 1 && !Character.isLetterOrDigit(token.charAt(end - 1))) {
      end--;
    }
    return end;
  }

  private static String transliterate(String word) {
    String w = word;
    String prefix = "";
    if ((w.startsWith("el") || w.startsWith("al")) && w.length() > 4) {
      prefix = "ال";
      w = w.substring(2);
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < w.length()) {
      char ch = w.charAt(i);
      String two = i + 1 < w.length() ? w.substring(i, i + 2) : "";
      boolean first = i == 0 && prefix.isEmpty();
      boolean last = i == w.length() - 1;
      String mapped = switch (two) {
        case "sh", "ch" -> "ش";
        case "kh" -> "خ";
        case "gh" -> "غ";
        case "th" -> "ث";
        case "dh" -> "ذ";
        case "ee", "ii" -> "ي";
        case "oo", "ou", "uu" -> "و";
        case "aa" -> "ا";
        case "ei", "ai", "ay" -> first ? "اي" : "ي";
        default -> null;
      };
      if (mapped != null && !(two.equals("ay") && i + 2 < w.length() && "aeiou".indexOf(w.charAt(i + 2)) >= 0)) {
        out.append(mapped);
        i += 2;
        continue;
      }
      String one = switch (ch) {
        case 'b', 'p' -> "ب";
        case 't' -> "ت";
        case 'j' -> "ج";
        case 'g', 'q' -> "ق";
        case 'd' -> "د";
        case 'r' -> "ر";
        case 'z' -> "ز";
        case 's' -> "س";
        case 'f', 'v' -> "ف";
        case 'k', 'c' -> "ك";
        case 'l' -> "ل";
        case 'm' -> "م";
        case 'n' -> "ن";
        case 'h' -> "ه";
        case 'w' -> "و";
        case 'y' -> "ي";
        case 'x' -> "كس";
        case '2' -> "ا";
        case '3' -> "ع";
        case '4' -> "ذ";
        case '5' -> "خ";
        case '6' -> "ط";
        case '7' -> "ح";
        case '8' -> "غ";
        case '9' -> "ص";
        case 'a' -> first || last ? "ا" : "";
        case 'e' -> first ? "ا" : last ? "ه" : "";
        case 'i' -> first ? "ا" : last ? "ي" : "";
        case 'o' -> first ? "ا" : "و";
        case 'u' -> first ? "ا" : last ? "و" : "";
        default -> Character.isDigit(ch) ? String.valueOf(ch) : "";
      };
      out.append(one);
      i++;
    }
    String arabic = prefix + out;
    return arabic.isEmpty() ? word : DIALECT.getOrDefault(arabic, arabic);
  }
}
