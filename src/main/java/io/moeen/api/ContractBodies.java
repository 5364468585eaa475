package io.moeen.api;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.RequestBody;
import io.vertx.openapi.validation.ValidatableRequest;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a request's body for the contract validator, after two checks the validator words
 * poorly: a media type the operation does not take is 415, and JSON that does not parse is 400
 * {@code malformed_json}.
 */
final class ContractBodies implements RequestExtractor {
  // The bundles' detail of unsupported_media_type selects on this value to say "you sent none".
  static final String NO_CONTENT_TYPE = "none";

  @Override
  public Future<ValidatableRequest> extractValidatableRequest(RoutingContext ctx, Operation operation) {
    Buffer body = ctx.body().buffer();
    RequestBody declared = operation.getRequestBody();
    String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
    // a form or multipart body leaves no buffer behind the body handler: judge it by its declared type
    if (declared != null && ((body != null && body.length() > 0) || isForm(contentType))) {
      Set<String> accepted = declared.getContent().keySet();
      String mediaType = ContractLoader.CSV.equals(mediaType(contentType)) ? "text/plain" : mediaType(contentType);
      if (mediaType == null || accepted.stream().noneMatch(a -> a.equalsIgnoreCase(mediaType))) {
        return Future.failedFuture(new Problem(ProblemKind.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
            Map.of("contentType", mediaType == null ? NO_CONTENT_TYPE : contentType, "supported", String.join(", ", accepted))));
      }
      if (mediaType.endsWith("json") && body != null) {
        try {
          Json.decodeValue(body);
        } catch (DecodeException e) {
          return Future.failedFuture(new Problem(ProblemKind.INVALID_INPUT, "malformed_json"));
        }
      }
    }
    return SingleDecodingExtractor.extract(ctx, operation, body);
  }

  private static boolean isForm(String contentType) {
    String type = mediaType(contentType);
    return "multipart/form-data".equals(type) || "application/x-www-form-urlencoded".equals(type);
  }

  private static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
  }
}
