package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Flows for engine tests: the packaged receptionist flow, and small ones built node by node. */
final class Flows {
  static final String RECEPTIONIST = "io/moeen/chatbot/receptionist-flow.json";

  private Flows() {
  }

  /** The default flow the service publishes, exactly as packaged. */
  static Flow receptionist() {
    try (InputStream in = Flows.class.getClassLoader().getResourceAsStream(RECEPTIONIST)) {
      return new Flow("receptionist", 1, new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Builder startingAt(String start) {
    return new Builder(start);
  }

  /** A flow written in a few lines: {@code startingAt("a").message("a", "hi", "b").end("b", "bye").build()}. */
  static final class Builder {
    private final JsonObject definition;
    private final JsonObject nodes = new JsonObject();

    private Builder(String start) {
      definition = new JsonObject().put("start", start).put("nodes", nodes);
    }

    Builder menu(String id) {
      definition.put("menu", id);
      return this;
    }

    Builder message(String id, String text, String next) {
      return node(id, new JsonObject().put("type", "message").put("text", both(text)).put("next", next));
    }

    Builder question(String id, String input, String variable, String text, String next) {
      return node(id, new JsonObject().put("type", "question").put("input", input).put("variable", variable)
          .put("text", both(text)).put("next", next));
    }

    /** {@code options}: id, label, next, repeated. */
    Builder choice(String id, String text, String... options) {
      JsonArray list = new JsonArray();
      for (int i = 0; i + 2 < options.length; i += 3) {
        list.add(new JsonObject().put("id", options[i]).put("label", both(options[i + 1])).put("next", options[i + 2]));
      }
      return node(id, new JsonObject().put("type", "choice").put("text", both(text)).put("options", list));
    }

    Builder action(String id, String action, String next, String onError) {
      JsonObject node = new JsonObject().put("type", "action").put("action", action).put("next", next);
      return node(id, onError == null ? node : node.put("onError", onError));
    }

    Builder end(String id, String text) {
      return node(id, new JsonObject().put("type", "end").put("text", both(text)));
    }

    Builder node(String id, JsonObject node) {
      nodes.put(id, node);
      return this;
    }

    Flow build() {
      return new Flow("test", 1, definition.copy());
    }

    private static JsonObject both(String text) {
      return new JsonObject().put("ar", text).put("en", text);
    }
  }
}
