package io.moeen.api;

import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A reply's JSON is the same bytes whichever codec writes it. */
class ReplyEncodingTest {
  record Range(int from, int to) {
  }

  @Test
  void a_plain_tree_is_written_as_data_binding_writes_it() {
    JsonObject reply = new JsonObject()
        .put("from", "2026-12-06T00:00:00Z")
        .put("items", new JsonArray()
            .add(new JsonObject().put("doctorName", "د. خالد \"العتيبي\"\n").put("price", new BigDecimal("150.50"))
                .put("minutes", 30).put("big", 12345678901L).put("ratio", 0.25).put("free", true).put("none", null))
            .add(new JsonArray().add(1).add("٢").add(List.of("list", Map.of("map", 1)))))
        .put("at", Instant.parse("2026-12-06T09:15:00Z"))
        .put("nextCursor", null)
        .put("emoji", "👍 </script>");
    assertThat(OperationForwarder.encode(reply).toString()).isEqualTo(Json.encodeToBuffer(reply).toString());
    JsonArray array = new JsonArray().add("a").add(new JsonObject());
    assertThat(OperationForwarder.encode(array).toString()).isEqualTo(Json.encodeToBuffer(array).toString());
  }

  @Test
  void a_java_object_in_a_reply_falls_back_to_data_binding() {
    UUID id = UUID.fromString("00000000-0000-4000-c200-000000000004");
    JsonObject reply = new JsonObject().put("id", id).put("range", new Range(1, 2)).put("n", 1);
    assertThat(OperationForwarder.encode(reply).toString()).isEqualTo(Json.encodeToBuffer(reply).toString())
        .contains(id.toString()).contains("{\"from\":1,\"to\":2}");
  }
}
