package io.moeen.chatbot;

import io.moeen.chatbot.language.ChatUnderstanding;
import io.moeen.chatbot.language.IntentMatcher;
import io.moeen.chatbot.actions.BusCalls;
import io.moeen.chatbot.actions.ChatTexts;
import io.moeen.chatbot.actions.ReceptionActions;
import io.moeen.chatbot.channels.web.WebChat;
import io.moeen.chatbot.channels.whatsapp.WhatsAppChat;
import io.moeen.chatbot.engine.ChatEngine;
import io.moeen.chatbot.flow.FlowValidator;
import io.moeen.chatbot.flow.FlowVersions;
import io.moeen.chatbot.handoff.StaffDesk;
import io.moeen.common.i18n.Messages;
import io.moeen.common.kv.KeyValueStore;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.notifications.NotificationsAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;

/**
 * The chatbot: web sessions, staff handoff desk, flow versions, and WhatsApp inbound messages.
 * At start it publishes the default "receptionist" flow (a packaged resource) if that key has no
 * version yet, after checking it with the validator.
 */
public final class ChatbotVerticle extends ServiceVerticle {
  public static final String FLOW_KEY = "receptionist";
  private static final Logger LOG = LoggerFactory.getLogger(ChatbotVerticle.class);
  public static final String DEFAULT_FLOW = "io/moeen/chatbot/receptionist-flow.json";

  private final Pool pool;
  private final KeyValueStore limits;
  private final Messages messages;
  private final ZoneId zone;
  private final Clock clock;

  public ChatbotVerticle(Pool pool, KeyValueStore limits, Messages messages, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.limits = limits;
    this.messages = messages;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    ConversationStore store = new ConversationStore(pool, vertx);
    ChatTexts texts = new ChatTexts(messages, zone);
    BusCalls bus = new BusCalls(vertx);
    ChatEngine engine = new ChatEngine(new ReceptionActions(vertx, pool, ConversationStore.SQL, texts, zone, clock),
        messages, zone, clock);
    ChatTurns turns = new ChatTurns(store, engine, bus, texts);
    WebChat web = new WebChat(new ChatChannels(store, turns, FLOW_KEY), limits);
    servePublic(ChatbotAddresses.SESSIONS_CREATE, web::open);
    servePublic(ChatbotAddresses.SESSION_MESSAGES_SEND, web::send);
    servePublic(ChatbotAddresses.SESSION_MESSAGES_LIST, web::history);
    WhatsAppChat whatsapp = new WhatsAppChat(vertx, pool, store, turns, FLOW_KEY);
    // inbound messages of every channel arrive channel-neutral from notifications; the chatbot answers WhatsApp
    vertx.eventBus().<JsonObject>consumer(NotificationsAddresses.INBOUND_RECEIVED, message -> inbound(whatsapp, message.body())
        .onComplete(done -> message.reply(done.succeeded() ? done.result() : null)));
    StaffDesk desk = new StaffDesk(vertx, pool, ConversationStore.SQL);
    serve(ChatbotAddresses.HANDOFFS_LIST, desk::queue);
    serve(ChatbotAddresses.HANDOFFS_STREAM, desk::live);
    serve(ChatbotAddresses.CONVERSATIONS_GET_TRANSCRIPT, desk::transcript);
    serve(ChatbotAddresses.CONVERSATIONS_REPLY, desk::reply);
    serve(ChatbotAddresses.CONVERSATIONS_RELEASE, desk::release);
    FlowVersions flows = new FlowVersions(pool, messages);
    serve(ChatbotAddresses.FLOWS_LIST, flows::list);
    serve(ChatbotAddresses.FLOWS_CREATE, flows::create);
    serve(ChatbotAddresses.FLOWS_GET, flows::get);
    serve(ChatbotAddresses.FLOWS_UPDATE, flows::update);
    serve(ChatbotAddresses.FLOWS_VALIDATE, flows::validate);
    serve(ChatbotAddresses.FLOWS_PUBLISH, flows::publish);
    JsonObject flow = defaultFlow();
    return store.verify()
        .compose(v -> flows.verify())
        .compose(v -> store.seed(FLOW_KEY, flow))
        // the intent lexicon loads and the intent model trains on first use (seconds cold): pay that on a
        // worker at start, never in a turn on an event loop
        .compose(v -> vertx.executeBlocking(() -> {
          IntentMatcher.match("warm up");
          ChatUnderstanding.warm();
          return null;
        }))
        .compose(v -> registered());
  }

  /** The packaged default flow; a start with a flow the validator refuses fails loudly. */
  static JsonObject defaultFlow() {
    try (InputStream in = ChatbotVerticle.class.getClassLoader().getResourceAsStream(DEFAULT_FLOW)) {
      JsonObject flow = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      var problems = new FlowValidator().validate(flow);
      if (!problems.isEmpty()) {
        throw new IllegalStateException("The default chatbot flow is invalid: " + problems);
      }
      return flow;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + DEFAULT_FLOW, e);
    }
  }

  private static Future<JsonObject> inbound(WhatsAppChat whatsapp, JsonObject message) {
    if (WhatsAppChat.CHANNEL.equals(message.getString("channel"))) {
      return whatsapp.inbound(message);
    }
    LOG.warn("An inbound message on channel {} has no chat to answer it", message.getString("channel"));
    return Future.succeededFuture(new JsonObject().put("replies", 0));
  }
}
