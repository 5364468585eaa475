package io.moeen.common.errors;

import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Objects;

/**
 * A typed, expected failure. {@code code} is stable and names the i18n keys
 * {@code error.<code>.title} and {@code error.<code>.detail}; {@code args} fill the detail's
 * placeholders; {@code field} names the failing input where there is one; {@code extensions} are
 * extra top-level members of the problem+json body (RFC 9457 §3.2), e.g. {@code alternatives}.
 */
public class Problem extends RuntimeException {
  private final ProblemKind kind;
  private final String code;
  private final JsonObject args;
  private final String field;
  private final JsonObject extensions;

  public Problem(ProblemKind kind, String code, Map<String, ?> args, String field) {
    this(kind, code, args, field, new JsonObject());
  }

  private Problem(ProblemKind kind, String code, Map<String, ?> args, String field, JsonObject extensions) {
    super(code, null, false, false);
    this.extensions = extensions.copy();
    this.kind = Objects.requireNonNull(kind);
    this.code = Objects.requireNonNull(code);
    this.args = new JsonObject();
    if (args != null) {
      args.forEach(this.args::put);
    }
    this.field = field;
  }

  public Problem(ProblemKind kind, String code, Map<String, ?> args) {
    this(kind, code, args, null);
  }

  public Problem(ProblemKind kind, String code) {
    this(kind, code, Map.of(), null);
  }

  public static Problem notFound(String code, Map<String, ?> args) {
    return new Problem(ProblemKind.NOT_FOUND, code, args);
  }

  public static Problem invalid(String code, String field, Map<String, ?> args) {
    return new Problem(ProblemKind.INVALID_INPUT, code, args, field);
  }

  public ProblemKind kind() {
    return kind;
  }

  public String code() {
    return code;
  }

  public JsonObject args() {
    return args.copy();
  }

  public String field() {
    return field;
  }

  /** The same problem with extra members for the problem+json body. */
  public Problem withExtensions(JsonObject more) {
    return new Problem(kind, code, args.getMap(), field, extensions.copy().mergeIn(more));
  }

  public JsonObject extensions() {
    return extensions.copy();
  }

  /** The form a problem travels in over the event bus. */
  public JsonObject toJson() {
    JsonObject json = new JsonObject().put("kind", kind.name()).put("code", code).put("args", args);
    if (field != null) {
      json.put("field", field);
    }
    if (!extensions.isEmpty()) {
      json.put("extensions", extensions);
    }
    return json;
  }

  public static Problem fromJson(JsonObject json) {
    return new Problem(
        ProblemKind.valueOf(json.getString("kind")),
        json.getString("code"),
        json.getJsonObject("args", new JsonObject()).getMap(),
        json.getString("field"),
        json.getJsonObject("extensions", new JsonObject()));
  }
}
