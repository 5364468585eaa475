package io.moeen.common.i18n;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Picks the response language from an Accept-Language header; never fails, falls back instead. */
public final class LocaleNegotiator {

  // a real browser header is well under 200 characters; longer ones are cut, not parsed whole
  private static final int MAX_HEADER_LENGTH = 1000;

  private final SupportedLocale fallback;

  public LocaleNegotiator(SupportedLocale fallback) {
    this.fallback = Objects.requireNonNull(fallback, "fallback");
  }

  public SupportedLocale fallback() {
    return fallback;
  }

  public SupportedLocale negotiate(String acceptLanguageHeader) {
    if (acceptLanguageHeader == null || acceptLanguageHeader.isBlank()) {
      return fallback;
    }
    List<LanguageRange> ranges = LanguageRange.parseAll(clip(acceptLanguageHeader));
    EnumSet<SupportedLocale> refused = refused(ranges);
    // List.sort is stable, so equal weights keep the order the client wrote them in
    ranges.sort(Comparator.comparingInt(LanguageRange::weight).reversed());
    for (LanguageRange range : ranges) {
      if (range.weight() == 0) {
        break;
      }
      Optional<SupportedLocale> match = range.isWildcard() ? acceptable(refused) : range.locale();
      if (match.isPresent()) {
        return match.get();
      }
    }
    return fallback;
  }

  /** Languages the client marked q=0: "not acceptable", so "*" must not pick them. */
  private static EnumSet<SupportedLocale> refused(List<LanguageRange> ranges) {
    EnumSet<SupportedLocale> refused = EnumSet.noneOf(SupportedLocale.class);
    for (LanguageRange range : ranges) {
      if (range.weight() == 0) {
        range.locale().ifPresent(refused::add);
      }
    }
    return refused;
  }

  private Optional<SupportedLocale> acceptable(EnumSet<SupportedLocale> refused) {
    if (!refused.contains(fallback)) {
      return Optional.of(fallback);
    }
    return EnumSet.complementOf(refused).stream().findFirst();
  }

  /** Keeps only whole elements within the limit, so a cut never turns "ar" into "a". */
  private static String clip(String header) {
    if (header.length() <= MAX_HEADER_LENGTH) {
      return header;
    }
    if (header.charAt(MAX_HEADER_LENGTH) == ',') {
      return header.substring(0, MAX_HEADER_LENGTH);
    }
    String head = header.substring(0, MAX_HEADER_LENGTH);
    int lastComma = head.lastIndexOf(',');
    return lastComma < 0 ? "" : head.substring(0, lastComma);
  }
}
