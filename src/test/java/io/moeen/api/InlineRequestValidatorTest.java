package io.moeen.api;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.ValidatedRequest;
import io.vertx.openapi.validation.ValidatorException;
import io.vertx.openapi.validation.impl.RequestParameterImpl;
import io.vertx.openapi.validation.impl.ValidatableRequestImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The validator checks on the calling thread what the library's checks on a worker, with the same answers. */
class InlineRequestValidatorTest {
  private static Vertx vertx;
  private static OpenAPIContract contract;
  private static RequestValidator inline;
  private static RequestValidator library;

  @BeforeAll
  static void contract() {
    vertx = Vertx.vertx();
    JsonObject limit = new JsonObject().put("name", "limit").put("in", "query")
        .put("schema", new JsonObject().put("type", "integer").put("minimum", 1).put("maximum", 100));
    JsonObject note = new JsonObject().put("type", "object").put("required", new JsonArray().add("text"))
        .put("additionalProperties", false)
        .put("properties", new JsonObject().put("text", new JsonObject().put("type", "string").put("maxLength", 40_000)));
    JsonObject document = new JsonObject().put("openapi", "3.1.0")
        .put("info", new JsonObject().put("title", "t").put("version", "1"))
        .put("paths", new JsonObject()
            .put("/items", new JsonObject().put("get", new JsonObject().put("operationId", "listItems")
                .put("parameters", new JsonArray().add(limit))
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "ok")))))
            .put("/notes", new JsonObject().put("post", new JsonObject().put("operationId", "addNote")
                .put("requestBody", new JsonObject().put("required", true).put("content", new JsonObject()
                    .put("application/json", new JsonObject().put("schema", note))))
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "ok"))))));
    contract = OpenAPIContract.from(vertx, document).await();
    inline = new InlineRequestValidator(vertx, contract);
    library = RequestValidator.create(vertx, contract);
  }

  @AfterAll
  static void close() {
    vertx.close().await();
  }

  private static ValidatableRequestImpl query(String limit) {
    Map<String, RequestParameter> query = limit == null ? Map.of() : Map.of("limit", new RequestParameterImpl(limit));
    return new ValidatableRequestImpl(Map.of(), Map.of(), Map.of(), query);
  }

  private static ValidatableRequestImpl note(Object text) {
    Buffer body = new JsonObject().put("text", text).toBuffer();
    return new ValidatableRequestImpl(Map.of(), Map.of(), Map.of(), Map.of(), new RequestParameterImpl(body),
        "application/json");
  }

  @Test
  void parameters_are_checked_on_the_calling_thread_with_the_library_answers() {
    Future<ValidatedRequest> valid = inline.validate(query("20"), "listItems");
    assertThat(valid.isComplete()).as("answered without a hand-off").isTrue();
    assertThat(valid.result().getQuery().get("limit").getInteger())
        .isEqualTo(library.validate(query("20"), "listItems").await().getQuery().get("limit").getInteger())
        .isEqualTo(20);
    assertThat(inline.validate(query(null), "listItems").result().getQuery().get("limit").isNull()).isTrue();

    for (String bad : new String[] {"0", "101", "ten", "2.5"}) {
      Future<ValidatedRequest> refused = inline.validate(query(bad), "listItems");
      assertThat(refused.isComplete()).isTrue();
      assertThat(refused.failed()).as(bad).isTrue();
      assertThat(refused.cause()).isInstanceOf(ValidatorException.class)
          .hasMessage(message(library.validate(query(bad), "listItems")));
    }
  }

  @Test
  void a_small_body_is_checked_inline_and_a_large_one_on_a_worker_with_the_same_answers() {
    Future<ValidatedRequest> small = inline.validate(note("hello"), "addNote");
    assertThat(small.isComplete()).isTrue();
    assertThat(small.result().getBody().getJsonObject().getString("text")).isEqualTo("hello");

    String large = "ن".repeat(InlineRequestValidator.INLINE_BODY_BYTES); // two bytes each in UTF-8
    assertThat(inline.validate(note(large), "addNote").await().getBody().getJsonObject().getString("text"))
        .isEqualTo(large);

    String tooLong = "x".repeat(40_001);
    assertThat(message(inline.validate(note(tooLong), "addNote")))
        .isEqualTo(message(library.validate(note(tooLong), "addNote")));
    assertThat(message(inline.validate(note(42), "addNote")))
        .isEqualTo(message(library.validate(note(42), "addNote")))
        .isNotEmpty();
  }

  @Test
  void an_unknown_operation_fails_as_the_library_fails() {
    assertThat(message(inline.validate(query("1"), "nope"))).isEqualTo(message(library.validate(query("1"), "nope")));
  }

  private static String message(Future<ValidatedRequest> future) {
    try {
      future.await();
    } catch (Exception e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a refusal");
  }
}
