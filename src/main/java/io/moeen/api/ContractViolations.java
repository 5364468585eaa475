package io.moeen.api;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what the OpenAPI validator reports into a problem naming the failing field and the
 * rule it broke. The validator's own English text never reaches a client.
 */
final class ContractViolations {
  // The validator names parameters only inside its message, e.g. "... the required query parameter from".
  private static final Pattern PARAMETER = Pattern.compile("(?:path|query|header|cookie) parameter (\\S+?)[.\\s]");
  private static final Pattern REQUIRED_PROPERTY = Pattern.compile("required property \"([^\"]+)\"");
  private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("[Pp]roperty \"([^\"]+)\"");
  // Keywords that only say "something below failed"; the error below names the rule.
  private static final Set<String> APPLICATORS = Set.of("properties", "patternProperties", "items", "prefixItems",
      "contains", "allOf", "anyOf", "oneOf", "not", "if", "then", "else", "dependentSchemas", "$ref", "$dynamicRef");
  private static final Set<String> UNKNOWN_KEYWORDS = Set.of("additionalProperties", "unevaluatedProperties");

  private ContractViolations() {
  }

  static Problem toProblem(ValidatorException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    if (e instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      OutputUnit unit = mostRelevant(schema.getOutputUnit());
      String parameter = parameterName(message);
      String field = parameter != null ? join(parameter, unit.getInstanceLocation()) : bodyField(unit);
      return validation(field.isEmpty() ? "body" : field, reason(unit));
    }
    String parameter = parameterName(message);
    if (parameter != null) {
      String reason = switch (e.type()) {
        case MISSING_REQUIRED_PARAMETER -> "validation.required";
        case INVALID_VALUE_FORMAT, UNSUPPORTED_VALUE_FORMAT, ILLEGAL_VALUE -> "validation.format";
        default -> "validation.invalid";
      };
      return validation(parameter, reason);
    }
    if (message.contains("does not contain the required body")) {
      return validation("body", "validation.required");
    }
    return validation("body", "validation.invalid");
  }

  private static Problem validation(String field, String reasonKey) {
    return new Problem(ProblemKind.INVALID_INPUT, "validation_failed",
        Map.of("field", field, "reasonKey", reasonKey), field);
  }

  private static OutputUnit mostRelevant(OutputUnit root) {
    List<OutputUnit> errors = root.getErrors();
    if (errors == null || errors.isEmpty()) {
      return root;
    }
    List<OutputUnit> specific = errors.stream().filter(unit -> !APPLICATORS.contains(keyword(unit))).toList();
    // The validator also reports a declared property that failed its own schema as an
    // "additional" one; such a report is noise when a real error sits at or under its location.
    List<OutputUnit> real = specific.stream().filter(unit -> !isEcho(unit, specific)).toList();
    // In the order the validator checked them, so a too-long value says "too long", not "pattern".
    return real.isEmpty() ? errors.get(errors.size() - 1) : real.get(0);
  }

  private static boolean isEcho(OutputUnit unit, List<OutputUnit> errors) {
    if (!UNKNOWN_KEYWORDS.contains(keyword(unit))) {
      return false;
    }
    String at = pointerToPath(unit.getInstanceLocation());
    return errors.stream()
        .filter(other -> !UNKNOWN_KEYWORDS.contains(keyword(other)))
        .map(other -> pointerToPath(other.getInstanceLocation()))
        .anyMatch(path -> at.isEmpty() || path.equals(at) || path.startsWith(at + "."));
  }

  private static String parameterName(String message) {
    // Only the validator's own sentence: the "Reason:" part can echo property names a client chose.
    int reason = message.indexOf(" Reason:");
    String own = reason < 0 ? message : message.substring(0, reason);
    Matcher m = PARAMETER.matcher(own + " ");
    return m.find() ? m.group(1) : null;
  }

  private static String bodyField(OutputUnit unit) {
    String location = pointerToPath(unit.getInstanceLocation());
    String error = unit.getError() == null ? "" : unit.getError();
    String keyword = keyword(unit);
    Matcher required = REQUIRED_PROPERTY.matcher(error);
    if ("required".equals(keyword) && required.find()) {
      return join(location, required.group(1));
    }
    Matcher unknown = UNKNOWN_PROPERTY.matcher(error);
    if (UNKNOWN_KEYWORDS.contains(keyword) && unknown.find()) {
      // Vert.x points at the unknown property itself; other validators point at its parent.
      String name = unknown.group(1);
      return location.equals(name) || location.endsWith("." + name) ? location : join(location, name);
    }
    return location;
  }

  private static String reason(OutputUnit unit) {
    return switch (keyword(unit)) {
      case "required", "dependentRequired" -> "validation.required";
      case "type" -> "validation.type";
      case "enum", "const" -> "validation.enum";
      case "format" -> "validation.format";
      case "maxLength", "maxItems", "maxProperties" -> "validation.too_long";
      case "minLength", "minItems", "minProperties" -> "validation.too_short";
      case "maximum", "exclusiveMaximum" -> "validation.too_large";
      case "minimum", "exclusiveMinimum" -> "validation.too_small";
      case "pattern" -> "validation.pattern";
      case "additionalProperties", "unevaluatedProperties", "propertyNames" -> "validation.unknown_field";
      default -> "validation.invalid";
    };
  }

  private static String keyword(OutputUnit unit) {
    String location = unit.getKeywordLocation();
    if (location == null || location.isEmpty()) {
      return "";
    }
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /** "#/patient/name" or "/patient/name" becomes "patient.name"; the root becomes "". */
  static String pointerToPath(String pointer) {
    if (pointer == null) {
      return "";
    }
    // In a URI fragment ("#/...") the pointer is percent-encoded: "#/first%20name".
    String p = pointer.startsWith("#") ? percentDecoded(pointer.substring(1)) : pointer;
    p = p.startsWith("/") ? p.substring(1) : p;
    return p.replace("/", ".").replace("~1", "/").replace("~0", "~");
  }

  private static String percentDecoded(String fragment) {
    try {
      return URLDecoder.decode(fragment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return fragment;
    }
  }

  private static String join(String parent, String child) {
    String c = pointerToPath(child);
    if (parent == null || parent.isEmpty()) {
      return c;
    }
    return c.isEmpty() ? parent : parent + "." + c;
  }
}
