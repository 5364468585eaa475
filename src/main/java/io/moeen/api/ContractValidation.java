package io.moeen.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import io.vertx.ext.web.openapi.router.RequestExtractor;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatorException;

/**
 * The contract's request validation, as the router builder would do it, but placed by us on the
 * operation's route after {@link Authentication}: an anonymous caller learns nothing about a
 * secured operation's input rules, and a malformed body is judged only for callers let in.
 */
final class ContractValidation implements Handler<RoutingContext> {
  private final RequestValidator validator;
  private final RequestExtractor extractor;
  private final Operation operation;

  ContractValidation(RequestValidator validator, RequestExtractor extractor, Operation operation) {
    this.validator = validator;
    this.extractor = extractor;
    this.operation = operation;
  }

  @Override
  public void handle(RoutingContext ctx) {
    extractor.extractValidatableRequest(ctx, operation)
        .compose(request -> validator.validate(request, operation.getOperationId()))
        .onSuccess(validated -> {
          ctx.put(RouterBuilder.KEY_META_DATA_VALIDATED_REQUEST, validated);
          ctx.next();
        })
        .onFailure(e -> ctx.fail(e instanceof ValidatorException
            ? new HttpException(400, e.getMessage(), e) : e));
  }
}
