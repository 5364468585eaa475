package io.moeen.chatbot.language;

import java.text.Normalizer;

/**
 * Folds the many ways people type the same Arabic word into one spelling, so matching can compare
 * words instead of keystrokes.
 *
 * <p>{@link #foldForSearch} is exactly what the SQL function {@code normalize_search_text}
 * (db/changes/002-identity.sql) does; {@link #normalize} does that and also tidies punctuation,
 * invisible characters and whitespace, which is what the chatbot wants.
 */
public final class ArabicText {

  private ArabicText() {}

  /**
   * The Java twin of SQL {@code normalize_search_text}: drops harakat (U+064B–U+0652), the dagger
   * alef (U+0670) and tatweel (U+0640); maps أ إ آ ٱ → ا, ى → ي, ة → ه, ؤ → و, ئ → ي and
   * Arabic-Indic and Persian digits → 0-9; lower-cases. Null becomes "".
   */
  public static String foldForSearch(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isDroppedMark(c)) {
        continue;
      }
      char folded = foldLetter(c);
      out.append(Character.toLowerCase(folded));
    }
    return out.toString();
  }

  /**
   * {@link #foldForSearch} plus what chat text needs: Arabic punctuation ، ؛ ؟ ٫ ٪ → , ; ? . %,
   * Persian keyboard letters ی ک → ي ك, compatibility forms unified first (NFKC: presentation
   * forms such as ﻻ, full-width digits, decomposed hamza), the remaining Arabic marks
   * (U+0653–U+065F, Quranic annotations) and invisible marks (zero-width, bidi controls, BOM)
   * removed, every kind of space collapsed to one and the ends trimmed. Idempotent.
   */
  public static String normalize(String text) {
    if (text == null) {
      return "";
    }
    if (!Normalizer.isNormalized(text, Normalizer.Form.NFKC)) {
      text = Normalizer.normalize(text, Normalizer.Form.NFKC);
    }
    StringBuilder out = new StringBuilder(text.length());
    boolean pendingSpace = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isDroppedMark(c) || isOtherArabicMark(c) || isInvisible(c)) {
        continue;
      }
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        pendingSpace = out.length() > 0;
        continue;
      }
      if (pendingSpace) {
        out.append(' ');
        pendingSpace = false;
      }
      out.append(Character.toLowerCase(foldPunctuation(foldPersianLetter(foldLetter(c)))));
    }
    String result = out.toString();
    // a mark dropped between two others can leave a sequence NFKC orders otherwise: once more, to a fixed point
    return Normalizer.isNormalized(result, Normalizer.Form.NFKC) ? result : normalize(result);
  }

  /** True for a letter of the Arabic script (any block), used by language detection and tokens. */
  static boolean isArabicLetter(int codePoint) {
    return Character.isLetter(codePoint)
        && Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.ARABIC;
  }

  private static boolean isDroppedMark(char c) {
    return (c >= '\u064B' && c <= '\u0652') || c == '\u0670' || c == '\u0640';
  }

  private static boolean isOtherArabicMark(char c) {
    return (c >= '\u0653' && c <= '\u065F') || (c >= '\u06D6' && c <= '\u06ED' && c != '\u06E5' && c != '\u06E6')
        || (c >= '\u0610' && c <= '\u061A'); // the combining honorific and Quranic signs
  }

  private static boolean isInvisible(char c) {
    return (c >= '\u200B' && c <= '\u200F') // zero-width space/joiners, LRM, RLM
        || (c >= '\u202A' && c <= '\u202E') // bidi embeddings and overrides
        || (c >= '\u2066' && c <= '\u2069') // bidi isolates
        || c == '\uFEFF' || c == '\u061C' || c == '\u00AD';
  }

  private static char foldLetter(char c) {
    switch (c) {
      case 'أ': case 'إ': case 'آ': case 'ٱ':
        return 'ا';
      case 'ى': case 'ئ':
        return 'ي';
      case 'ة':
        return 'ه';
      case 'ؤ':
        return 'و';
      default:
        if (c >= '\u0660' && c <= '\u0669') {
          return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
          return (char) ('0' + (c - '\u06F0'));
        }
        return c;
    }
  }

  // not in the SQL function: Persian keyboards type these for ي and ك
  private static char foldPersianLetter(char c) {
    return c == 'ی' ? 'ي' : c == 'ک' ? 'ك' : c;
  }

  private static char foldPunctuation(char c) {
    switch (c) {
      case '،': return ',';
      case '؛': return ';';
      case '؟': return '?';
      case '٫': return '.';
      case '٪': return '%';
      case '٬': return ',';
      default: return c;
    }
  }
}
