package io.moeen.common.bus;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
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

  /**
   * Serve one operation at {@code address} for signed-in callers only: an envelope without a
   * principal is refused (401) before the handler sees it, whoever sent it. A second wall behind
   * the API's, so a router mistake cannot hand a secured operation an anonymous request.
   */
  protected final void serve(String address, Function<RequestEnvelope, Future<Reply>> handler) {
    consumers.add(vertx.eventBus().<JsonObject>consumer(address, message -> dispatch(address, message, handler, true)));
  }

  /**
   * Serve one operation for signed-in callers holding at least one of {@code anyOf}: the same
   * permissions the contract's {@code x-moeen-permissions} names, checked again here (403) so that
   * personal data never depends on the API alone.
   */
  protected final void serve(String address, List<String> anyOf, Function<RequestEnvelope, Future<Reply>> handler) {
    serve(address, request -> {
      JsonArray held = request.principal().getJsonArray("permissions", new JsonArray());
      return anyOf.stream().anyMatch(held::contains)
          ? handler.apply(request)
          : Future.failedFuture(new Problem(ProblemKind.FORBIDDEN, "forbidden"));
    });
  }

  /** The permissions an operation needs, any one of them: {@code serve(LIST, anyOf("x.read"), ...)}. */
  protected static List<String> anyOf(String... permissions) {
    return List.of(permissions);
  }

  /**
   * Serve an operation the contract marks public ({@code security: []}): anonymous callers reach
   * the handler, which may still use a principal when one is given.
   */
  protected final void servePublic(String address, Function<RequestEnvelope, Future<Reply>> handler) {
    consumers.add(vertx.eventBus().<JsonObject>consumer(address, message -> dispatch(address, message, handler, false)));
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

  private void dispatch(String address, Message<JsonObject> message, Function<RequestEnvelope, Future<Reply>> handler,
                        boolean secured) {
    RequestEnvelope request;
    try {
      request = RequestEnvelope.fromJson(message.body());
    } catch (RuntimeException e) {
      message.fail(PROBLEM_FAILURE, new Problem(ProblemKind.INTERNAL, "internal").toJson().encode());
      return;
    }
    if (secured && request.principal() == null) {
      message.fail(PROBLEM_FAILURE, new Problem(ProblemKind.UNAUTHENTICATED, "unauthenticated").toJson().encode());
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
        SharedReplies.reply(vertx, message, done.result().toJson());
      } else {
        message.fail(PROBLEM_FAILURE, asProblem(address, request, done.cause()).toJson().encode());
      }
    });
  }

  private static Problem asProblem(String address, RequestEnvelope request, Throwable cause) {
    if (cause instanceof Problem problem) {
      return problem;
    }
    if (io.moeen.common.errors.Unreachable.is(cause)) {
      // the database or Redis is down or restarting: 503, try again shortly (docs/cluster.md)
      try (var ignored = MDC.putCloseable("requestId", request.requestId())) {
        LOG.warn("Operation {} at {} found a backend unreachable: {}", request.operation(), address, cause.toString());
      }
      return new Problem(ProblemKind.UNAVAILABLE, "unavailable");
    }
    try (var ignored = MDC.putCloseable("requestId", request.requestId())) {
      LOG.error("Operation {} at {} failed unexpectedly", request.operation(), address, cause);
    }
    return new Problem(ProblemKind.INTERNAL, "internal");
  }
}
