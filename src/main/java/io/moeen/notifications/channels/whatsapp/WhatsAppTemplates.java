package io.moeen.notifications.channels.whatsapp;

import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The approved WhatsApp templates the outbox may use outside the 24-hour window, by event type
 * and locale (from {@code notification_templates}): name, language and the payload keys that fill
 * {{1}}, {{2}}, … in order.
 */
final class WhatsAppTemplates {
  record Template(String eventType, String locale, String name, String language, List<String> parameters) {
  }

  private final Map<String, Template> templates = new HashMap<>();
  private final SupportedLocale defaultLocale;

  WhatsAppTemplates(Iterable<Row> rows, SupportedLocale defaultLocale) {
    this.defaultLocale = defaultLocale;
    for (Row row : rows) {
      List<String> parameters = new ArrayList<>();
      Object keys = row.getValue("whatsapp_parameters");
      if (keys instanceof JsonArray array) {
        array.forEach(k -> parameters.add(String.valueOf(k)));
      }
      Template t = new Template(row.getString("event_type"), row.getString("locale"),
          row.getString("whatsapp_template_name"), row.getString("whatsapp_language"), List.copyOf(parameters));
      templates.put(key(t.eventType(), t.locale()), t);
    }
  }

  /** The template in the row's language, else in the default one; none for free-form replies. */
  Optional<Template> find(String eventType, String locale) {
    Template wanted = templates.get(key(eventType, locale));
    return Optional.ofNullable(wanted != null ? wanted : templates.get(key(eventType, defaultLocale.tag())));
  }

  private static String key(String eventType, String locale) {
    return eventType + "|" + locale;
  }
}
