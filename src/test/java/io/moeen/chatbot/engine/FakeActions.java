package io.moeen.chatbot.engine;

import io.moeen.chatbot.language.ClinicCatalogue;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Stands in for the bus calls behind a flow's action nodes: each action answers what the test
 * scripted (the variables it sets, or an {@link ChatActions.ActionFailure}), and every call is
 * recorded with the scope the engine handed over. An unscripted action fails the turn loudly.
 */
final class FakeActions implements ChatActions {
  record Call(String action, JsonObject scope) {
  }

  private final Map<String, Function<JsonObject, Future<JsonObject>>> answers = new HashMap<>();
  final List<Call> calls = new ArrayList<>();
  private ClinicCatalogue clinic = ClinicCatalogue.empty();

  /** The clinic's services, doctors and branches every message is read against (none by default). */
  FakeActions clinic(ClinicCatalogue clinic) {
    this.clinic = clinic;
    return this;
  }

  @Override
  public Future<ClinicCatalogue> catalogue(String requestId) {
    return Future.succeededFuture(clinic);
  }

  FakeActions sets(String action, JsonObject variables) {
    answers.put(action, scope -> Future.succeededFuture(variables.copy()));
    return this;
  }

  FakeActions answers(String action, Function<JsonObject, JsonObject> variables) {
    answers.put(action, scope -> Future.succeededFuture(variables.apply(scope)));
    return this;
  }

  FakeActions refuses(String action, String code, JsonObject sets) {
    answers.put(action, scope -> Future.failedFuture(new ActionFailure(code, sets)));
    return this;
  }

  FakeActions breaks(String action) {
    answers.put(action, scope -> Future.failedFuture(new IllegalStateException("the bus is down")));
    return this;
  }

  @Override
  public Future<JsonObject> run(String action, Conversation conversation, JsonObject scope, String requestId) {
    calls.add(new Call(action, scope.copy()));
    Function<JsonObject, Future<JsonObject>> answer = answers.get(action);
    if (answer == null) {
      throw new AssertionError("The flow ran an action the test did not script: " + action);
    }
    return answer.apply(scope);
  }

  List<String> names() {
    return calls.stream().map(Call::action).toList();
  }

  Call last(String action) {
    return calls.stream().filter(c -> c.action().equals(action)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError(action + " was not called; calls: " + names()));
  }

  /** Options as the scheduling actions build them: {@code {id, title, description?, value}}. */
  static JsonArray options(String... idTitleValue) {
    JsonArray options = new JsonArray();
    for (int i = 0; i + 2 < idTitleValue.length; i += 3) {
      options.add(new JsonObject().put("id", idTitleValue[i]).put("title", idTitleValue[i + 1])
          .put("value", idTitleValue[i + 2]));
    }
    return options;
  }
}
