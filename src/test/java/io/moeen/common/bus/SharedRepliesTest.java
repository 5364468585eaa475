package io.moeen.common.bus;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** A reply is handed over without a copy only to a requester that asked for it, and crosses nodes as JSON. */
class SharedRepliesTest {
  static Vertx vertx;
  static final AtomicReference<JsonObject> ANSWERED = new AtomicReference<>();

  /** Answers a fresh object each time and remembers it, so the test can tell the same object from a copy. */
  static final class Answering extends ServiceVerticle {
    @Override
    public Future<?> start() {
      servePublic("test.shared.answer", request -> {
        JsonObject body = new JsonObject().put("items", new JsonArray().add(new JsonObject().put("n", 1)));
        ANSWERED.set(body);
        return Future.succeededFuture(Reply.of(body));
      });
      return registered();
    }
  }

  @BeforeAll
  static void start() {
    vertx = Vertx.vertx();
    vertx.deployVerticle(new Answering()).await();
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  private static Object bodyOf(Message<JsonObject> message) {
    return Reply.fromJson(message.body()).body();
  }

  private static JsonObject envelope() {
    return new RequestEnvelope("answer", new JsonObject(), null, null, "ar", "r1").toJson();
  }

  @Test
  void a_requester_that_only_reads_gets_the_reply_itself() {
    Message<JsonObject> shared = vertx.eventBus().<JsonObject>request("test.shared.answer", envelope(),
        new DeliveryOptions().addHeader(SharedReplies.ASK, "1")).await();
    assertThat(bodyOf(shared)).isSameAs(ANSWERED.get());
  }

  @Test
  void any_other_requester_gets_its_own_copy_as_before() {
    Message<JsonObject> copied = vertx.eventBus().<JsonObject>request("test.shared.answer", envelope()).await();
    assertThat(bodyOf(copied)).isNotSameAs(ANSWERED.get()).isEqualTo(ANSWERED.get());
  }

  @Test
  void between_nodes_the_reply_travels_as_its_json() {
    SharedReplies.Codec codec = new SharedReplies.Codec();
    JsonObject reply = new JsonObject().put("body", new JsonObject().put("name", "د. خالد").put("n", 3))
        .put("headers", new JsonObject().put("ETag", "\"x\""));
    Buffer wire = Buffer.buffer().appendString("prefix");
    codec.encodeToWire(wire, reply);
    assertThat(codec.decodeFromWire("prefix".length(), wire)).isEqualTo(reply).isNotSameAs(reply);
    assertThat(codec.transform(reply)).isSameAs(reply);
  }
}
