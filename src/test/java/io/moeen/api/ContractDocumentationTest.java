package io.moeen.api;

import io.moeen.testing.ContractDocument;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** What readers of the contract (people, linters, generators) rely on beyond what the router checks. */
class ContractDocumentationTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "head", "trace");
  static JsonObject contract;

  @BeforeAll
  static void read() {
    contract = ContractDocument.merged();
  }

  @Test
  void every_tag_in_use_is_declared_with_an_arabic_and_english_description() {
    Set<String> used = new TreeSet<>();
    forEachOperation((where, op) -> op.getJsonArray("tags", new JsonArray()).forEach(tag -> used.add((String) tag)));
    Set<String> declared = new TreeSet<>();
    contract.getJsonArray("tags").forEach(item -> {
      JsonObject tag = (JsonObject) item;
      declared.add(tag.getString("name"));
      assertThat(tag.getString("description")).as(tag.getString("name"))
          .containsPattern("\\p{IsArabic}").containsPattern("[A-Za-z]{3}");
    });
    assertThat(declared).containsAll(used);
  }

  @Test
  void every_operation_documents_the_client_errors_it_can_answer() {
    boolean securedByDefault = !contract.getJsonArray("security", new JsonArray()).isEmpty();
    forEachOperation((where, op) -> {
      JsonObject responses = op.getJsonObject("responses");
      assertThat(ref(responses, "400")).as(where).isEqualTo("#/components/responses/BadRequest");
      if (op.containsKey("security") ? !op.getJsonArray("security").isEmpty() : securedByDefault) {
        assertThat(ref(responses, "401")).as(where).isEqualTo("#/components/responses/Unauthorized");
        assertThat(ref(responses, "403")).as(where).isEqualTo("#/components/responses/Forbidden");
      }
      if (where.contains("{")) {
        assertThat(ref(responses, "404")).as(where).isEqualTo("#/components/responses/NotFound");
      }
      if (op.containsKey("requestBody")) {
        assertThat(ref(responses, "413")).as(where).isEqualTo("#/components/responses/PayloadTooLarge");
        assertThat(ref(responses, "415")).as(where).isEqualTo("#/components/responses/UnsupportedMediaType");
      }
    });
  }

  @Test
  void the_shared_errors_are_problem_json_with_a_status_the_service_answers() {
    Set<Integer> answered = new TreeSet<>();
    for (io.moeen.common.errors.ProblemKind kind : io.moeen.common.errors.ProblemKind.values()) {
      answered.add(ProblemResponses.status(kind));
    }
    JsonObject responses = contract.getJsonObject("components").getJsonObject("responses");
    for (String name : responses.fieldNames()) {
      JsonObject media = responses.getJsonObject(name).getJsonObject("content").getJsonObject("application/problem+json");
      assertThat(media.getJsonObject("schema").getString("$ref")).as(name).isEqualTo("#/components/schemas/Problem");
      if (media.containsKey("example")) {
        assertThat(answered).as(name).contains(media.getJsonObject("example").getInteger("status"));
      }
    }
  }

  private static String ref(JsonObject responses, String status) {
    JsonObject response = responses.getJsonObject(status);
    return response == null ? null : response.getString("$ref");
  }

  private static void forEachOperation(java.util.function.BiConsumer<String, JsonObject> action) {
    JsonObject paths = contract.getJsonObject("paths");
    for (String path : paths.fieldNames()) {
      JsonObject item = paths.getJsonObject(path);
      for (String method : item.fieldNames()) {
        if (METHODS.contains(method)) {
          action.accept(method.toUpperCase() + " " + path, item.getJsonObject(method));
        }
      }
    }
  }
}
