package io.moeen.chatbot.language;

import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a time of day out of normalized chat text: "10:30", "3pm", "٣ العصر", "الساعة ٥ مساءً",
 * "٥ ونص المغرب", "half past 4", "الظهر", "noon". A number is a time only when something says so:
 * minutes, a part of the day, "الساعة"/"at" before it, a fraction after it, or nothing else in
 * the message. An hour without a part of the day is read the way a clinic works
 * ({@link DayPart#guess}).
 */
final class TimeParser {

  private static final String END = "(?![\\p{L}\\p{N}])";
  private static final Pattern NUMBER = Pattern.compile(
      "(?<![\\d:/.-])(\\d{1,2})(?:\\s*[:.]\\s*(\\d{2}))?(?![\\d/]|[.:/-]\\d)");
  private static final Pattern PREFIX = Pattern.compile(
      "(?<![\\p{L}])(?:الساعه|ساعه|الساعه ال|at|@|around|about|by|approx|approximately|من الساعه)\\s*$");
  private static final Pattern PART_AFTER = Pattern.compile("\\s*(" + DayPart.alternation() + ")" + END);
  private static final Pattern FRACTION_AFTER = Pattern.compile(
      "\\s*(و\\s*نص|و\\s*نصف|والنصف|والنص|و\\s*ربع|والربع|و\\s*ثلث|والثلث|الا\\s*ربع|الا\\s*ثلث|الا\\s*ربعا)" + END);
  private static final Pattern OCLOCK_AFTER = Pattern.compile("\\s*(?:o'?clock|oclock|-?ish)" + END); // "10ish"
  private static final Pattern ONLY_A_NUMBER = Pattern.compile("^(?:الساعه\\s*)?\\d{1,2}(?:\\s*[:.]\\s*\\d{2})?\\s*[.!?]*$");
  private static final Pattern ENGLISH_FRACTION = Pattern.compile(
      "(?<![\\p{L}])(half|quarter|a quarter|twenty|ten)\\s+(past|after|to|till|before)\\s+(\\d{1,2})" + END);
  private static final Pattern NOON_WORD = Pattern.compile(
      "(?<![\\p{L}])(?<!بعد\\s)(?:الظهر|ظهرا|noon|midday|12 noon)" + END);
  private static final Pattern MIDNIGHT_WORD = Pattern.compile("(?<![\\p{L}])(?:midnight|منتصف الليل|نص الليل)" + END);

  private static final Map<String, Integer> HOUR_WORDS = Map.ofEntries(
      Map.entry("واحده", 1), Map.entry("الواحده", 1), Map.entry("ثنتين", 2), Map.entry("اثنين", 2), Map.entry("الثانيه", 2),
      Map.entry("ثلاث", 3), Map.entry("ثلاثه", 3), Map.entry("الثالثه", 3), Map.entry("اربع", 4), Map.entry("اربعه", 4),
      Map.entry("الرابعه", 4), Map.entry("خمس", 5), Map.entry("خمسه", 5), Map.entry("الخامسه", 5), Map.entry("ست", 6),
      Map.entry("سته", 6), Map.entry("السادسه", 6), Map.entry("سبع", 7), Map.entry("سبعه", 7), Map.entry("السابعه", 7),
      Map.entry("ثمان", 8), Map.entry("ثمانيه", 8), Map.entry("الثامنه", 8), Map.entry("تسع", 9), Map.entry("تسعه", 9),
      Map.entry("التاسعه", 9), Map.entry("عشر", 10), Map.entry("عشره", 10), Map.entry("العاشره", 10),
      Map.entry("احدعش", 11), Map.entry("الحاديه عشر", 11), Map.entry("اثنعش", 12), Map.entry("الثانيه عشر", 12),
      Map.entry("الحاديه عشره", 11), Map.entry("الثانيه عشره", 12), Map.entry("الحادي عشر", 11), Map.entry("الثاني عشر", 12),
      Map.entry("احدعشر", 11), Map.entry("اثنعشر", 12), Map.entry("حدعش", 11), Map.entry("طنعش", 12), Map.entry("تنعش", 12),
      Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5),
      Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
      Map.entry("eleven", 11), Map.entry("twelve", 12));
  private static final String HOUR_WORD = CalendarWords.alternation(HOUR_WORDS);
  private static final Pattern HOUR_WORD_AFTER_PREFIX = Pattern.compile(
      "(?<![\\p{L}])(الساعه|ساعه|at|past|to|around|by)\\s+(" + HOUR_WORD + ")" + END);
  private static final Pattern HOUR_WORD_BEFORE_PART = Pattern.compile("(?<![\\p{L}])(" + HOUR_WORD + ")(?=\\s*(?:"
      + DayPart.alternation() + "|و\\s*نص|والنص|والنصف|و\\s*ربع|والربع|الا\\s*ربع|o'?clock|oclock)" + END + ")");

  private TimeParser() {}

  private static final Pattern STANDALONE_NUMBER = Pattern.compile("(?<![\\p{L}\\d])\\d{1,2}(?![\\p{L}\\d])");

  /** Whether the text says an hour, in digits or in words («الثانية عشرة», "twelve"): noon then is a clock time. */
  static boolean saysHour(String normalized) {
    return STANDALONE_NUMBER.matcher(hourWordsAsDigits(normalized)).find(); // not the digits of Arabizi ("3ayza")
  }

  static Optional<LocalTime> parse(String normalized) {
    String text = hourWordsAsDigits(normalized);
    Matcher fraction = ENGLISH_FRACTION.matcher(text);
    if (fraction.find()) {
      return englishFraction(fraction, text);
    }
    Matcher number = NUMBER.matcher(text);
    DayPart elsewhere = null;
    boolean looked = false;
    while (number.find()) {
      if (!looked) {
        elsewhere = partElsewhere(text); // once per message, not once per number
        looked = true;
      }
      Optional<LocalTime> time = readAt(number, text, elsewhere);
      if (time != null) {
        return time;
      }
    }
    if (MIDNIGHT_WORD.matcher(text).find()) {
      return Optional.of(LocalTime.MIDNIGHT);
    }
    if (NOON_WORD.matcher(text).find()) {
      return Optional.of(LocalTime.NOON);
    }
    return Optional.empty();
  }

  /** The time this number starts, empty if it is a time but an impossible one, null if no time. */
  private static Optional<LocalTime> readAt(Matcher number, String text, DayPart elsewhere) {
    String hourText = number.group(1);
    int hour = Integer.parseInt(hourText);
    int minute = number.group(2) == null ? 0 : Integer.parseInt(number.group(2));
    int end = number.end();
    boolean said = number.group(2) != null;

    Matcher fraction = FRACTION_AFTER.matcher(text).region(end, text.length());
    if (number.group(2) == null) {
      if (fraction.lookingAt()) {
        String f = fraction.group(1).replaceAll("\\s+", "");
        if (f.startsWith("الا")) {
          hour = hour == 1 ? 12 : hour - 1;
          minute = f.contains("ربع") ? 45 : 40;
        } else {
          minute = f.contains("نص") ? 30 : f.contains("ربع") ? 15 : 20;
        }
        end = fraction.end();
        said = true;
      }
    }
    Matcher part = PART_AFTER.matcher(text).region(end, text.length());
    DayPart dayPart = null;
    if (part.lookingAt()) {
      dayPart = DayPart.of(part.group(1));
      said = true;
    } else {
      // "tonight at 7", «الليلة الساعة ٩», «بعد بكره بالليل الساعه ٨» (not a morning word: "bokra el sob7 aw el sa3a 4"
      // keeps the clinic's reading of 4, the afternoon)
      dayPart = elsewhere;
    }
    if (!said) {
      said = OCLOCK_AFTER.matcher(text).region(end, text.length()).lookingAt()
          || hasPrefix(text, number.start())
          || ONLY_A_NUMBER.matcher(text).matches();
    }
    if (!said) {
      return null;
    }
    if (hour > 23 || minute > 59) {
      return Optional.empty();
    }
    boolean twentyFourHour = hour >= 13 || hour == 0 || (hourText.length() == 2 && hourText.charAt(0) == '0');
    if (dayPart != null && hour >= 13 && dayPart.hour(hour - 12) != hour) {
      return Optional.empty(); // "15 الصبح", "13am": the hour and the part of the day disagree
    }
    if (dayPart != null && !twentyFourHour) {
      return Optional.of(LocalTime.of(dayPart.hour(hour), minute));
    }
    return Optional.of(LocalTime.of(twentyFourHour ? hour : DayPart.guess(hour), minute));
  }

  /** A part of the day said anywhere in the message, in words (not "am"/"pm" or «ص»/«م» away from a number). */
  private static DayPart partElsewhere(String text) {
    Matcher m = PART_WORD.matcher(text);
    while (m.find()) {
      String word = m.group(1);
      if (word.length() > 2 && DayPart.of(word) != DayPart.MORNING) {
        return DayPart.of(word);
      }
    }
    return null;
  }

  private static final Pattern PART_WORD = Pattern.compile("(?<![\\p{L}])(" + DayPart.alternation() + ")" + END);

  private static Optional<LocalTime> englishFraction(Matcher m, String text) {
    int hour = Integer.parseInt(m.group(3));
    if (hour < 1 || hour > 12) {
      return Optional.empty();
    }
    int minutes = switch (m.group(1)) {
      case "half" -> 30;
      case "twenty" -> 20;
      case "ten" -> 10;
      default -> 15;
    };
    boolean before = m.group(2).equals("to") || m.group(2).equals("till") || m.group(2).equals("before");
    int minute = before ? 60 - minutes : minutes;
    if (before) {
      hour = hour == 1 ? 12 : hour - 1;
    }
    Matcher part = PART_AFTER.matcher(text).region(m.end(), text.length());
    int resolved = part.lookingAt() ? DayPart.of(part.group(1)).hour(hour) : DayPart.guess(hour);
    return Optional.of(LocalTime.of(resolved, minute));
  }

  private static boolean hasPrefix(String text, int start) {
    Matcher prefix = PREFIX.matcher(text).region(Math.max(0, start - 16), start);
    prefix.useTransparentBounds(true);
    return prefix.find();
  }

  private static String hourWordsAsDigits(String text) {
    text = HOUR_WORD_AFTER_PREFIX.matcher(text)
        .replaceAll(m -> m.group(1) + " " + HOUR_WORDS.get(m.group(2).replaceAll("\\s+", " ")));
    return HOUR_WORD_BEFORE_PART.matcher(text)
        .replaceAll(m -> String.valueOf(HOUR_WORDS.get(m.group(1).replaceAll("\\s+", " "))));
  }
}
