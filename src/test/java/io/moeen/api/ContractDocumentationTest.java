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
