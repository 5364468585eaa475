package io.moeen.common.bus;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonObject;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Replies handed over in-process without a copy. The event bus's JSON codec copies a {@link JsonObject}
 * reply deeply on every local delivery (a week of slots is hundreds of objects: 7% of the slot search's CPU),
 * which protects a receiver that changes what it got. The API's operation forwarder only writes a reply out,
 * so it asks for the reply itself ({@link #ASK}, a delivery header); a {@link ServiceVerticle} then replies
 * through {@link Codec}, which passes the same object within the process and encodes it as JSON between
 * nodes. Every other requester still gets its own copy.
 */
public final class SharedReplies {
  /** The header a requester sets when it only reads the reply: {@code DeliveryOptions.addHeader(ASK, "1")}. */
  public static final String ASK = "x-moeen-share-reply";
  private static final Map<EventBus, Boolean> REGISTERED = Collections.synchronizedMap(new WeakHashMap<>());
  private static final DeliveryOptions REPLY = new DeliveryOptions().setCodecName(Codec.NAME);

  private SharedReplies() {
  }

  /** Registers the codec on {@code vertx}'s bus once (every node registers it: a reply may cross nodes). */
  public static void register(Vertx vertx) {
    REGISTERED.computeIfAbsent(vertx.eventBus(), bus -> {
      bus.registerCodec(new Codec());
      return Boolean.TRUE;
    });
  }

  static void reply(Vertx vertx, Message<JsonObject> message, JsonObject reply) {
    if (message.headers().contains(ASK)) {
      register(vertx);
      message.reply(reply, REPLY);
    } else {
      message.reply(reply);
    }
  }

  /** Local delivery: the object itself; across nodes: its JSON text, as the bus's own JSON codec sends it. */
  static final class Codec implements MessageCodec<JsonObject, JsonObject> {
    static final String NAME = "moeen-shared-json";

    @Override
    public void encodeToWire(Buffer buffer, JsonObject json) {
      Buffer encoded = json.toBuffer();
      buffer.appendInt(encoded.length());
      buffer.appendBuffer(encoded);
    }

    @Override
    public JsonObject decodeFromWire(int pos, Buffer buffer) {
      int length = buffer.getInt(pos);
      return new JsonObject(buffer.slice(pos + 4, pos + 4 + length));
    }

    @Override
    public JsonObject transform(JsonObject json) {
      return json;
    }

    @Override
    public String name() {
      return NAME;
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
