package io.moeen.api;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.testing.RunningApp;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorErrorType;
import io.vertx.openapi.validation.ValidatorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract as the API verticle reads it: operations, addresses, validator reports, allowed methods. */
class ContractTest {

  @Nested
  class PointersToPaths {
    @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "'#/patient/name'       | patient.name",
        "/patient/name          | patient.name",
        "'#/items/0/code'       | items.0.code",
        "'#'                    | ''",
        "''                     | ''",
        "'#/a~1b/c~0d'          | a/b.c~d",
        "'#/first%20name'       | first name",
        "'#/%D8%A7%D8%B3%D9%85' | اسم",
        "'#/a+b'                | a+b"})
    void a_json_pointer_becomes_a_dotted_field_path(String pointer, String path) {
      assertThat(ContractViolations.pointerToPath(pointer)).isEqualTo(path);
    }

    @Test
    void no_pointer_is_the_root() {
      assertThat(ContractViolations.pointerToPath(null)).isEmpty();
    }
  }

  /** Reports shaped exactly like the ones Vert.x 5.0.10's validator gives for the conversion body. */
  @Nested
  class ValidatorReports {
    @Test
    void a_missing_property_is_named_with_required() {
      Problem problem = bodyProblem(unit("#/required", "#", "Instance does not have required property \"calendar\""));
      assertThat(problem.field()).isEqualTo("calendar");
      assertThat(problem.args().getString("reasonKey")).isEqualTo("validation.required");
    }

    @Test
    void a_missing_nested_property_is_named_by_its_dotted_path() {
      Problem problem = bodyProblem(unit("#/properties/patient/required", "#/patient",
          "Instance does not have required property \"name\""));
      assertThat(problem.field()).isEqualTo("patient.name");
    }

    @Test
    void a_declared_property_breaking_its_rule_is_not_reported_as_unknown() {
      Problem problem = bodyProblem(
          unit("#/properties", "#/calendar", "Property \"calendar\" does not match schema"),
          unit("#/properties/calendar/enum", "#/calendar", "Instance does not match any of [\"gregorian\",\"hijri\"]"),
          unit("#/additionalProperties", "#/calendar", "Property \"calendar\" does not match additional properties schema"));
      assertThat(problem.field()).isEqualTo("calendar");
      assertThat(problem.args().getString("reasonKey")).isEqualTo("validation.enum");
    }

    @Test
    void the_first_rule_checked_wins_so_a_long_value_is_too_long() {
      Problem problem = bodyProblem(
          unit("#/properties", "#/date", "Property \"date\" does not match schema"),
          unit("#/properties/date/maxLength", "#/date", "String is too long (14 > 10)"),
          unit("#/properties/date/pattern", "#/date", "String does not match pattern"),
          unit("#/additionalProperties", "#/date", "Property \"date\" does not match additional properties schema"));
      assertThat(problem.field()).isEqualTo("date");
      assertThat(problem.args().getString("reasonKey")).isEqualTo("validation.too_long");
    }

    @Test
    void a_nested_failure_is_not_hidden_by_the_echo_on_its_parent() {
      Problem problem = bodyProblem(
          unit("#/properties", "#/patient", "Property \"patient\" does not match schema"),
          unit("#/properties/patient/properties", "#/patient/age", "Property \"age\" does not match schema"),
          unit("#/properties/patient/properties/age/type", "#/patient/age", "Instance type string is invalid. Expected integer"),
          unit("#/additionalProperties", "#/patient", "Property \"patient\" does not match additional properties schema"));
      assertThat(problem.field()).isEqualTo("patient.age");
      assertThat(problem.args().getString("reasonKey")).isEqualTo("validation.type");
    }

    @Test
    void an_unknown_property_is_named_once() {
      Problem atProperty = bodyProblem(unit("#/additionalProperties", "#/extra",
          "Property \"extra\" does not match additional properties schema"));
      Problem atParent = bodyProblem(unit("#/additionalProperties", "#",
          "Property \"extra\" does not match additional properties schema"));
      assertThat(atProperty.field()).isEqualTo("extra");
      assertThat(atParent.field()).isEqualTo("extra");
      assertThat(atProperty.args().getString("reasonKey")).isEqualTo("validation.unknown_field");
    }

    @Test
    void a_property_name_that_looks_like_a_parameter_is_still_a_body_field() {
      Problem problem = ContractViolations.toProblem(new SchemaValidationException(
          "The value of the request body is invalid. Reason: Property \"header parameter x.\" does not match additional properties schema",
          ValidatorErrorType.INVALID_VALUE,
          report(unit("#/additionalProperties", "#/header%20parameter%20x.",
              "Property \"header parameter x.\" does not match additional properties schema")),
          null));
      assertThat(problem.field()).isEqualTo("header parameter x.");
    }

    @Test
    void a_parameter_breaking_its_schema_is_named_by_the_parameter() {
      Problem problem = ContractViolations.toProblem(new SchemaValidationException(
          "The value of path parameter locale is invalid. Reason: String does not match pattern",
          ValidatorErrorType.INVALID_VALUE, report(unit("#/pattern", "#", "String does not match pattern")), null));
      assertThat(problem.field()).isEqualTo("locale");
      assertThat(problem.args().getString("reasonKey")).isEqualTo("validation.pattern");
    }

    @Test
    void a_missing_required_parameter_is_named_as_required() {
      Problem problem = ContractViolations.toProblem(new ValidatorException(
          "The related request / response does not contain the required query parameter from",
          ValidatorErrorType.MISSING_REQUIRED_PARAMETER));
      assertThat(problem.field()).isEqualTo("from");
      assertThat(problem.args().getString("reasonKey")).isEqualTo("validation.required");
    }

    private Problem bodyProblem(OutputUnit... errors) {
      Problem problem = ContractViolations.toProblem(new SchemaValidationException(
          "The value of the request body is invalid. Reason: " + errors[errors.length - 1].getError(),
          ValidatorErrorType.INVALID_VALUE, report(errors), null));
      assertThat(problem.code()).isEqualTo("validation_failed");
      assertThat(problem.args().getString("field")).isEqualTo(problem.field());
      return problem;
    }

    private OutputUnit report(OutputUnit... errors) {
      return new OutputUnit(false).setErrors(new ArrayList<>(List.of(errors)));
    }

    private OutputUnit unit(String keywordLocation, String instanceLocation, String error) {
      return new OutputUnit(new JsonObject()
          .put("keywordLocation", keywordLocation)
          .put("instanceLocation", instanceLocation)
          .put("error", error)
          .put("errorType", "INVALID_VALUE"));
    }
  }

  @Nested
  class Operations {
    @Test
    void an_operation_is_read_with_its_method_path_address_and_success_status() {
      JsonObject contract = contract("/v1/things/{id}", "put",
          operation("putThing", "things.put").put("responses", responses("201", "default")));
      assertThat(ContractOperation.readAll(contract))
          .containsExactly(new ContractOperation("putThing", "PUT", "/v1/things/{id}", "things.put", 201));
    }

    @Test
    void path_level_parameters_are_not_operations() {
      JsonObject contract = contract("/v1/things/{id}", "get",
          operation("getThing", "things.get").put("responses", responses("200", "default")));
      contract.getJsonObject("paths").getJsonObject("/v1/things/{id}")
          .put("parameters", new JsonArray().add(new JsonObject().put("name", "id").put("in", "path")))
          .put("summary", "A thing");
      assertThat(ContractOperation.readAll(contract)).extracting(ContractOperation::operationId).containsExactly("getThing");
    }

    @Test
    void an_operation_without_an_address_is_a_contract_error() {
      JsonObject contract = contract("/v1/things", "get",
          new JsonObject().put("operationId", "listThings").put("responses", responses("200")));
      assertThatThrownBy(() -> ContractOperation.readAll(contract))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("listThings")
          .hasMessageContaining("x-moeen-address");
    }

    @Test
    void an_operation_with_a_blank_address_is_a_contract_error() {
      JsonObject contract = contract("/v1/things", "get", operation("listThings", " ").put("responses", responses("200")));
      assertThatThrownBy(() -> ContractOperation.readAll(contract)).hasMessageContaining("x-moeen-address");
    }

    @Test
    void an_operation_with_two_success_answers_is_a_contract_error() {
      JsonObject contract = contract("/v1/things", "post",
          operation("addThing", "things.add").put("responses", responses("200", "201", "default")));
      assertThatThrownBy(() -> ContractOperation.readAll(contract))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("addThing")
          .hasMessageContaining("exactly one 2xx");
    }

    @Test
    void an_operation_with_no_success_answer_is_a_contract_error() {
      JsonObject contract = contract("/v1/things", "delete",
          operation("dropThing", "things.drop").put("responses", responses("default")));
      assertThatThrownBy(() -> ContractOperation.readAll(contract)).hasMessageContaining("exactly one 2xx");
    }

    private JsonObject contract(String path, String method, JsonObject operation) {
      return new JsonObject().put("paths", new JsonObject().put(path, new JsonObject().put(method, operation)));
    }

    private JsonObject operation(String id, String address) {
      return new JsonObject().put("operationId", id).put(ContractOperation.ADDRESS_EXTENSION, address);
    }

    private JsonObject responses(String... codes) {
      JsonObject responses = new JsonObject();
      for (String code : codes) {
        responses.put(code, new JsonObject().put("description", code));
      }
      return responses;
    }
  }

  @Nested
  class AllowedMethodsForPaths {
    private final AllowedMethods allowed = new AllowedMethods();

    AllowedMethodsForPaths() {
      allowed.add("/v1/i18n/{locale}", "GET");
      allowed.add("/v1/things/{id}", "PUT");
      allowed.add("/v1/things/{id}", "DELETE");
      allowed.add("/docs/*", "GET");
    }

    @ParameterizedTest(name = "{0} -> \"{1}\"")
    @CsvSource(delimiter = '|', value = {
        "/v1/i18n/ar            | GET",
        "/v1/i18n/ar/           | ''",  // canonical paths only: a trailing slash is 404 before this is asked
        "/v1/things/42          | DELETE, PUT",
        "/v1/things/42/parts    | ''",
        "/docs                  | GET",
        "/docs/assets/ui.css    | GET",
        "/documents             | ''",
        "/v1/i18n               | ''"})
    void a_path_allows_the_methods_of_every_template_it_matches(String path, String methods) {
      assertThat(allowed.forPath(path)).isEqualTo(methods);
    }
  }

  /** The real openapi.yaml against the running service. */
  @Nested
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  class RealContract {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "options", "head", "trace");
    private RunningApp app;
    private JsonObject raw;

    @BeforeAll
    void start() {
      app = RunningApp.start("contract");
      raw = ContractLoader.load(app.application().vertx(), ApiVerticle.CONTRACT).await().raw();
    }

    @AfterAll
    void stop() {
      app.close();
    }

    @Test
    void every_operation_has_an_id_an_address_and_a_problem_default() {
      List<String> checked = new ArrayList<>();
      JsonObject paths = raw.getJsonObject("paths");
      for (String path : paths.fieldNames()) {
        JsonObject item = paths.getJsonObject(path);
        for (String method : item.fieldNames()) {
          if (!METHODS.contains(method)) {
            continue;
          }
          JsonObject operation = item.getJsonObject(method);
          String where = method.toUpperCase() + " " + path;
          assertThat(operation.getString("operationId")).as("operationId of %s", where).isNotBlank();
          assertThat(operation.getString(ContractOperation.ADDRESS_EXTENSION)).as("address of %s", where).isNotBlank();
          JsonObject fallback = operation.getJsonObject("responses").getJsonObject("default");
          assertThat(fallback).as("default response of %s", where).isNotNull();
          assertThat(fallback.getString("$ref")).as("default response of %s", where)
              .isEqualTo("#/components/responses/Problem");
          checked.add(where);
        }
      }
      assertThat(checked).hasSameSizeAs(ContractOperation.readAll(raw)).isNotEmpty();
    }

    @Test
    void the_shared_problem_response_is_problem_json() {
      JsonObject problem = raw.getJsonObject("components").getJsonObject("responses").getJsonObject("Problem");
      assertThat(problem.getJsonObject("content").fieldNames()).containsExactly("application/problem+json");
    }

    @Test
    void operation_ids_are_unique() {
      List<String> ids = ContractOperation.readAll(raw).stream().map(ContractOperation::operationId).toList();
      assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void every_address_has_a_consumer_in_the_running_service() {
      for (ContractOperation operation : ContractOperation.readAll(raw)) {
        RequestEnvelope bogus = new RequestEnvelope("noSuchOperation", new JsonObject(), null, null, "en", "contract-test");
        Throwable failure = app.application().vertx().eventBus()
            .request(operation.address(), bogus.toJson(), new DeliveryOptions().setSendTimeout(5_000))
            .map(reply -> (Throwable) null)
            .otherwise(e -> e)
            .await();
        if (failure != null) {
          assertThat(failure).as("%s at %s", operation.operationId(), operation.address()).isInstanceOf(ReplyException.class);
          assertThat(((ReplyException) failure).failureType()).as("%s at %s", operation.operationId(), operation.address())
              .isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
        }
      }
    }

    @Test
    void every_operation_is_routed_rather_than_404() {
      for (ContractOperation operation : ContractOperation.readAll(raw)) {
        String path = operation.path().replaceAll("\\{[^}]+}", "ar");
        var response = app.send(app.client().request(io.vertx.core.http.HttpMethod.valueOf(operation.method()), path),
            "en", "application/json", operation.method().equals("GET") ? null : "{}");
        assertThat(response.statusCode()).as("%s %s", operation.method(), path).isNotIn(404, 405, 500);
      }
    }

    @Test
    void the_contract_is_served_unchanged() {
      var response = app.get("/openapi.yaml", null);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsString()).contains("application/problem+json", "x-moeen-address");
    }
  }
}
