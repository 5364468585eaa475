package io.moeen.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What is served where, built once from the files under {@code web/}:
 * <ul>
 *   <li>{@code assets/**} at {@code /app/a/<version>/**}, where the version is a hash of every asset's
 *   content: a change to any asset gives new names, so these never change and are cached for a year;</li>
 *   <li>{@code pages/**} at {@code /app/**} ({@code index.html} also at its folder, with a trailing slash) and
 *   {@code widget.js} at {@code /widget.js}: short-cached and revalidated by ETag, since their names are
 *   what other pages and websites link to. In these, {@code {{assets}}} becomes {@code /app/a/<version>}.</li>
 * </ul>
 */
final class Site {
  static final String ASSETS_PREFIX = "/app/a/";
  private static final String PLACEHOLDER = "{{assets}}";

  /** One file as served. {@code immutable}: a hashed name, cached for a year. */
  record Entry(byte[] body, String contentType, String etag, boolean immutable, boolean page) {
  }

  private final Map<String, Entry> byPath = new HashMap<>();
  private final String version;

  Site(Map<String, byte[]> files) {
    MessageDigest all = sha256();
    files.forEach((name, bytes) -> {
      if (name.startsWith("assets/")) {
        all.update(name.getBytes(StandardCharsets.UTF_8));
        all.update(bytes);
      }
    });
    version = HexFormat.of().formatHex(all.digest(), 0, 6);
    String assets = ASSETS_PREFIX + version;
    files.forEach((name, bytes) -> {
      if (name.startsWith("assets/")) {
        put(assets + name.substring("assets".length()), bytes, true, false);
      } else if (name.startsWith("pages/")) {
        byte[] body = filled(bytes, assets);
        String path = "/app" + name.substring("pages".length());
        put(path, body, false, true);
        if (path.endsWith("/index.html")) {
          put(path.substring(0, path.length() - "index.html".length()), body, false, true);
        }
      } else if (name.equals("widget.js")) {
        put("/widget.js", filled(bytes, assets), false, false);
      }
      // anything else (licence notes kept beside the sources) is not served
    });
  }

  Optional<Entry> find(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  /** The hash in the assets' path, e.g. {@code 3f2a1b9c0d4e}. */
  String version() {
    return version;
  }

  private void put(String path, byte[] body, boolean immutable, boolean page) {
    String etag = "\"" + HexFormat.of().formatHex(sha256().digest(body), 0, 12) + "\"";
    byPath.put(path, new Entry(body, contentType(path), etag, immutable, page || path.endsWith("/")));
  }

  private static byte[] filled(byte[] template, String assets) {
    return new String(template, StandardCharsets.UTF_8).replace(PLACEHOLDER, assets).getBytes(StandardCharsets.UTF_8);
  }

  static String contentType(String path) {
    String name = path.endsWith("/") ? "index.html" : path;
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "html" -> "text/html; charset=utf-8";
      case "js", "mjs" -> "text/javascript; charset=utf-8";
      case "css" -> "text/css; charset=utf-8";
      case "json" -> "application/json";
      case "svg" -> "image/svg+xml";
      case "png" -> "image/png";
      case "ttf" -> "font/ttf";
      case "woff2" -> "font/woff2";
      case "txt" -> "text/plain; charset=utf-8";
      default -> "application/octet-stream";
    };
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
