package io.moeen.documents;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a template may name, written {@code {{patient.name}}}. A template naming any other is
 * refused when it is saved (422 {@code template_placeholder_unknown}, naming it), so rendering never meets one.
 */
public final class Placeholders {
  /** Every placeholder there is; docs/documents.md says what each holds. */
  public static final List<String> KNOWN = List.of(
      "patient.name", "patient.mrn", "patient.dateOfBirth", "patient.age", "patient.gender",
      "doctor.name", "doctor.specialty", "doctor.license",
      "clinic.name", "clinic.address", "clinic.phone",
      "date.gregorian", "date.hijri",
      "encounter.date", "encounter.dateHijri", "encounter.complaint", "encounter.diagnoses",
      "document.notes");
  private static final Set<String> KNOWN_SET = Set.copyOf(KNOWN);
  /** {@code {{ name }}}: anything between double braces is a placeholder, known or not. */
  static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");

  private Placeholders() {
  }

  /** The placeholders {@code body} names, in order of first use. */
  static Set<String> named(String body) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(body);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Passes, or 422 naming the first unknown placeholder of {@code body} (the field says which body). */
  static void check(String body, String field) {
    for (String name : named(body)) {
      if (!KNOWN_SET.contains(name)) {
        throw new Problem(ProblemKind.UNPROCESSABLE, "template_placeholder_unknown",
            Map.of("placeholder", "{{" + name + "}}", "known", String.join(", ", KNOWN)), field);
      }
    }
    int open = body.indexOf("{{");
    Matcher m = PLACEHOLDER.matcher(body);
    String rest = m.replaceAll("");
    if (rest.contains("{{") || rest.contains("}}")) {
      throw new Problem(ProblemKind.UNPROCESSABLE, "template_placeholder_unclosed",
          Map.of("at", String.valueOf(Math.max(open, 0))), field);
    }
  }

  /** {@code text} with each placeholder replaced by {@code value.apply(name)} (escaped by the caller's function). */
  static String fill(String text, Function<String, String> value) {
    return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(value.apply(m.group(1))));
  }
}
