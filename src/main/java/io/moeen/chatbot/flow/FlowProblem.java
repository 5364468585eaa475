package io.moeen.chatbot.flow;

import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * One thing wrong with a flow: a stable {@code code} (i18n key {@code chatbot.flow.<code>}),
 * the node it is about (null for the flow as a whole) and the arguments of its message.
 */
public record FlowProblem(String code, String nodeId, Map<String, String> args) {

  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("code", code).put("nodeId", nodeId);
    JsonObject a = new JsonObject();
    args.forEach(a::put);
    return json.put("args", a);
  }
}
