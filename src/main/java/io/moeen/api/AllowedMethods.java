package io.moeen.api;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Which methods a path takes, for the {@code Allow} header of a 405. */
final class AllowedMethods {
  private record Entry(Pattern path, String method) {
  }

  private final List<Entry> entries = new ArrayList<>();

  /**
   * {@code pathTemplate} as in the contract ({@code /v1/i18n/{locale}}) or a router prefix
   * ({@code /docs/*}); paths reach here canonical ({@link CanonicalPaths}), so no trailing slash.
   */
  void add(String pathTemplate, String method) {
    boolean prefix = pathTemplate.endsWith("/*");
    String template = prefix ? pathTemplate.substring(0, pathTemplate.length() - 2) : pathTemplate;
    String regex = Pattern.quote(template).replaceAll("\\{[^}/]+}", "\\\\E[^/]+\\\\Q") + (prefix ? "(/.*)?" : "");
    entries.add(new Entry(Pattern.compile(regex), method));
  }

  String forPath(String path) {
    TreeSet<String> methods = new TreeSet<>();
    for (Entry entry : entries) {
      if (entry.path().matcher(path).matches()) {
        methods.add(entry.method());
      }
    }
    return String.join(", ", methods);
  }
}
