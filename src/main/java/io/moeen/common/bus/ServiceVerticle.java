package io.moeen.common.bus;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Base of every domain verticle: it serves operations on event-bus addresses and turns what a
 * handler returns or throws into a reply or a typed failure. Domain verticles hold no HTTP code.
 */
public abstract class ServiceVerticle extends VerticleBase {
  /** The failure code on the bus for a {@link Problem}; its JSON form is the message. */
  public static final int PROBLEM_FAILURE = 4000;

  private static final Logger LOG = LoggerFactory.getLogger(ServiceVerticle.class);
  private final List<MessageConsumer<JsonObject>> consumers = new ArrayList<>();

  /** Serve one operation at {@code address}. */
  protected final void serve(String address, Function<RequestEnvelope, Future<Reply>> handler) {
    consumers.add(vertx.eventBus().<JsonObject>consumer(address, message -> dispatch(address, message, handler)));
  }

  /**
   * Serve an internal address (not in the contract, e.g. principal resolution): plain JSON in,
   * JSON (or null) out; any failure is logged and answered as an internal problem.
   */
  protected final void serveInternal(String address, Function<JsonObject, Future<JsonObject>> handler) {
    consumers.add(vertx.eventBus().<JsonObject>consumer(address, message -> {
      Future<JsonObject> result;
      try {
        result = handler.apply(message.body());
      } catch (RuntimeException e) {
        result = Future.failedFuture(e);
      }
      result.onSuccess(message::reply).onFailure(e -> {
        if (e instanceof Problem problem) {
          message.fail(PROBLEM_FAILURE, problem.toJson().encode());
        } else {
          LOG.error("Internal address {} failed", address, e);
          message.fail(PROBLEM_FAILURE, new Problem(ProblemKind.INTERNAL, "internal").toJson().encode());
        }
      });
    }));
  }

  /** Futures for every consumer's registration, for {@code start()} to wait on. */
  protected final Future<Void> registered() {
    return Future.all(consumers.stream().map(MessageConsumer::completion).toList()).mapEmpty();
  }

  private void dispatch(String address, Message<JsonObject> message, Function<RequestEnvelope, Future<Reply>> handler) {
    RequestEnvelope request;
    try {
      request = RequestEnvelope.fromJson(message.body());
    } catch (RuntimeException e) {
      message.fail(PROBLEM_FAILURE, new Problem(ProblemKind.INTERNAL, "internal").toJson().encode());
      return;
    }
    Future<Reply> result;
    try {
      result = handler.apply(request);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onComplete(done -> {
      if (done.succeeded()) {
        message.reply(done.result().toJson());
      } else {
        message.fail(PROBLEM_FAILURE, asProblem(address, request, done.cause()).toJson().encode());
      }
    });
  }

  private static Problem asProblem(String address, RequestEnvelope request, Throwable cause) {
    if (cause instanceof Problem problem) {
      return problem;
    }
    try (var ignored = MDC.putCloseable("requestId", request.requestId())) {
      LOG.error("Operation {} at {} failed unexpectedly", request.operation(), address, cause);
    }
    return new Problem(ProblemKind.INTERNAL, "internal");
  }
}
