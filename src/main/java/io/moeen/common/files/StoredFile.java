package io.moeen.common.files;

import io.vertx.core.json.JsonObject;

/**
 * A file just written to the {@link FileStore}: its key, size, SHA-256 (hex) and the media type sniffed
 * from its bytes by Apache Tika ({@code application/octet-stream} when nothing is recognised).
 */
public record StoredFile(String storageKey, long size, String sha256, String detectedType) {
  public JsonObject toJson() {
    return new JsonObject().put("storageKey", storageKey).put("size", size).put("sha256", sha256)
        .put("detectedType", detectedType);
  }
}
