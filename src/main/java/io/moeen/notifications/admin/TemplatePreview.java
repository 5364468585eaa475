package io.moeen.notifications.admin;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.notifications.ClinicDigits;
import io.moeen.notifications.NotificationRenderer;
import io.moeen.notifications.NotificationTemplate;
import io.moeen.notifications.RenderedNotification;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The templates as stored, and a preview: the active template for an event × channel × language
 * rendered exactly as the dispatcher would (same renderer, the clinic's zone) from a sample
 * payload, the caller's or a built-in one. Reads the templates afresh, so an edit shows at once.
 */
final class TemplatePreview {
  private final Pool pool;
  private final SqlStatements sql;
  private final SupportedLocale defaultLocale;
  private final ZoneId zone;
  private final Clock clock;

  TemplatePreview(Pool pool, SqlStatements sql, SupportedLocale defaultLocale, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.sql = sql;
    this.defaultLocale = defaultLocale;
    this.zone = zone;
    this.clock = clock;
  }

  Future<JsonObject> list(RequestEnvelope request) {
    Tuple args = Tuple.of(request.param("eventType"), request.param("channel"), request.param("locale"));
    return pool.preparedQuery(sql.get("templates")).execute(args).map(rows -> {
      JsonArray items = new JsonArray();
      for (Row r : rows) {
        items.add(new JsonObject().put("id", r.getUUID("id").toString()).put("eventType", r.getString("event_type"))
            .put("channel", r.getString("channel")).put("locale", r.getString("locale"))
            .put("subject", r.getString("subject")).put("body", r.getString("body"))
            .put("whatsappTemplateName", r.getString("whatsapp_template_name"))
            .put("whatsappLanguage", r.getString("whatsapp_language"))
            .put("whatsappParameters", r.getJsonArray("whatsapp_parameters"))
            .put("isActive", r.getBoolean("is_active")).put("version", r.getInteger("version"))
            .put("updatedAt", OutboxView.instant(r.getOffsetDateTime("updated_at"))));
      }
      return new JsonObject().put("items", items);
    });
  }

  Future<JsonObject> preview(RequestEnvelope request) {
    JsonObject body = request.bodyAsObject();
    String eventType = body.getString("eventType");
    String channel = body.getString("channel");
    String locale = body.getString("locale");
    JsonObject payload = body.getJsonObject("payload");
    JsonObject used = payload != null ? payload : SamplePayloads.of(eventType, clock.instant(), zone);
    // the setting as it is now: a manager trying the Arabic-Indic digits sees them at once
    Future<DigitStyle> digits = ClinicDigits.load(pool, sql);
    return digits.compose(d -> pool.preparedQuery(sql.get("active_templates_of")).execute(Tuple.of(eventType))).compose(rows -> {
      List<NotificationTemplate> templates = new ArrayList<>();
      for (Row r : rows) {
        templates.add(new NotificationTemplate(r.getString("event_type"), r.getString("channel"),
            r.getString("locale"), r.getString("subject"), r.getString("body")));
      }
      RenderedNotification text = new NotificationRenderer(templates, defaultLocale, digits.result())
          .render(eventType, channel, locale, used, zone);
      if (text.body() == null) {
        return Future.failedFuture(Problem.notFound("notification_template_not_found",
            Map.of("eventType", eventType, "channel", channel)));
      }
      return Future.succeededFuture(new JsonObject().put("eventType", eventType).put("channel", channel)
          .put("requestedLocale", locale).put("locale", text.locale()).put("title", text.title())
          .put("body", text.body()).put("fallbackReason", text.fallbackReason()).put("payload", used)
          .put("sample", payload == null));
    });
  }
}
