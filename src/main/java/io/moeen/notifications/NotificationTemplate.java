package io.moeen.notifications;

/** One active template: what an event says on a channel in a language (ICU MessageFormat). */
public record NotificationTemplate(String eventType, String channel, String locale, String subject, String body) {

  String key() {
    return key(eventType, channel, locale);
  }

  static String key(String eventType, String channel, String locale) {
    return eventType + "|" + channel + "|" + locale;
  }
}
