package io.moeen.common.i18n;

import com.ibm.icu.text.MessageFormat;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The messages of one locale, each pattern parsed once when the bundle is built. */
final class MessageBundle {

  private static final Logger log = LoggerFactory.getLogger(MessageBundle.class);

  private final SupportedLocale locale;
  private final SortedMap<String, String> patterns;
  private final Map<String, MessageFormat> formats;

  private MessageBundle(
      SupportedLocale locale, SortedMap<String, String> patterns, Map<String, MessageFormat> formats) {
    this.locale = locale;
    this.patterns = patterns;
    this.formats = formats;
  }

  /** Fails with the locale and key named, so a broken translation stops start-up, not a request. */
  static MessageBundle parse(SupportedLocale locale, JsonObject json) {
    SortedMap<String, String> patterns = new TreeMap<>();
    Map<String, MessageFormat> formats = new HashMap<>();
    for (Map.Entry<String, Object> entry : json) {
      String key = entry.getKey();
      if (!(entry.getValue() instanceof String pattern)) {
        throw new IllegalStateException(
            "i18n/" + locale.tag() + ".json: message '" + key + "' is not a string");
      }
      try {
        formats.put(key, new MessageFormat(pattern, locale.uLocale()));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "i18n/" + locale.tag() + ".json: message '" + key + "' is not a valid ICU MessageFormat: "
                + e.getMessage(),
            e);
      }
      patterns.put(key, pattern);
    }
    return new MessageBundle(locale, Collections.unmodifiableSortedMap(patterns), Map.copyOf(formats));
  }

  SupportedLocale locale() {
    return locale;
  }

  boolean has(String key) {
    return formats.containsKey(key);
  }

  SortedMap<String, String> patterns() {
    return patterns;
  }

  /** Never throws for bad arguments: a missing one stays visible as {name}, a wrong type yields the key. */
  String format(String key, Map<String, ?> args) {
    MessageFormat format = formats.get(key);
    Map<String, Object> present = new HashMap<>();
    args.forEach((name, value) -> {
      if (value != null) {
        present.put(name, value);
      }
    });
    TreeSet<String> missing = new TreeSet<>(format.getArgumentNames());
    missing.removeAll(present.keySet());
    if (!missing.isEmpty()) {
      log.warn("message {} ({}) formatted without arguments {}", key, locale.tag(), missing);
    }
    try {
      // ICU MessageFormat caches sub-formatters while formatting, so it is not thread-safe; one
      // uncontended lock per pattern is far cheaper than parsing or cloning on every call
      synchronized (format) {
        return format.format(present);
      }
    } catch (RuntimeException e) {
      log.warn("message {} ({}) could not be formatted with {}: {}", key, locale.tag(), present.keySet(), e.toString());
      return key;
    }
  }
}
