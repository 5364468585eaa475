package io.moeen.chatbot.actions;

import io.moeen.common.bus.BusFailures;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/**
 * How the chatbot asks other verticles: contract operations get the same envelope the API
 * verticle builds (OperationForwarder), acting as the chatbot's service account; internal
 * addresses get plain JSON. A refusal comes back as the verticle's {@link Problem}.
 */
public final class BusCalls {
  /** The service account of changeset 021: created_by and the audit rows name it. */
  public static final UUID CHATBOT_USER = UUID.fromString("00000000-0000-4000-8000-0000000000cb");
  /**
   * What the chatbot may do: book, read, move and cancel appointments and find or create a patient
   * record by phone. The engine only ever passes the conversation's own patient and appointments.
   */
  public static final JsonObject PRINCIPAL = new JsonObject()
      .put("userId", CHATBOT_USER.toString())
      .put("roles", new JsonArray().add("chatbot"))
      .put("permissions", new JsonArray(List.of("appointments.read.any", "appointments.write.any", "patients.read.any")))
      .put("patientId", null)
      .put("family", new JsonArray());
  private static final DeliveryOptions DELIVERY = new DeliveryOptions().setSendTimeout(15_000);

  private final Vertx vertx;

  public BusCalls(Vertx vertx) {
    this.vertx = vertx;
  }

  /** A contract operation, as the chatbot (or anonymously for public reads with {@code asBot} false). */
  public Future<Object> operation(String address, String operationId, JsonObject params, Object body, boolean asBot,
                                  String locale, String requestId) {
    RequestEnvelope envelope = new RequestEnvelope(operationId, params, body, asBot ? PRINCIPAL.copy() : null, locale,
        requestId, new JsonObject().put("ip", null).put("userAgent", "moeen-chatbot"));
    return vertx.eventBus().<JsonObject>request(address, envelope.toJson(), DELIVERY)
        .map(message -> Reply.fromJson(message.body()).body())
        .recover(failure -> Future.failedFuture(problem(failure)));
  }

  public Future<JsonObject> internal(String address, JsonObject request) {
    return vertx.eventBus().<JsonObject>request(address, request, DELIVERY)
        .map(message -> message.body())
        .recover(failure -> Future.failedFuture(problem(failure)));
  }

  /** The callee's refusal; a callee that never answered is simply unavailable. */
  static Problem problem(Throwable failure) {
    return BusFailures.toProblem(failure, new Problem(ProblemKind.UNAVAILABLE, "unavailable"));
  }
}
