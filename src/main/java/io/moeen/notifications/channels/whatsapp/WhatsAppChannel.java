package io.moeen.notifications.channels.whatsapp;

import io.moeen.common.config.AppConfig;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.notifications.NotificationRenderer;
import io.moeen.notifications.dispatch.Channel;
import io.moeen.notifications.dispatch.Delivery;
import io.moeen.notifications.dispatch.DeliveryFailure;
import io.moeen.notifications.dispatch.OutboundMessage;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The WhatsApp Cloud API: {@code POST {base}/{phone-number-id}/messages} with a bearer token.
 * Inside the 24-hour window since the contact last wrote, the rendered text goes as free text (or
 * as reply buttons / a list when the payload has them); outside it only the event's approved
 * template may go, and a free-form reply with no template fails at once.
 */
public final class WhatsAppChannel implements Channel {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/notifications/whatsapp.sql");
  static final Duration WINDOW = Duration.ofHours(24);
  // Cloud API error codes that are throttling or a passing fault (or a token to renew), even in a 4xx
  private static final Set<Integer> RETRYABLE_CODES = Set.of(1, 2, 4, 190, 80007, 130429, 131000, 131016,
      131048, 131056, 133004);

  private final WebClient client;
  private final String messagesUrl;
  private final String authorization;
  private final Pool pool;
  private final WhatsAppTemplates templates;
  private final ZoneId zone;
  private final DigitStyle digits;
  private final Clock clock;
  private final Duration timeout;

  WhatsAppChannel(WebClient client, AppConfig.WhatsApp config, Pool pool, WhatsAppTemplates templates, ZoneId zone,
                  DigitStyle digits, Clock clock, Duration timeout) {
    this.client = client;
    this.messagesUrl = config.apiUrl().orElseThrow() + "/" + config.phoneNumberId().orElseThrow() + "/messages";
    this.authorization = "Bearer " + config.token().orElseThrow();
    this.pool = pool;
    this.templates = templates;
    this.zone = zone;
    this.digits = digits;
    this.clock = clock;
    this.timeout = timeout;
  }

  /** Loads the approved templates, then answers the channel; {@code config} must be able to send. */
  public static Future<WhatsAppChannel> create(WebClient client, AppConfig.WhatsApp config, Pool pool,
                                               SupportedLocale defaultLocale, ZoneId zone, DigitStyle digits,
                                               Clock clock, Duration timeout) {
    return SQL.verify(pool)
        .compose(v -> pool.query(SQL.get("whatsapp_templates")).execute())
        .map(rows -> new WhatsAppChannel(client, config, pool, new WhatsAppTemplates(rows, defaultLocale), zone,
            digits, clock, timeout));
  }

  @Override
  public String name() {
    return "whatsapp";
  }

  @Override
  public Future<Delivery> send(OutboundMessage message) {
    if (message.phone() == null) {
      return Future.failedFuture(DeliveryFailure.permanent("no phone number for this recipient"));
    }
    String to = message.phone().startsWith("+") ? message.phone().substring(1) : message.phone();
    return windowOpen(message.phone())
        .compose(open -> open ? Future.succeededFuture(freeForm(to, message)) : template(to, message))
        .compose(this::post);
  }

  private Future<Boolean> windowOpen(String phone) {
    return pool.preparedQuery(SQL.get("last_inbound")).execute(Tuple.of(phone)).map(rows -> {
      if (rows.size() == 0) {
        return false;
      }
      OffsetDateTime last = rows.iterator().next().getOffsetDateTime("last_inbound_at");
      return last != null && last.toInstant().isAfter(clock.instant().minus(WINDOW));
    });
  }

  private static JsonObject freeForm(String to, OutboundMessage message) {
    return CloudApiMessages.interactive(to, message.body(), message.payload())
        .orElseGet(() -> CloudApiMessages.text(to, message.body()));
  }

  private Future<JsonObject> template(String to, OutboundMessage message) {
    var template = templates.find(message.eventType(), message.locale());
    if (template.isEmpty()) {
      return Future.failedFuture(DeliveryFailure.permanent("outside the 24-hour WhatsApp window and no approved "
          + "template for " + message.eventType() + ": a free-form reply can only go while the contact's last "
          + "message is under 24 hours old"));
    }
    SupportedLocale locale = SupportedLocale.fromTag(template.get().locale()).orElse(SupportedLocale.AR);
    List<String> values = template.get().parameters().stream()
        .map(key -> NotificationRenderer.formatValue(message.payload(), key, locale, zone, digits))
        .toList();
    return Future.succeededFuture(CloudApiMessages.template(to, template.get().name(), template.get().language(),
        values));
  }

  private Future<Delivery> post(JsonObject body) {
    return client.postAbs(messagesUrl).timeout(timeout.toMillis())
        .putHeader("Authorization", authorization)
        .putHeader("Content-Type", "application/json")
        .sendBuffer(body.toBuffer())
        .recover(e -> Future.failedFuture(DeliveryFailure.retryable("whatsapp unreachable: " + e)))
        .compose(WhatsAppChannel::outcome);
  }

  private static Future<Delivery> outcome(HttpResponse<Buffer> response) {
    int status = response.statusCode();
    JsonObject json = json(response);
    if (status >= 200 && status < 300) {
      JsonArray messages = json.getJsonArray("messages", new JsonArray());
      String id = messages.isEmpty() ? null : messages.getJsonObject(0).getString("id");
      return Future.succeededFuture(Delivery.sent(id));
    }
    JsonObject error = json.getJsonObject("error", new JsonObject());
    Integer code = error.getValue("code") instanceof Number n ? n.intValue() : null;
    String details = error.getJsonObject("error_data", new JsonObject()).getString("details");
    String reason = "whatsapp answered " + status + (code == null ? "" : " (code " + code + ")") + ": "
        + abbreviated(error.getString("message", response.bodyAsString()))
        + (details == null ? "" : " - " + abbreviated(details));
    boolean retry = status >= 500 || status == 408 || status == 429 || status == 401
        || (code != null && RETRYABLE_CODES.contains(code));
    return Future.failedFuture(retry ? DeliveryFailure.retryable(reason) : DeliveryFailure.permanent(reason));
  }

  private static JsonObject json(HttpResponse<Buffer> response) {
    try {
      JsonObject json = response.bodyAsJsonObject();
      return json == null ? new JsonObject() : json;
    } catch (RuntimeException e) {
      return new JsonObject();
    }
  }

  private static String abbreviated(String text) {
    return text == null ? "" : text.length() > 300 ? text.substring(0, 300) : text;
  }
}
