package io.moeen;

import io.moeen.common.Feature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Features (the top-level packages under io.moeen, {@code common} and {@code api} included) depend on
 * each other only downwards in {@link Application#FEATURES}' order, so there is no cycle. Read from the
 * source files (imports and fully-qualified names, comments and strings left out) rather than from the
 * bytecode: javac inlines the constants of the {@code *Addresses} classes, so a class file does not show
 * that one feature names another's address, while the source does.
 */
class FeatureDependenciesTest {
  static final Path SOURCES = Path.of("src/main/java/io/moeen");
  private static final Pattern REFERENCE = Pattern.compile("\\bio\\.moeen\\.([a-z]+)\\.([A-Za-z_][\\w.]*)");
  private static final Pattern COMMENTS_AND_STRINGS =
      Pattern.compile("/\\*.*?\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\])'", Pattern.DOTALL);

  /** feature → feature it uses → the files (and the names) that show it. */
  private static Map<String, Map<String, Set<String>>> uses;
  private static List<String> order;

  @BeforeAll
  static void read() {
    order = new ArrayList<>(List.of("common"));
    Application.FEATURES.stream().map(Feature::name).forEach(order::add);
    uses = dependencies(SOURCES);
  }

  /** Who uses whom, read from the source files under {@code root} (one directory per feature). */
  static Map<String, Map<String, Set<String>>> dependencies(Path root) {
    Map<String, Map<String, Set<String>>> found = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Path relative = root.relativize(file);
        if (relative.getNameCount() < 2) {
          continue; // io.moeen itself (Main, Application) wires the features together
        }
        String from = relative.getName(0).toString();
        String code = COMMENTS_AND_STRINGS.matcher(Files.readString(file)).replaceAll(" ");
        Matcher m = REFERENCE.matcher(code);
        while (m.find()) {
          if (!m.group(1).equals(from)) {
            found.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(m.group(1), k -> new TreeSet<>())
                .add(relative + " → io.moeen." + m.group(1) + "." + m.group(2));
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** A cycle of features, as {@code a → b → … → a}, or null if there is none. */
  static List<String> cycle(Map<String, Map<String, Set<String>>> graph) {
    Set<String> done = new TreeSet<>();
    for (String start : graph.keySet()) {
      List<String> found = visit(graph, start, new LinkedHashSet<>(), done);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  private static List<String> visit(Map<String, Map<String, Set<String>>> graph, String node, LinkedHashSet<String> path,
                                    Set<String> done) {
    if (path.contains(node)) {
      List<String> cycle = new ArrayList<>(path).subList(new ArrayList<>(path).indexOf(node), path.size());
      List<String> closed = new ArrayList<>(cycle);
      closed.add(node);
      return closed;
    }
    if (!done.add(node)) {
      return null;
    }
    path.add(node);
    for (String next : graph.getOrDefault(node, Map.of()).keySet()) {
      List<String> found = visit(graph, next, path, done);
      if (found != null) {
        return found;
      }
    }
    path.remove(node);
    return null;
  }

  @Test
  @DisplayName("no two features use each other, directly or round a longer loop")
  void there_is_no_cycle_between_features() {
    List<String> cycle = cycle(uses);
    StringBuilder evidence = new StringBuilder();
    if (cycle != null) {
      for (int i = 0; i + 1 < cycle.size(); i++) {
        evidence.append("\n  ").append(cycle.get(i)).append(" → ").append(cycle.get(i + 1)).append(": ")
            .append(uses.get(cycle.get(i)).get(cycle.get(i + 1)));
      }
    }
    assertThat(cycle).as("features in a cycle:%s", evidence).isNull();
  }

  @Test
  void every_top_level_package_is_a_declared_feature() throws IOException {
    try (Stream<Path> dirs = Files.list(SOURCES)) {
      assertThat(dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()))
          .as("packages under io.moeen; a new one declares a Feature in Application.FEATURES")
          .allMatch(order::contains);
    }
  }

  @Test
  void a_feature_uses_only_the_features_before_it_in_the_dependency_order() {
    List<String> wrong = new ArrayList<>();
    uses.forEach((from, targets) -> targets.forEach((to, evidence) -> {
      if (!order.contains(to) || order.indexOf(to) >= order.indexOf(from)) {
        wrong.add(from + " → " + to + " " + evidence);
      }
    }));
    assertThat(wrong).as("order: %s", order).isEmpty();
  }

  @Test
  void the_api_reaches_domain_features_only_through_their_addresses() {
    List<String> wrong = new ArrayList<>();
    uses.getOrDefault("api", Map.of()).forEach((to, evidence) -> evidence.stream()
        .filter(e -> !to.equals("common") && !e.matches(".*→ io\\.moeen\\." + to + "\\.[A-Z]\\w*Addresses\\b.*"))
        .forEach(wrong::add));
    assertThat(wrong).isEmpty();
  }

  @Test
  void the_check_sees_a_cycle_when_there_is_one() {
    Map<String, Map<String, Set<String>>> looped = Map.of(
        "notifications", Map.of("chatbot", Set.of("x")), "chatbot", Map.of("crm", Set.of("y")),
        "crm", Map.of("notifications", Set.of("z")));
    // Map.of has no order, so the cycle may be reported from any of its members: closed, and all three in it
    List<String> found = cycle(looped);
    assertThat(found).hasSize(4);
    assertThat(found.get(0)).isEqualTo(found.get(3));
    assertThat(found.subList(0, 3)).containsExactlyInAnyOrder("chatbot", "crm", "notifications");
  }
}
