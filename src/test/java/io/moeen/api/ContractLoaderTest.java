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

    JsonObject responses = ContractLoader.problemsAsJson(contract).getJsonObject("paths").getJsonObject("/x")
        .getJsonObject("get").getJsonObject("responses");

    assertThat(responses.getJsonObject("200").getJsonObject("content").fieldNames()).containsExactly("text/plain");
    assertThat(responses.getJsonObject("default").getJsonObject("content").fieldNames())
        .containsExactly("application/json");
  }
}
