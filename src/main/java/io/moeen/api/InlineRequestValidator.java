package io.moeen.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.ValidatableRequest;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.impl.RequestValidatorImpl;
import io.vertx.openapi.validation.impl.ValidatedRequestImpl;

import java.util.HashMap;
import java.util.Map;

/**
 * The contract's request validator, run where the request is unless its body is large.
 *
 * <p>vertx-openapi's validator sends every request to a worker, in order per event loop
 * ({@code executeBlocking} with {@code ordered} true): a thread hand-off there and back on every call of every
 * operation, and at 64 connections a queue behind one worker per event loop. Checking a handful of parameters
 * against their schemas costs microseconds, less than the hand-off (a profile of {@code GET /v1/slots} under
 * load, bench/README.md). Here parameters and a body up to {@link #INLINE_BODY_BYTES} are checked on the
 * calling thread; a larger body still goes to a worker, unordered, as a large document's schema check may take
 * milliseconds. The checks are the library's own ({@link #validateParameter}, {@link #validateBody}), in the
 * library's order, so the answers are the same.
 */
final class InlineRequestValidator extends RequestValidatorImpl {
  /** Bodies up to this size are checked on the event loop. */
  static final int INLINE_BODY_BYTES = 16 * 1024;

  InlineRequestValidator(Vertx vertx, OpenAPIContract contract) {
    super(vertx, contract);
  }

  @Override
  public Future<ValidatedRequest> validate(ValidatableRequest request, String operationId) {
    return getOperation(operationId).compose(operation -> {
      RequestParameter body = request.getBody();
      // the API hands bodies over as bytes (ContractBodies); anything else is checked on a worker, as a large body is
      if (body == null || body.isEmpty() || body.isBuffer() && body.getBuffer().length() <= INLINE_BODY_BYTES) {
        try {
          return Future.succeededFuture(check(operation, request));
        } catch (RuntimeException e) {
          return Future.failedFuture(e);
        }
      }
      return vertx.executeBlocking(() -> check(operation, request), false);
    });
  }

  private ValidatedRequest check(Operation operation, ValidatableRequest request) {
    Map<String, RequestParameter> cookies = new HashMap<>(request.getCookies().size());
    Map<String, RequestParameter> headers = new HashMap<>(request.getHeaders().size());
    Map<String, RequestParameter> path = new HashMap<>(request.getPathParameters().size());
    Map<String, RequestParameter> query = new HashMap<>(request.getQuery().size());
    for (Parameter param : operation.getParameters()) {
      switch (param.getIn()) {
        case COOKIE -> cookies.put(param.getName(), validateParameter(param, request.getCookies().get(param.getName())));
        case HEADER -> headers.put(param.getName(), validateParameter(param, request.getHeaders().get(param.getName())));
        case PATH -> path.put(param.getName(),
            validateParameter(param, request.getPathParameters().get(param.getName())));
        case QUERY -> query.put(param.getName(), validateParameter(param, request.getQuery().get(param.getName())));
        default -> {
        }
      }
    }
    return new ValidatedRequestImpl(cookies, headers, path, query, validateBody(operation.getRequestBody(), request));
  }
}
