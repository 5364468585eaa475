package io.moeen.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The scheduling benches' command line: positional numbers, then {@code --name value} options and flags. */
final class BenchArgs {
  private BenchArgs() {
  }

  /** Fills {@code positional}; answers the options ({@code flags} take no value and map to ""). */
  static Map<String, String> parse(String[] args, List<String> positional, String... flags) {
    Map<String, String> options = new LinkedHashMap<>();
    Set<String> bare = Set.of(flags);
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        if (bare.contains(args[i])) {
          options.put(args[i], "");
        } else if (i + 1 < args.length) {
          options.put(args[i], args[++i]);
        } else {
          throw new IllegalArgumentException(args[i] + " needs a value");
        }
      } else {
        positional.add(args[i]);
      }
    }
    return options;
  }
}
