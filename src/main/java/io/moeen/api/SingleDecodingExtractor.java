package io.moeen.api;

import io.moeen.common.errors.Problem;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.common.dsl.SchemaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads parameters for the contract validator, decoding each exactly once. Vert.x's own
 * extractor URL-decodes query values that {@code request.params()} already decoded, and header
 * values that were never encoded, so {@code ?phone=%2B966…} arrived as " 966…" and a literal
 * {@code %} failed the request with a 500. Path values are decoded once from the raw path.
 * Operations with cookie, array or object parameters fall back to Vert.x's extractor.
 */
final class SingleDecodingExtractor {
  private static final RequestParameter EMPTY = new RequestParameterImpl(null);

  private SingleDecodingExtractor() {
  }

  static Future<ValidatableRequest> extract(RoutingContext ctx, Operation operation, Buffer body) {
    HttpServerRequest request = ctx.request();
    if (!simple(operation)) {
      try {
        return RequestUtils.extract(request, operation, () -> Future.succeededFuture(body));
      } catch (RuntimeException e) {
        return Future.failedFuture(e);
      }
    }
    Map<String, RequestParameter> headers = new HashMap<>();
    Map<String, RequestParameter> path = new HashMap<>();
    Map<String, RequestParameter> query = new HashMap<>();
    for (Parameter parameter : operation.getParameters()) {
      switch (parameter.getIn()) {
        case HEADER -> headers.put(parameter.getName(), value(request.getHeader(parameter.getName())));
        case QUERY -> query.put(parameter.getName(), value(ctx.queryParams().get(parameter.getName())));
        case PATH -> {
          String raw = pathSegment(request.path(), operation.getAbsoluteOpenAPIPath(), parameter.getName());
          try {
            path.put(parameter.getName(), value(raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8)));
          } catch (IllegalArgumentException e) {
            return Future.failedFuture(Problem.invalid("validation_failed", parameter.getName(),
                Map.of("field", parameter.getName(), "reasonKey", "validation.format")));
          }
        }
        default -> {
          // cookies never reach here: simple() sent such operations to Vert.x's extractor
        }
      }
    }
    RequestParameter bodyParameter = operation.getRequestBody() == null ? null : new RequestParameterImpl(body);
    return Future.succeededFuture(new ValidatableRequestImpl(Map.of(), headers, path, query, bodyParameter,
        operation.getRequestBody() == null ? null : validatorContentType(request.getHeader(HttpHeaders.CONTENT_TYPE))));
  }

  /** text/csv is validated as the text/plain the contract loader turned it into. */
  private static String validatorContentType(String contentType) {
    return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(ContractLoader.CSV)
        ? "text/plain" + contentType.substring(ContractLoader.CSV.length()) : contentType;
  }

  private static boolean simple(Operation operation) {
    for (Parameter parameter : operation.getParameters()) {
      SchemaType type = parameter.getSchemaType();
      if (parameter.getIn() == io.vertx.openapi.contract.Location.COOKIE
          || type == SchemaType.ARRAY || type == SchemaType.OBJECT) {
        return false;
      }
    }
    return true;
  }

  private static RequestParameter value(String value) {
    return value == null ? EMPTY : new RequestParameterImpl(value);
  }

  private static String pathSegment(String path, String template, String name) {
    List<String> templateSegments = List.of(template.substring(1).split("/"));
    String[] segments = path.substring(1).split("/");
    int index = templateSegments.indexOf("{" + name + "}");
    return index >= 0 && index < segments.length ? segments[index] : null;
  }
}
