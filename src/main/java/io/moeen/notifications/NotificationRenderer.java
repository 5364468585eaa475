package io.moeen.notifications;

import com.ibm.icu.text.MessageFormat;
import io.moeen.common.i18n.DigitStyle;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneId;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Puts a notification into words from the active templates: the recipient's language when a
 * template exists in it, otherwise the default language (logged, and said in the result). Numbers
 * and dates in Arabic take the clinic's digits ({@code clinic.digits}), as its web pages do.
 */
public final class NotificationRenderer {
  private static final Logger LOG = LoggerFactory.getLogger(NotificationRenderer.class);

  private final Map<String, NotificationTemplate> templates = new HashMap<>();
  private final SupportedLocale defaultLocale;
  private final DigitStyle digits;

  public NotificationRenderer(Collection<NotificationTemplate> templates, SupportedLocale defaultLocale,
                              DigitStyle digits) {
    templates.forEach(t -> this.templates.put(t.key(), t));
    this.defaultLocale = defaultLocale;
    this.digits = digits;
  }

  public RenderedNotification render(String eventType, String channel, String locale, JsonObject payload,
                                     ZoneId zone) {
    SupportedLocale wanted = SupportedLocale.fromTag(locale).orElse(defaultLocale);
    NotificationTemplate template = templates.get(NotificationTemplate.key(eventType, channel, wanted.tag()));
    String reason = null;
    if (template == null) {
      reason = "no " + channel + " template for " + eventType + " in " + locale;
      template = templates.get(NotificationTemplate.key(eventType, channel, defaultLocale.tag()));
      LOG.warn("notification template fallback: {}; using {}", reason,
          template == null ? "none" : defaultLocale.tag());
      if (template == null) {
        return new RenderedNotification(null, null, null, reason + " nor in " + defaultLocale.tag());
      }
    }
    SupportedLocale used = SupportedLocale.fromTag(template.locale()).orElse(defaultLocale);
    Map<String, Object> args = NotificationArguments.of(payload, used, zone, digits);
    return new RenderedNotification(format(template.subject(), used, args, digits),
        format(template.body(), used, args, digits),
        used.tag(), reason);
  }

  /**
   * One payload value as a template shows {@code {key}}: instants in the zone (Hijri beside them in
   * Arabic), Latin text and phone numbers isolated in Arabic. For providers that fill their own
   * approved templates (WhatsApp) with these values.
   */
  public static String formatValue(JsonObject payload, String key, SupportedLocale locale, ZoneId zone,
                                   DigitStyle digits) {
    // "startsAtHijri" is derived from "startsAt"
    String source = key.endsWith("At" + NotificationArguments.HIJRI)
        ? key.substring(0, key.length() - NotificationArguments.HIJRI.length()) : key;
    JsonObject one = new JsonObject().put(source, payload.getValue(source));
    return format("{" + key + "}", locale, NotificationArguments.of(one, locale, zone, digits), digits);
  }

  private static String format(String pattern, SupportedLocale locale, Map<String, Object> args, DigitStyle digits) {
    DigitStyle used = locale == SupportedLocale.AR ? digits : DigitStyle.LATIN;
    return pattern == null ? null : new MessageFormat(pattern, used.applyTo(locale.uLocale())).format(args);
  }
}
