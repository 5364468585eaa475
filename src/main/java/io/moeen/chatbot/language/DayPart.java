package io.moeen.chatbot.language;

import java.util.LinkedHashMap;
import java.util.Map;

/** The part of the day a patient names after an hour, and how it turns a 1–12 hour into 0–23. */
enum DayPart {
  /** الصبح, صباحاً, ص, الفجر, am: 12 is midnight, 1–11 stay. */
  MORNING,
  /** الظهر, noon: 12 stays, 1–5 are afternoon, others stay (11 الظهر). */
  NOON,
  /** العصر, المغرب, مساءً, م, pm, afternoon, evening: 1–11 are after noon, 12 is noon. */
  AFTERNOON_OR_EVENING,
  /** بالليل, الليل, night: 1–4 are after midnight, 5–11 are evening, 12 is midnight. */
  NIGHT;

  private static final Map<String, DayPart> WORDS = new LinkedHashMap<>();

  static {
    for (String w : new String[] {"الصبح", "الصباح", "صباحا", "صباح", "الصبحيه", "ص", "الفجر", "فجرا", "الضحي", "ضحي",
        "am", "a.m.", "a.m", "in the morning", "morning", "بالصباح", "في الصباح", "صباحًا"}) {
      WORDS.put(ArabicText.normalize(w), MORNING);
    }
    for (String w : new String[] {"الظهر", "ظهرا", "الظهريه", "noon", "midday"}) {
      WORDS.put(ArabicText.normalize(w), NOON);
    }
    for (String w : new String[] {"العصر", "عصرا", "العصريه", "المغرب", "مغربا", "مساء", "مساءا", "المساء", "المسا",
        "مسا", "بالمسا", "بالمساء", "في المساء", "م", "العشاء", "العشا", "pm", "p.m.", "p.m", "in the afternoon",
        "afternoon", "in the evening", "evening", "tonight"}) {
      WORDS.put(ArabicText.normalize(w), AFTERNOON_OR_EVENING);
    }
    for (String w : new String[] {"بالليل", "الليل", "ليلا", "في الليل", "at night", "night", "الليله", "هالليله"}) {
      WORDS.put(ArabicText.normalize(w), NIGHT);
    }
  }

  static String alternation() {
    return CalendarWords.alternation(WORDS);
  }

  static DayPart of(String word) {
    return CalendarWords.lookUp(WORDS, word);
  }

  /** The 0–23 hour of a 1–12 hour said with this part of the day. */
  int hour(int hour) {
    return switch (this) {
      case MORNING -> hour == 12 ? 0 : hour;
      case NOON -> hour >= 1 && hour <= 5 ? hour + 12 : hour;
      case AFTERNOON_OR_EVENING -> hour == 12 ? 12 : hour + 12;
      case NIGHT -> hour == 12 ? 0 : hour <= 4 ? hour : hour + 12;
    };
  }

  /**
   * An hour said without a part of the day, read the way clinics work: 1–6 is afternoon (a clinic
   * is rarely open at 05:00), 7–11 is morning, 12 is noon.
   */
  static int guess(int hour) {
    return hour >= 1 && hour <= 6 ? hour + 12 : hour;
  }
}
