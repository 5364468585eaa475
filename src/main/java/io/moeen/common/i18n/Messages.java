package io.moeen.common.i18n;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The static texts of the product (i18n/*.json), as ICU MessageFormat patterns with named arguments. */
public final class Messages {

  private static final Logger log = LoggerFactory.getLogger(Messages.class);

  private final Map<SupportedLocale, MessageBundle> bundles;

  Messages(Map<SupportedLocale, MessageBundle> bundles) {
    for (SupportedLocale locale : SupportedLocale.values()) {
      if (!bundles.containsKey(locale)) {
        throw new IllegalStateException("no message bundle for locale " + locale.tag());
      }
    }
    this.bundles = Map.copyOf(bundles);
  }

  /** Reads classpath i18n/{tag}.json for every supported locale; fails fast on any bad message. */
  public static Messages load() {
    Map<SupportedLocale, JsonObject> json = new EnumMap<>(SupportedLocale.class);
    for (SupportedLocale locale : SupportedLocale.values()) {
      json.put(locale, readBundle("i18n/" + locale.tag() + ".json"));
    }
    return fromJson(json);
  }

  static Messages fromJson(Map<SupportedLocale, JsonObject> json) {
    Map<SupportedLocale, MessageBundle> bundles = new EnumMap<>(SupportedLocale.class);
    json.forEach((locale, messages) -> bundles.put(locale, MessageBundle.parse(locale, messages)));
    return new Messages(bundles);
  }

  /**
   * A key missing in the requested locale is taken from another locale (better the other language
   * than a raw key in front of a patient); missing everywhere, the key itself is returned.
   */
  public String format(SupportedLocale locale, String key, Map<String, ?> args) {
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(key, "key");
    Map<String, ?> safeArgs = args == null ? Map.of() : args;
    MessageBundle requested = bundles.get(locale);
    if (requested.has(key)) {
      return requested.format(key, safeArgs);
    }
    for (SupportedLocale other : SupportedLocale.values()) {
      MessageBundle candidate = bundles.get(other);
      if (other != locale && candidate.has(key)) {
        log.warn("message {} missing in {}; using {}", key, locale.tag(), other.tag());
        return candidate.format(key, safeArgs);
      }
    }
    log.warn("message {} missing in every locale; showing the key", key);
    return key;
  }

  public String format(SupportedLocale locale, String key) {
    return format(locale, key, Map.of());
  }

  public boolean has(SupportedLocale locale, String key) {
    return bundles.get(Objects.requireNonNull(locale, "locale")).has(key);
  }

  /** Key to pattern, sorted by key and unmodifiable: the bundle web clients download. */
  public Map<String, String> bundle(SupportedLocale locale) {
    return bundles.get(Objects.requireNonNull(locale, "locale")).patterns();
  }

  public Set<String> keys(SupportedLocale locale) {
    return bundle(locale).keySet();
  }

  private static JsonObject readBundle(String resource) {
    try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("message bundle " + resource + " is not on the classpath");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (DecodeException e) {
      throw new IllegalStateException("message bundle " + resource + " is not a JSON object: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read message bundle " + resource, e);
    }
  }
}
