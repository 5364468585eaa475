package io.moeen.chatbot.flow;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A flow version: {@code {"start": "<node id>", "nodes": {"<id>": {"type": ..., ...}}}}. See
 * docs/chatbot.md for every node type's fields. This class only reads the JSON; the validator
 * judges it and the engine walks it.
 */
public record Flow(String key, int version, JsonObject definition) {
  public static final List<String> LANGUAGES = List.of("ar", "en");
  /** {@code {name}}, or {@code {name.field}}: a field of a variable holding an object (a slot's {@code branch}). */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?:\\.([A-Za-z_][A-Za-z0-9_]*))?}");

  /** An edge out of a node; {@code knownSet} are variables known to be set along it (a "set" test). */
  public record Edge(String label, String target, Set<String> knownSet) {
  }

  public String start() {
    return definition.getString("start");
  }

  public JsonObject nodes() {
    Object nodes = definition.getValue("nodes");
    return nodes instanceof JsonObject json ? json : new JsonObject();
  }

  public Optional<JsonObject> node(String id) {
    Object node = id == null ? null : nodes().getValue(id);
    return node instanceof JsonObject json ? Optional.of(json) : Optional.empty();
  }

  public static Optional<NodeType> type(JsonObject node) {
    return NodeType.of(node.getString("type"));
  }

  /** Every edge leaving the node, in the order the node lists them. */
  public static List<Edge> edges(JsonObject node) {
    List<Edge> edges = new ArrayList<>();
    add(edges, "next", node.getValue("next"), Set.of());
    if (node.getValue("options") instanceof JsonArray options) {
      for (int i = 0; i < options.size(); i++) {
        if (options.getValue(i) instanceof JsonObject option) {
          add(edges, "options." + i + ".next", option.getValue("next"), Set.of());
        }
      }
    }
    if (node.getValue("branches") instanceof JsonArray branches) {
      for (int i = 0; i < branches.size(); i++) {
        if (branches.getValue(i) instanceof JsonObject branch) {
          add(edges, "branches." + i + ".next", branch.getValue("next"), knownSet(branch));
        }
      }
    }
    add(edges, "otherwise", node.getValue("otherwise"), Set.of());
    add(edges, "onError", node.getValue("onError"), Set.of());
    return edges;
  }

  /** A branch {@code {"when": {"variable": "x", "is": "set"}}} proves x is set on its edge. */
  private static Set<String> knownSet(JsonObject branch) {
    JsonObject when = branch.getValue("when") instanceof JsonObject w ? w : new JsonObject();
    return "set".equals(when.getValue("is")) && when.getValue("variable") instanceof String variable
        ? Set.of(variable) : Set.of();
  }

  private static void add(List<Edge> edges, String label, Object target, Set<String> known) {
    if (target != null) {
      edges.add(new Edge(label, target instanceof String s ? s : String.valueOf(target), known));
    }
  }

  /** The localized texts of a node by field path: text, reask, listButton, options.N.label. */
  public static List<Object[]> texts(JsonObject node) {
    List<Object[]> texts = new ArrayList<>();
    for (String field : List.of("text", "reask", "listButton")) {
      if (node.containsKey(field)) {
        texts.add(new Object[] {field, node.getValue(field)});
      }
    }
    if (node.getValue("options") instanceof JsonArray options) {
      for (int i = 0; i < options.size(); i++) {
        if (options.getValue(i) instanceof JsonObject option) {
          texts.add(new Object[] {"options." + i + ".label", option.getValue("label")});
        }
      }
    }
    return texts;
  }

  /** The {@code {name}} placeholders in a text. */
  public static Set<String> placeholders(String text) {
    Set<String> names = new LinkedHashSet<>();
    Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** Fills {@code {name}} placeholders from the variables; an unknown name stays as written. */
  public static String fill(String text, JsonObject variables) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Object value = variables.getValue(m.group(1));
      if (m.group(2) != null) {
        // a field of an object: empty when the object lacks it (a slot offered without its details)
        Object field = value instanceof JsonObject o ? o.getValue(m.group(2)) : null;
        m.appendReplacement(out, Matcher.quoteReplacement(field == null ? "" : String.valueOf(field)));
        continue;
      }
      String replacement = value == null ? m.group() : value instanceof JsonObject o && o.containsKey("title")
          ? String.valueOf(o.getValue("title")) : String.valueOf(value);
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The text of a localized field ({@code {"ar": ..., "en": ...}}) in a language, English as fallback. */
  public static String text(Object localized, String language) {
    if (localized instanceof JsonObject json) {
      String value = json.getString(language);
      return value != null ? value : json.getString("en", "");
    }
    return localized == null ? "" : String.valueOf(localized);
  }
}
