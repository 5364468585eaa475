package io.moeen.api;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The router's copy of the contract: media types the Vert.x model refuses become ones it accepts. */
class ContractLoaderTest {
  @Test
  void problem_json_reads_as_json_and_text_calendar_as_plain_text() {
    JsonObject contract = new JsonObject().put("paths", new JsonObject().put("/x", new JsonObject().put("get",
        new JsonObject().put("responses", new JsonObject()
            .put("200", new JsonObject().put("content", new JsonObject().put("text/calendar", new JsonObject())))
            .put("default", new JsonObject().put("content",
                new JsonObject().put("application/problem+json", new JsonObject())))))));

    JsonObject responses = ContractLoader.routerMediaTypes(contract).getJsonObject("paths").getJsonObject("/x")
        .getJsonObject("get").getJsonObject("responses");

    assertThat(responses.getJsonObject("200").getJsonObject("content").fieldNames()).containsExactly("text/plain");
    assertThat(responses.getJsonObject("default").getJsonObject("content").fieldNames())
        .containsExactly("application/json");
  }

  @Test
  void every_other_type_maps_by_its_kind_and_a_property_named_content_is_left_alone() {
    assertThat(ContractLoader.routerType("application/fhir+json")).isEqualTo("application/json");
    assertThat(ContractLoader.routerType("text/csv")).isEqualTo("text/plain");
    assertThat(ContractLoader.routerType("image/svg+xml")).isEqualTo("text/plain");
    assertThat(ContractLoader.routerType("application/xml")).isEqualTo("text/plain");
    assertThat(ContractLoader.routerType("application/pdf")).isEqualTo("application/octet-stream");
    assertThat(ContractLoader.routerType("image/png")).isEqualTo("application/octet-stream");
    assertThat(ContractLoader.routerType("application/dicom")).isEqualTo("application/octet-stream");
    assertThat(ContractLoader.routerType("multipart/form-data")).isNull();
    assertThat(ContractLoader.routerType("application/json")).isNull();
    // a schema property called "content" holds schema keywords, not media types
    assertThat(ContractLoader.routerType("maxLength")).isNull();
  }
}
