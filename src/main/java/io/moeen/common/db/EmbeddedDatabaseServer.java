package io.moeen.common.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * A real PostgreSQL 17 that we start ourselves from the binaries shipped in a Maven artifact.
 * Its cluster lives under the data directory, so stopping and starting keeps the data.
 */
public final class EmbeddedDatabaseServer implements DatabaseServer {
  private static final String SUPERUSER = "postgres";

  private final EmbeddedPostgres postgres;
  private final String database;
  private final Path dataDir;

  private EmbeddedDatabaseServer(EmbeddedPostgres postgres, String database, Path dataDir) {
    this.postgres = postgres;
    this.database = database;
    this.dataDir = dataDir;
  }

  /** Blocking: runs initdb on first use, starts the server and creates {@code database} if missing. */
  public static EmbeddedDatabaseServer start(Path dataDir, String database) {
    return start(dataDir, database, Map.of());
  }

  /** As {@link #start(Path, String)}, with more server settings (tests trade crash safety for disk). */
  public static EmbeddedDatabaseServer start(Path dataDir, String database, Map<String, String> settings) {
    try {
      Files.createDirectories(dataDir);
      EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setPGStartupWait(Duration.ofSeconds(60))
          .setServerConfig("timezone", "UTC")
          .setServerConfig("max_connections", "100");
      settings.forEach(builder::setServerConfig);
      EmbeddedPostgres postgres = builder.start();
      EmbeddedDatabaseServer server = new EmbeddedDatabaseServer(postgres, database, dataDir);
      server.createDatabaseIfMissing(database);
      return server;
    } catch (IOException | SQLException | RuntimeException e) {
      throw new DatabaseUnavailableException("Cannot start the embedded PostgreSQL in " + dataDir + ": "
          + e.getMessage() + ". Is another Moeen using this MOEEN_DATA_DIR?", e);
    }
  }

  /** Creates an empty database on this server (used by tests to clone templates, too). */
  public void createDatabaseIfMissing(String name) throws SQLException {
    createDatabase(name, null);
  }

  public void createDatabase(String name, String template) throws SQLException {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("bad database name " + name);
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection();
         var exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      exists.setString(1, name);
      if (exists.executeQuery().next()) {
        return;
      }
      try (var create = c.createStatement()) {
        create.execute("CREATE DATABASE " + name + (template == null ? "" : " TEMPLATE " + template)
            + " ENCODING 'UTF8'");
      }
    }
  }

  /** Drops a database, ending any session still connected to it. */
  public void dropDatabase(String name) throws SQLException {
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("bad database name " + name);
    }
    try (Connection c = postgres.getPostgresDatabase().getConnection(); var drop = c.createStatement()) {
      drop.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  public Path dataDir() {
    return dataDir;
  }

  @Override
  public String host() {
    return "localhost";
  }

  @Override
  public int port() {
    return postgres.getPort();
  }

  @Override
  public String database() {
    return database;
  }

  @Override
  public String user() {
    return SUPERUSER;
  }

  @Override
  public String password() {
    return "";
  }

  @Override
  public String describe() {
    return "embedded PostgreSQL on localhost:" + port() + "/" + database + ", data in " + dataDir;
  }

  /** Same server, another database on it. */
  public DatabaseServer withDatabase(String name) {
    EmbeddedDatabaseServer parent = this;
    return new DatabaseServer() {
      @Override public String host() { return parent.host(); }
      @Override public int port() { return parent.port(); }
      @Override public String database() { return name; }
      @Override public String user() { return parent.user(); }
      @Override public String password() { return parent.password(); }
      @Override public String describe() { return "embedded PostgreSQL on localhost:" + port() + "/" + name; }
      @Override public void close() { }
    };
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new DatabaseUnavailableException("Could not stop the embedded PostgreSQL cleanly", e);
    }
  }
}
