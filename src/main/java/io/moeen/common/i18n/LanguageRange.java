package io.moeen.common.i18n;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One element of an Accept-Language header (RFC 9110 §12.5.4), weight kept in thousandths. */
record LanguageRange(String range, int weight) {

  static final int FULL_WEIGHT = 1000;

  // language-range from RFC 4647 §2.1; anything else in the header is skipped, never guessed at
  private static final Pattern RANGE = Pattern.compile("\\*|[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*");
  // qvalue from RFC 9110 §12.4.2; "q" is case-insensitive, at most three decimals, never above 1
  private static final Pattern WEIGHT = Pattern.compile("[qQ]=(0(?:\\.[0-9]{0,3})?|1(?:\\.0{0,3})?)");

  /** Every well-formed element of the header, in header order. */
  static List<LanguageRange> parseAll(String header) {
    List<LanguageRange> ranges = new ArrayList<>();
    for (String element : header.split(",")) {
      parse(element).ifPresent(ranges::add);
    }
    return ranges;
  }

  static Optional<LanguageRange> parse(String element) {
    String[] parts = element.split(";", -1);
    String range = parts[0].trim();
    if (parts.length > 2 || !RANGE.matcher(range).matches()) {
      return Optional.empty();
    }
    if (parts.length == 1) {
      return Optional.of(new LanguageRange(range, FULL_WEIGHT));
    }
    Matcher weight = WEIGHT.matcher(parts[1].trim());
    if (!weight.matches()) {
      return Optional.empty();
    }
    return Optional.of(new LanguageRange(range, thousandths(weight.group(1))));
  }

  boolean isWildcard() {
    return "*".equals(range);
  }

  Optional<SupportedLocale> locale() {
    return SupportedLocale.fromTag(range);
  }

  private static int thousandths(String qvalue) {
    if (qvalue.startsWith("1")) {
      return FULL_WEIGHT;
    }
    int dot = qvalue.indexOf('.');
    String decimals = dot < 0 ? "" : qvalue.substring(dot + 1);
    return Integer.parseInt((decimals + "000").substring(0, 3));
  }
}
