package io.moeen.chatbot.language;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Of two days, doctors or branches one message names, the one it means (eighth part of issue 17): a move names
 * where it goes after "to" / «الى» / «لين» or last after "from" / «من» («من الثلاثاء للخميس»), a doctor not after
 * "instead of" / «بدال»; and "this evening", "tonight", «الليلة» name today. {@link EntityReader} asks it only when
 * it has read two, or a day.
 */
final class WhereItGoes {
  private WhereItGoes() {}

  /** Whether the words say today by its part: "this evening", "tonight", «الليله», «هالمسا». */
  static boolean saysToday(String normalized) {
    return THIS_DAY.matcher(" " + String.join(" ", EntityReader.words(normalized)) + " ").find();
  }

  /** Words that name today by its part: "this evening", "tonight", «الليله», «هالمسا» (normalised). */
  private static final Pattern THIS_DAY = Pattern.compile(
      " (?:this (?:morning|afternoon|evening)|tonight|tonite|الليله|هالليله|هالمسا|هالمساء|هالصبح|هالعصر|el ?lela|ellaila) ");
  /** «خليه», «خلوه», «نخليه», "make it": what follows is where the appointment goes («الساعه ٣ خلوه الساعه ٦»). */
  private static final String MAKE_IT = "خليه|خليها|اخليه|اخليها|خلوه|خلوها|نخليه|نخليها|تخليه|تخلوه|يبقي|يصير|make it"
      + "|a5leeh|a5leha|5aleeh|5aleha|5alooh|n5leeh";

  /** Where a message moves something: the day after "to" / «الى» / «لين» is the day it means, not the one it leaves. */
  private static final Pattern TO_DAY = Pattern.compile("(?:^|\\s)(?:to|till|until|الى|الي|لين|حتى|" + MAKE_IT + ")\\s+(.+)$");

  private static final Pattern FROM = Pattern.compile("(?:^|\\s)(?:from|من)\\s");

  /**
   * The day a move names as where it goes — after "to"/«الى»/«لين», the last of two after "from"/«من», or a day word
   * written with «ل»/«لل» («لبكرة», «للخميس») — or null: a day said alone may be the appointment's own.
   */
  static LocalDate movedTo(String text, ZoneId zone, Clock clock) {
    text = EntityReader.head(text);
    String normalized = ChatNormalizer.normalize(text);
    LocalDate to = dayAfterTo(normalized, zone, clock);
    if (to != null) {
      return to;
    }
    String[] words = text.split("[\\s،,.!?؟]+");
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      if (word.startsWith("ل") && word.length() > 3) {
        String bare = ChatNormalizer.normalize(word);
        if (bare.startsWith("ل") && !bare.startsWith("ليوم")) {
          continue; // the normaliser takes «ل» off day words only («لبكرة» → «بكره», «للخميس» → «الخميس»)
        }
        Optional<LocalDate> day = DateTimeParser.parseDate(bare, zone, clock);
        if (day.isEmpty() && i + 1 < words.length) {
          // «لبعد بكرة», «ليوم ١٥»: a day in two words
          day = DateTimeParser.parseDate(bare.replaceFirst("^ليوم", "يوم") + " " + ChatNormalizer.normalize(words[i + 1]),
              zone, clock);
        }
        if (day.isPresent()) {
          return day.get();
        }
      }
    }
    return null;
  }

  static LocalDate dayAfterTo(String text, ZoneId zone, Clock clock) {
    Matcher instead = INSTEAD.matcher(text);
    if (instead.find()) {
      // «لليوم الظهر بدل بكرة»: the day not after "instead of"
      Optional<LocalDate> before = DateTimeParser.parseDate(text.substring(0, instead.start()), zone, clock);
      Optional<LocalDate> after = DateTimeParser.parseDate(text.substring(instead.end()), zone, clock);
      if (before.isPresent() && after.isPresent() && !before.equals(after)) {
        return before.get();
      }
    }
    Matcher m = TO_DAY.matcher(text);
    LocalDate found = null;
    int from = 0;
    while (m.find(from)) {
      found = dayRightAfter(m.group(1), zone, clock).orElse(found);
      from = m.start(1);
    }
    if (found != null) {
      return found;
    }
    // «من الثلاثاء للخميس» (normalised to «من الثلاثاء الخميس»): two days after "from" — the last is where it goes
    Matcher fromWord = FROM.matcher(text);
    int after = -1;
    while (fromWord.find()) {
      after = fromWord.end();
    }
    if (after < 0) {
      return null; // one day, said once: the reader has it
    }
    List<String> words = EntityReader.words(text.substring(after));
    // a day is said in a few words («بعد بكره», «الاحد الجاي», «25 ديسمبر 2026»): windows of them, not every prefix and
    // suffix of the message — a 4 KB message of «الى …» took a second that way
    // the last day, whole («بكره» is the end of «بعد بكره»: «من بكره لبعد بكره»), then a day said before it
    for (int i = words.size() - 1; i > 0; i--) {
      Optional<LocalDate> last = window(words, i, zone, clock);
      if (last.isPresent()) {
        // a word that starts a longer day («بعد», "next", "the") before it makes it that longer day
        Optional<LocalDate> longer = BEFORE_A_DAY.contains(words.get(i - 1)) ? window(words, i - 1, zone, clock)
            : Optional.empty();
        int start = longer.isPresent() && !longer.equals(last) ? i - 1 : i;
        last = start < i ? longer : last;
        List<String> before = words.subList(0, start);
        for (int j = 0; j < before.size(); j++) {
          Optional<LocalDate> first = window(before, j, zone, clock);
          if (first.isPresent()) {
            return first.equals(last) ? null : last.get();
          }
        }
        return null;
      }
    }
    return null;
  }

  private static final int DAY_WORDS = 4;

  /** The day the few words from {@code start} name, if any. */
  private static Optional<LocalDate> window(List<String> words, int start, ZoneId zone, Clock clock) {
    return DateTimeParser.parseDate(String.join(" ", words.subList(start, Math.min(words.size(), start + DAY_WORDS))),
        zone, clock);
  }

  /**
   * The clock time a move names as where it goes, or null: the time after "to" / «الى» / «خلوه» («من الساعه ٤ للساعه
   * ٦», «الساعه ٣ خلوه ٦»), or the last of two after "from" / «من». Only asked when the message has a time.
   */
  static LocalTime timeAfterTo(String text) {
    Matcher m = TO_DAY.matcher(text);
    LocalTime found = null;
    int from = 0;
    boolean bare = false;
    while (m.find(from)) {
      String rest = head(m.group(1)).strip(); // «الساعه ٦ العصر»: a time is said in its first few words
      boolean hourOnly = rest.matches("(?:الساعه\\s*)?\\d{1,2}(?:\\s+\\P{L}.*)?[\\s\\p{P}]*");
      Optional<LocalTime> t = DateTimeParser.parseTime(rest.matches("\\d{1,2}\\b.*") ? "الساعه " + rest : rest);
      if (t.isPresent()) {
        found = t.get();
        bare = hourOnly;
      }
      from = m.start(1);
    }
    if (found != null) {
      // «الساعة ٤ … نخليه ٧»: a bare hour after an afternoon time is later that afternoon (19:00), not 07:00
      Optional<LocalTime> was = DateTimeParser.parseTime(text);
      if (bare && found.getHour() < 12 && was.isPresent() && was.get().getHour() >= 12
          && found.getHour() + 12 > was.get().getHour()) {
        found = found.plusHours(12);
      }
      return found;
    }
    Matcher fromWord = FROM.matcher(text);
    if (!fromWord.find()) {
      return null;
    }
    List<String> words = EntityReader.words(text.substring(fromWord.end()));
    Optional<LocalTime> first = DateTimeParser.parseTime(String.join(" ", words));
    for (int i = words.size() - 1; i > 0 && first.isPresent(); i--) {
      if (words.get(i).matches("\\d{1,2}")) {
        Optional<LocalTime> last = DateTimeParser.parseTime("الساعه " + String.join(" ", words.subList(i, words.size())));
        return last.isPresent() && !last.equals(first) ? last.get() : null;
      }
    }
    return null;
  }

  /** The first words of what follows a marker (enough for a day or a time; never the rest of a long message). */
  private static String head(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60);
  }

  private static final Set<String> BEFORE_A_DAY = Set.of("next", "this", "the", "on", "coming", "يوم", "اليوم", "بعد",
      "after"); // «خليه بعد بكره»: the whole of "the day after tomorrow"

  /** A day that starts the text ("thursday please", "next sunday", «يوم الخميس»), not one further on ("reschedule tomorrow's"). */
  private static Optional<LocalDate> dayRightAfter(String text, ZoneId zone, Clock clock) {
    List<String> words = EntityReader.words(head(text));
    if (words.isEmpty()) {
      return Optional.empty();
    }
    if (!BEFORE_A_DAY.contains(words.get(0))) {
      return DateTimeParser.parseDate(words.get(0), zone, clock);
    }
    // "the day after tomorrow" is four words, "next sunday" two: the longest start of up to four that is a day
    for (int n = Math.min(4, words.size()); n >= 1; n--) {
      Optional<LocalDate> day = DateTimeParser.parseDate(String.join(" ", words.subList(0, n)), zone, clock);
      if (day.isPresent()) {
        return day;
      }
    }
    return Optional.empty();
  }

  private static final Pattern INSTEAD = Pattern.compile("(?:^|\\s)(?:instead of|rather than|not|بدال|بدل|بدلا من|مو|مش)\\s");

  /**
   * The doctor or branch a message means when it names two: the one after "to" («من العليا الى جدة», "from olaya to
   * the jeddah branch"), or the one not after "instead of" («عند فيصل بدال خالد»).
   */
  static String item(String text, List<String> words, List<ClinicCatalogue.Item> items,
      BiFunction<List<String>, List<ClinicCatalogue.Item>, String> named) {
    String found = named.apply(words, items);
    if (found != null) {
      return found;
    }
    Matcher to = TO_DAY.matcher(text);
    String after = null;
    int from = 0;
    while (to.find(from)) {
      after = to.group(1);
      from = to.start(1);
    }
    if (after != null && (found = named.apply(EntityReader.words(after), items)) != null) {
      return found;
    }
    Matcher instead = INSTEAD.matcher(text);
    if (instead.find()) {
      List<String> rest = EntityReader.words(text.substring(instead.end()));
      List<String> kept = new ArrayList<>(EntityReader.words(text.substring(0, instead.start())));
      kept.addAll(rest.subList(Math.min(rest.size(), 3), rest.size()));
      return named.apply(kept, items);
    }
    return null;
  }
}
