package io.moeen.chatbot.language;

import java.util.Map;
import java.util.OptionalInt;

/** Which place a typed answer names in a list: «الثاني», «التاني», "second", "2nd", "رقم ٣", "option 2", «الأخير». */
public final class Ordinals {
  /** "The last one". */
  public static final int LAST = -1;

  private static final Map<String, Integer> WORDS = Map.ofEntries(
      Map.entry("الاول", 1), Map.entry("اول", 1), Map.entry("الاولي", 1), Map.entry("first", 1), Map.entry("1st", 1),
      Map.entry("الثاني", 2), Map.entry("التاني", 2), Map.entry("ثاني", 2), Map.entry("الثانيه", 2), Map.entry("second", 2),
      Map.entry("2nd", 2), Map.entry("الثالث", 3), Map.entry("التالت", 3), Map.entry("ثالث", 3), Map.entry("الثالثه", 3),
      Map.entry("third", 3), Map.entry("3rd", 3), Map.entry("الرابع", 4), Map.entry("fourth", 4), Map.entry("4th", 4),
      Map.entry("الخامس", 5), Map.entry("fifth", 5), Map.entry("5th", 5), Map.entry("السادس", 6), Map.entry("sixth", 6),
      Map.entry("الاخير", LAST), Map.entry("اخر", LAST), Map.entry("الاخيره", LAST), Map.entry("last", LAST),
      Map.entry("el thani", 2), Map.entry("elthani", 2), Map.entry("thani", 2), Map.entry("awal", 1), Map.entry("el awal", 1),
      Map.entry("awwal", 1), Map.entry("al awal", 1), Map.entry("tani", 2), Map.entry("el tani", 2), Map.entry("al thani", 2),
      Map.entry("thalith", 3), Map.entry("talet", 3), Map.entry("el talet", 3), Map.entry("rabe3", 4), Map.entry("akher", LAST),
      Map.entry("el akher", LAST), Map.entry("al akher", LAST), Map.entry("تاني", 2), Map.entry("تالت", 3),
      Map.entry("awel", 1), Map.entry("awwel", 1), Map.entry("tany", 2), Map.entry("thany", 2), Map.entry("talt", 3),
      Map.entry("talta", 3), Map.entry("akhir", LAST), Map.entry("a5er", LAST), Map.entry("a5ir", LAST));
  private static final java.util.Set<String> FILLER = java.util.Set.of("رقم", "الخيار", "خيار", "الوقت", "الموعد", "موعد",
      "وقت", "option", "number", "no", "the", "one", "choice", "اللي", "ال", "ابي", "ابغي", "ابغى", "بدي", "عايز", "el",
      "time", "slot", "الدكتور", "دكتور", "please", "لو", "سمحت", "i", "want", "take", "ok", "واحد", "وحده", "wa7ed",
      "wahed", "wa7da", "wahda", "abi", "abgha", "mawid", "maw3ed", "al", "wa2t", "wa9t");

  private Ordinals() {}

  /** The 1-based place, {@link #LAST}, or empty when the message is more than a place in a list. */
  public static OptionalInt of(String text) {
    String normalized = ChatNormalizer.normalize(text);
    Integer whole = WORDS.get(normalized);
    if (whole != null) {
      return OptionalInt.of(whole);
    }
    Integer found = null;
    for (String w : EntityReader.words(normalized)) {
      Integer place = WORDS.get(w);
      if (place == null && w.matches("\\d{1,2}")) {
        place = Integer.parseInt(w);
      }
      if (place != null) {
        if (found != null) {
          return OptionalInt.empty();
        }
        found = place;
      } else if (!FILLER.contains(w)) {
        return OptionalInt.empty();
      }
    }
    return found == null ? OptionalInt.empty() : OptionalInt.of(found);
  }
}
