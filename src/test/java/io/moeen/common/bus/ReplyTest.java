package io.moeen.common.bus;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyTest {

  private static final byte[] PDF = "%PDF-1.7\n\u00e2\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);

  @Test
  void bytesCrossTheLocalBusAsBytes() {
    Reply reply = Reply.of(PDF).withHeader("Content-Type", "application/pdf");
    Reply back = Reply.fromJson(reply.toJson().copy());
    assertThat(back.body()).isInstanceOf(byte[].class);
    assertThat((byte[]) back.body()).containsExactly(PDF);
    assertThat(back.headers()).containsEntry("Content-Type", "application/pdf");
  }

  @Test
  void bytesSurviveTheClusteredBusJsonCodec() {
    Reply reply = Reply.of(PDF).withHeader("Content-Type", "application/pdf");
    JsonObject overTheWire = new JsonObject(reply.toJson().encode());
    assertThat((byte[]) Reply.fromJson(overTheWire).body()).containsExactly(PDF);
  }

  @Test
  void textAndJsonBodiesAreLeftAsTheyWere() {
    assertThat(Reply.fromJson(new JsonObject(Reply.of("BEGIN:VCALENDAR").toJson().encode())).body())
        .isEqualTo("BEGIN:VCALENDAR");
    assertThat(Reply.fromJson(Reply.of(new JsonObject().put("a", 1)).toJson()).body())
        .isEqualTo(new JsonObject().put("a", 1));
  }
}
