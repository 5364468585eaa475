package io.moeen.chatbot.engine;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The first branch whose test holds, else {@code otherwise}. */
final class Conditions {
  private Conditions() {
  }

  static String next(JsonObject node, JsonObject scope) {
    JsonArray branches = node.getValue("branches") instanceof JsonArray a ? a : new JsonArray();
    for (Object b : branches) {
      if (b instanceof JsonObject branch && branch.getValue("when") instanceof JsonObject when && holds(when, scope)) {
        return branch.getString("next");
      }
    }
    return node.getString("otherwise");
  }

  static boolean holds(JsonObject when, JsonObject scope) {
    Object value = scope.getValue(when.getString("variable"));
    return switch (String.valueOf(when.getValue("is"))) {
      case "set" -> value != null;
      case "unset" -> value == null;
      case "equals" -> same(value, when.getValue("value"));
      default -> false;
    };
  }

  private static boolean same(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    return a == null ? b == null : a.equals(b);
  }
}
