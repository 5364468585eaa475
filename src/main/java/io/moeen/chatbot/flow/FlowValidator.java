package io.moeen.chatbot.flow;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Judges a flow definition and names every problem: no start, unknown node type, missing field,
 * dangling edge, unreachable node, missing translation, unknown action, and a variable used on
 * some path before anything sets it (a forward "must be set" dataflow pass over the graph).
 */
public final class FlowValidator {
  /** Variables the engine sets before the first node. */
  public static final Set<String> BUILT_IN = Set.of("locale", "channel");

  public List<FlowProblem> validate(JsonObject definition) {
    Flow flow = new Flow("", 0, definition);
    List<FlowProblem> problems = new ArrayList<>();
    JsonObject nodes = flow.nodes();
    String start = flow.start();
    if (start == null || flow.node(start).isEmpty()) {
      problems.add(new FlowProblem("no_start", null, Map.of("start", String.valueOf(start))));
    }
    Object menu = definition.getValue("menu");
    if (menu != null && flow.node(String.valueOf(menu)).isEmpty()) {
      problems.add(new FlowProblem("dangling_edge", null, Map.of("edge", "menu", "target", String.valueOf(menu))));
    }
    for (String id : new TreeSet<>(nodes.fieldNames())) {
      if (!(nodes.getValue(id) instanceof JsonObject node)) {
        problems.add(new FlowProblem("unknown_node_type", id, Map.of("type", "")));
        continue;
      }
      checkNode(id, node, nodes, problems);
    }
    if (start != null && flow.node(start).isPresent()) {
      Set<String> reached = reachable(flow);
      for (String id : new TreeSet<>(nodes.fieldNames())) {
        if (!reached.contains(id)) {
          problems.add(new FlowProblem("unreachable_node", id, Map.of()));
        }
      }
      problems.addAll(new VariableFlow(flow, reached).unsetUses());
    }
    return problems;
  }

  private void checkNode(String id, JsonObject node, JsonObject nodes, List<FlowProblem> problems) {
    var type = Flow.type(node);
    if (type.isEmpty()) {
      problems.add(new FlowProblem("unknown_node_type", id, Map.of("type", String.valueOf(node.getValue("type")))));
      return;
    }
    for (Flow.Edge edge : Flow.edges(node)) {
      if (!nodes.containsKey(edge.target())) {
        problems.add(new FlowProblem("dangling_edge", id, Map.of("edge", edge.label(), "target", edge.target())));
      }
    }
    for (Object[] text : Flow.texts(node)) {
      for (String language : Flow.LANGUAGES) {
        Object value = text[1] instanceof JsonObject json ? json.getValue(language) : null;
        if (!(value instanceof String s) || s.isBlank()) {
          problems.add(new FlowProblem("missing_translation", id, Map.of("field", (String) text[0], "language", language)));
        }
      }
    }
    switch (type.get()) {
      case MESSAGE -> require(id, node, problems, "text", "next");
      case QUESTION -> {
        require(id, node, problems, "text", "variable", "input", "next");
        if (node.containsKey("input") && InputType.of(node.getString("input")).isEmpty()) {
          problems.add(new FlowProblem("invalid_field", id, Map.of("field", "input")));
        }
      }
      case CHOICE -> checkChoice(id, node, problems);
      case CONDITION -> {
        require(id, node, problems, "branches", "otherwise");
        if (node.getValue("branches") instanceof JsonArray branches) {
          for (int i = 0; i < branches.size(); i++) {
            JsonObject when = branches.getValue(i) instanceof JsonObject b && b.getValue("when") instanceof JsonObject w
                ? w : new JsonObject();
            if (!(when.getValue("variable") instanceof String)
                || !Set.of("set", "unset", "equals").contains(String.valueOf(when.getValue("is")))) {
              problems.add(new FlowProblem("invalid_field", id, Map.of("field", "branches." + i + ".when")));
            }
          }
        }
      }
      case ACTION -> {
        require(id, node, problems, "action", "next");
        if (node.containsKey("action") && FlowAction.named(node.getString("action")).isEmpty()) {
          problems.add(new FlowProblem("unknown_action", id, Map.of("action", String.valueOf(node.getValue("action")))));
        }
      }
      case HANDOFF, END -> require(id, node, problems, "text");
    }
  }

  private void checkChoice(String id, JsonObject node, List<FlowProblem> problems) {
    require(id, node, problems, "text");
    boolean dynamic = node.containsKey("optionsFrom");
    if (dynamic) {
      require(id, node, problems, "variable", "next");
      return;
    }
    if (!(node.getValue("options") instanceof JsonArray options) || options.isEmpty()) {
      problems.add(new FlowProblem("missing_field", id, Map.of("field", "options")));
      return;
    }
    for (int i = 0; i < options.size(); i++) {
      JsonObject option = options.getValue(i) instanceof JsonObject o ? o : new JsonObject();
      if (!(option.getValue("id") instanceof String)) {
        problems.add(new FlowProblem("missing_field", id, Map.of("field", "options." + i + ".id")));
      }
      if (!option.containsKey("next") && !node.containsKey("next")) {
        problems.add(new FlowProblem("missing_field", id, Map.of("field", "options." + i + ".next")));
      }
    }
  }

  private static void require(String id, JsonObject node, List<FlowProblem> problems, String... fields) {
    for (String field : fields) {
      if (node.getValue(field) == null) {
        problems.add(new FlowProblem("missing_field", id, Map.of("field", field)));
      }
    }
  }

  static Set<String> reachable(Flow flow) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(flow.start()));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (!seen.add(id)) {
        continue;
      }
      flow.node(id).ifPresent(node -> Flow.edges(node).stream().map(Flow.Edge::target)
          .filter(t -> flow.node(t).isPresent()).forEach(todo::push));
    }
    return seen;
  }

  /** Forward must-analysis: a variable is set at a node only if every path from the start sets it. */
  private static final class VariableFlow {
    private final Flow flow;
    private final Set<String> reached;
    private final Map<String, Set<String>> setAtEntry = new HashMap<>();

    VariableFlow(Flow flow, Set<String> reached) {
      this.flow = flow;
      this.reached = reached;
    }

    List<FlowProblem> unsetUses() {
      setAtEntry.put(flow.start(), new HashSet<>(BUILT_IN));
      Deque<String> todo = new ArrayDeque<>(List.of(flow.start()));
      while (!todo.isEmpty()) {
        String id = todo.pop();
        JsonObject node = flow.node(id).orElseThrow();
        for (Flow.Edge edge : Flow.edges(node)) {
          if (!reached.contains(edge.target())) {
            continue;
          }
          Set<String> out = new HashSet<>(setAtEntry.get(id));
          out.addAll(setsAlong(node, edge));
          Set<String> before = setAtEntry.get(edge.target());
          Set<String> merged;
          if (before == null) {
            merged = out;
          } else {
            merged = new HashSet<>(before);
            merged.retainAll(out);
          }
          if (!merged.equals(before)) {
            setAtEntry.put(edge.target(), merged);
            todo.push(edge.target());
          }
        }
      }
      List<FlowProblem> problems = new ArrayList<>();
      for (String id : new TreeSet<>(reached)) {
        Set<String> known = setAtEntry.getOrDefault(id, Set.of());
        for (String used : uses(flow.node(id).orElseThrow())) {
          if (!known.contains(used)) {
            problems.add(new FlowProblem("variable_unset", id, Map.of("variable", used)));
          }
        }
      }
      return problems;
    }

    private static Set<String> setsAlong(JsonObject node, Flow.Edge edge) {
      Set<String> sets = new HashSet<>(edge.knownSet());
      NodeType type = Flow.type(node).orElse(NodeType.END);
      if (type == NodeType.QUESTION || type == NodeType.CHOICE) {
        if (node.getValue("variable") instanceof String variable) {
          sets.add(variable);
          sets.add(variable + "Label");
        }
      }
      if (type == NodeType.CHOICE && edge.label().startsWith("options.")) {
        int i = Integer.parseInt(edge.label().split("\\.")[1]);
        JsonObject option = node.getJsonArray("options").getJsonObject(i);
        if (option.getValue("set") instanceof JsonObject set) {
          sets.addAll(set.fieldNames());
        }
      }
      if (type == NodeType.ACTION) {
        FlowAction.named(node.getString("action")).ifPresent(action -> {
          if (edge.label().equals("onError")) {
            sets.addAll(action.setsOnError());
            sets.add("errorCode");
          } else {
            sets.addAll(action.sets());
          }
        });
      }
      return sets;
    }

    private static Set<String> uses(JsonObject node) {
      Set<String> uses = new TreeSet<>();
      for (Object[] text : Flow.texts(node)) {
        if (text[1] instanceof JsonObject json) {
          Flow.LANGUAGES.forEach(language -> uses.addAll(Flow.placeholders(json.getString(language))));
        }
      }
      if (node.getValue("optionsFrom") instanceof String from) {
        uses.add(from);
      }
      if (node.getValue("branches") instanceof JsonArray branches) {
        for (Object b : branches) {
          if (b instanceof JsonObject branch && branch.getValue("when") instanceof JsonObject when
              && "equals".equals(when.getValue("is")) && when.getValue("variable") instanceof String variable) {
            uses.add(variable);
          }
        }
      }
      if (node.getValue("action") instanceof String name) {
        FlowAction.named(name).ifPresent(action -> uses.addAll(action.inputs()));
      }
      return uses;
    }
  }
}
