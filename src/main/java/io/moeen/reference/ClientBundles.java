package io.moeen.reference;

import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/** The interface texts web clients download, built once, each with an ETag for cheap revalidation. */
final class ClientBundles {
  record Bundle(JsonObject body, String etag) {
  }

  private final Map<SupportedLocale, Bundle> bundles = new EnumMap<>(SupportedLocale.class);

  ClientBundles(Messages messages) {
    for (SupportedLocale locale : SupportedLocale.values()) {
      JsonObject texts = new JsonObject();
      messages.bundle(locale).forEach(texts::put);
      JsonObject body = new JsonObject()
          .put("locale", locale.tag())
          .put("direction", locale.isRightToLeft() ? "rtl" : "ltr")
          .put("messages", texts);
      bundles.put(locale, new Bundle(body, etag(body.encode())));
    }
  }

  Bundle of(SupportedLocale locale) {
    return bundles.get(locale);
  }

  private static String etag(String content) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
      return "\"" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
