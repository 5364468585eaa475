package io.moeen.chatbot.engine;

import io.moeen.chatbot.language.ClinicCatalogue;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Carries out a flow's action nodes (see {@code FlowAction} for the catalogue). Succeeds with the
 * variables the action sets; fails with an {@link ActionFailure} the flow can route on
 * ({@code onError}), never with a stack trace for the contact.
 */
public interface ChatActions {
  Future<JsonObject> run(String action, Conversation conversation, JsonObject scope, String requestId);

  /**
   * The clinic's own services, doctors and branches, against which every typed message is read
   * (the same catalogue shape the intent model was trained and benched with). Read where it is
   * already kept in memory; none known (the default) means only the generic readers work.
   */
  default Future<ClinicCatalogue> catalogue(String requestId) {
    return Future.succeededFuture(ClinicCatalogue.empty());
  }

  /** An action that did not succeed: {@code code} goes into the variable errorCode, {@code sets} too. */
  final class ActionFailure extends RuntimeException {
    private final String code;
    private final JsonObject sets;

    public ActionFailure(String code, JsonObject sets) {
      super(code, null, false, false);
      this.code = code;
      this.sets = sets == null ? new JsonObject() : sets;
    }

    public String code() {
      return code;
    }

    public JsonObject sets() {
      return sets.copy();
    }
  }
}
