package io.moeen.common.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Everything the service reads from its environment, already checked.
 * Build one with {@link ConfigReader#read(java.util.Map)}.
 */
public record AppConfig(
    String httpHost,
    int httpPort,
    Optional<ExternalDatabase> externalDatabase,
    String embeddedDatabaseName,
    Optional<String> redisUrl,
    Path dataDir,
    String defaultLocale,
    ZoneId timeZone,
    boolean demoData,
    long maxBodyBytes,
    Duration shutdownGrace,
    Path signingKeysDir,
    java.util.Set<String> trustedProxies,
    Duration dispatchInterval,
    Sms sms,
    Duration dispatchSendingTimeout) {

  /** The generic HTTP SMS provider; {@code url} empty = SMS rows wait in the outbox. */
  public record Sms(Optional<String> url, Optional<String> authHeader, String bodyTemplate) {
    @Override
    public String toString() {
      return "Sms[" + url.orElse("unset") + "]";
    }
  }

  /** A PostgreSQL server we do not run ourselves (`DB_HOST` given). */
  public record ExternalDatabase(String host, int port, String database, String user, String password) {
    @Override
    public String toString() {
      return "ExternalDatabase[" + user + "@" + host + ":" + port + "/" + database + "]";
    }
  }

  public boolean usesEmbeddedDatabase() {
    return externalDatabase.isEmpty();
  }

  /** Where the embedded PostgreSQL keeps its cluster between runs. */
  public Path embeddedDatabaseDir() {
    return dataDir.resolve("postgres");
  }
}
