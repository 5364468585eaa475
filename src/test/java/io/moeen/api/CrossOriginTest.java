package io.moeen.api;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrossOriginTest {
  @Test
  void exactly_the_chat_widgets_public_operations_are_open_to_other_websites() {
    Vertx vertx = Vertx.vertx();
    try {
      JsonObject contract = ContractParts.merged(vertx, ApiVerticle.CONTRACT).await();
      // opening another operation to every website is a decision: it changes this list on purpose
      assertThat(CrossOrigin.operations(ContractOperation.readAll(contract)))
          .extracting(ContractOperation::operationId)
          .containsExactlyInAnyOrder("getPublicSettings", "getClientBundle", "createChatSession", "sendChatMessage",
              "listChatMessages");
    } finally {
      vertx.close().await();
    }
  }

  @Test
  void a_secured_operation_marked_cross_origin_stops_the_start() {
    ContractOperation open = new ContractOperation("a", "GET", "/v1/a", "x.a.get", 200, false, List.of(), null,
        false, false, true);
    ContractOperation secured = new ContractOperation("b", "GET", "/v1/b", "x.b.get", 200, true, List.of("p"), null,
        false, false, true);
    assertThat(CrossOrigin.operations(List.of(open))).containsExactly(open);
    assertThatThrownBy(() -> CrossOrigin.operations(List.of(open, secured)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("b is secured");
  }
}
