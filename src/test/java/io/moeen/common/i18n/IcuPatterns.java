package io.moeen.common.i18n;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.MessagePattern.Part;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the structure of an ICU MessageFormat pattern, nested sub-messages included. */
final class IcuPatterns {

  private IcuPatterns() {}

  /** Names of every argument, at any nesting depth. */
  static Set<String> argumentNames(String pattern) {
    MessagePattern parsed = new MessagePattern(pattern);
    Set<String> names = new TreeSet<>();
    for (int i = 0; i < parsed.countParts(); i++) {
      Part part = parsed.getPart(i);
      if (part.getType() == Part.Type.ARG_NAME || part.getType() == Part.Type.ARG_NUMBER) {
        names.add(parsed.getSubstring(part));
      }
    }
    return names;
  }

  /** Numbered arguments ({0}) cannot be filled by Messages, which passes names. */
  static boolean hasNumberedArguments(String pattern) {
    MessagePattern parsed = new MessagePattern(pattern);
    for (int i = 0; i < parsed.countParts(); i++) {
      if (parsed.getPart(i).getType() == Part.Type.ARG_NUMBER) {
        return true;
      }
    }
    return false;
  }

  /** For each plural argument, the selectors it lists (one, few, =0 ...). */
  static Map<String, Set<String>> pluralSelectors(String pattern) {
    MessagePattern parsed = new MessagePattern(pattern);
    Map<String, Set<String>> plurals = new LinkedHashMap<>();
    for (int i = 0; i < parsed.countParts(); i++) {
      Part start = parsed.getPart(i);
      if (start.getType() != Part.Type.ARG_START || !start.getArgType().hasPluralStyle()) {
        continue;
      }
      String name = parsed.getSubstring(parsed.getPart(i + 1));
      Set<String> selectors = plurals.computeIfAbsent(name, n -> new TreeSet<>());
      int limit = parsed.getLimitPartIndex(i);
      for (int j = i + 2; j < limit; j++) {
        Part part = parsed.getPart(j);
        if (part.getType() == Part.Type.ARG_SELECTOR) {
          selectors.add(parsed.getSubstring(part));
        } else if (part.getType() == Part.Type.MSG_START) {
          j = parsed.getLimitPartIndex(j); // a sub-message's own plurals are visited by the outer loop
        }
      }
    }
    return plurals;
  }

  static final List<String> ARABIC_PLURAL_CATEGORIES = List.of("zero", "one", "two", "few", "many", "other");
  static final List<String> ENGLISH_PLURAL_CATEGORIES = List.of("one", "other");
}
