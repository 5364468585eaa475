package io.moeen.chatbot.language;

import java.time.DayOfWeek;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Month and weekday names as patients write them, already in {@link ArabicText#normalize} form. */
final class CalendarWords {

  /** Gregorian month names: English (full and short), Gulf/Egyptian and Levantine Arabic. */
  static final Map<String, Integer> MONTHS = normalizedKeys(Map.ofEntries(
      Map.entry("january", 1), Map.entry("jan", 1), Map.entry("يناير", 1), Map.entry("كانون الثاني", 1),
      Map.entry("february", 2), Map.entry("feb", 2), Map.entry("فبراير", 2), Map.entry("شباط", 2),
      Map.entry("march", 3), Map.entry("mar", 3), Map.entry("مارس", 3), Map.entry("آذار", 3),
      Map.entry("april", 4), Map.entry("apr", 4), Map.entry("أبريل", 4), Map.entry("ابريل", 4),
      Map.entry("إبريل", 4), Map.entry("نيسان", 4),
      Map.entry("may", 5), Map.entry("مايو", 5), Map.entry("أيار", 5),
      Map.entry("june", 6), Map.entry("jun", 6), Map.entry("يونيو", 6), Map.entry("يونيه", 6), Map.entry("حزيران", 6),
      Map.entry("july", 7), Map.entry("jul", 7), Map.entry("يوليو", 7), Map.entry("يوليه", 7), Map.entry("تموز", 7),
      Map.entry("august", 8), Map.entry("aug", 8), Map.entry("أغسطس", 8), Map.entry("آب", 8),
      Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("سبتمبر", 9), Map.entry("أيلول", 9),
      Map.entry("october", 10), Map.entry("oct", 10), Map.entry("أكتوبر", 10), Map.entry("تشرين الأول", 10),
      Map.entry("november", 11), Map.entry("nov", 11), Map.entry("نوفمبر", 11), Map.entry("تشرين الثاني", 11),
      Map.entry("december", 12), Map.entry("dec", 12), Map.entry("ديسمبر", 12), Map.entry("كانون الأول", 12)));

  /** Umm al-Qura (Hijri) month names with their common spellings. */
  static final Map<String, Integer> HIJRI_MONTHS = normalizedKeys(Map.ofEntries(
      Map.entry("محرم", 1), Map.entry("صفر", 2),
      Map.entry("ربيع الأول", 3), Map.entry("ربيع أول", 3),
      Map.entry("ربيع الثاني", 4), Map.entry("ربيع الآخر", 4), Map.entry("ربيع ثاني", 4),
      Map.entry("جمادى الأولى", 5), Map.entry("جمادى الأول", 5), Map.entry("جمادى أولى", 5),
      Map.entry("جمادى الآخرة", 6), Map.entry("جمادى الثانية", 6), Map.entry("جمادى الآخر", 6), Map.entry("جمادى ثاني", 6),
      Map.entry("رجب", 7), Map.entry("شعبان", 8), Map.entry("رمضان", 9), Map.entry("شوال", 10),
      Map.entry("ذو القعدة", 11), Map.entry("ذي القعدة", 11), Map.entry("ذو الحجة", 12), Map.entry("ذي الحجة", 12)));

  /**
   * Weekday names. Arabic ones carry the article: bare "احد" is also "someone" and "اثنين" also
   * "two", so those count only after "يوم" (see DateParser).
   */
  static final Map<String, DayOfWeek> WEEKDAYS = normalizedKeys(Map.ofEntries(
      Map.entry("sunday", DayOfWeek.SUNDAY), Map.entry("sundays", DayOfWeek.SUNDAY), Map.entry("sun", DayOfWeek.SUNDAY),
      Map.entry("الأحد", DayOfWeek.SUNDAY), Map.entry("الحد", DayOfWeek.SUNDAY),
      Map.entry("monday", DayOfWeek.MONDAY), Map.entry("mondays", DayOfWeek.MONDAY), Map.entry("mon", DayOfWeek.MONDAY),
      Map.entry("الإثنين", DayOfWeek.MONDAY), Map.entry("الاثنين", DayOfWeek.MONDAY), Map.entry("الاتنين", DayOfWeek.MONDAY),
      Map.entry("الثنين", DayOfWeek.MONDAY),
      Map.entry("tuesday", DayOfWeek.TUESDAY), Map.entry("tuesdays", DayOfWeek.TUESDAY), Map.entry("tue", DayOfWeek.TUESDAY), Map.entry("tues", DayOfWeek.TUESDAY),
      Map.entry("الثلاثاء", DayOfWeek.TUESDAY), Map.entry("الثلاثا", DayOfWeek.TUESDAY), Map.entry("الثلوث", DayOfWeek.TUESDAY),
      Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("wednesdays", DayOfWeek.WEDNESDAY), Map.entry("wed", DayOfWeek.WEDNESDAY),
      Map.entry("الأربعاء", DayOfWeek.WEDNESDAY), Map.entry("الاربعا", DayOfWeek.WEDNESDAY), Map.entry("الربوع", DayOfWeek.WEDNESDAY),
      Map.entry("thursday", DayOfWeek.THURSDAY), Map.entry("thursdays", DayOfWeek.THURSDAY), Map.entry("thu", DayOfWeek.THURSDAY), Map.entry("thur", DayOfWeek.THURSDAY),
      Map.entry("thurs", DayOfWeek.THURSDAY), Map.entry("الخميس", DayOfWeek.THURSDAY), Map.entry("خميس", DayOfWeek.THURSDAY),
      Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("fridays", DayOfWeek.FRIDAY), Map.entry("fri", DayOfWeek.FRIDAY),
      Map.entry("الجمعة", DayOfWeek.FRIDAY), Map.entry("الجمعه", DayOfWeek.FRIDAY),
      Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("saturdays", DayOfWeek.SATURDAY), Map.entry("sat", DayOfWeek.SATURDAY),
      Map.entry("السبت", DayOfWeek.SATURDAY), Map.entry("سبت", DayOfWeek.SATURDAY)));

  /** Names that are weekdays only right after "يوم" ("يوم احد", "يوم اثنين"). */
  static final Map<String, DayOfWeek> WEEKDAYS_AFTER_YOM = normalizedKeys(Map.of(
      "أحد", DayOfWeek.SUNDAY, "اثنين", DayOfWeek.MONDAY, "إثنين", DayOfWeek.MONDAY,
      "ثلاثاء", DayOfWeek.TUESDAY, "أربعاء", DayOfWeek.WEDNESDAY, "جمعة", DayOfWeek.FRIDAY));

  private CalendarWords() {}

  /** An alternation of the names, longest first, with any run of spaces between their words. */
  static String alternation(Map<String, ?> names) {
    return names.keySet().stream()
        .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
        .map(name -> Pattern.quote(name).replace(" ", "\\E\\s+\\Q"))
        .collect(Collectors.joining("|"));
  }

  /** The number of a matched name, whatever spaces the patient typed between its words. */
  static <T> T lookUp(Map<String, T> names, String matched) {
    return names.get(matched.replaceAll("\\s+", " "));
  }

  private static <T> Map<String, T> normalizedKeys(Map<String, T> names) {
    Map<String, T> normalized = new LinkedHashMap<>();
    names.forEach((name, value) -> normalized.put(ArabicText.normalize(name), value));
    return Map.copyOf(normalized);
  }
}
