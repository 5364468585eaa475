package io.moeen.testing;

import io.moeen.common.db.DatabaseServer;
import io.moeen.common.db.EmbeddedDatabaseServer;
import io.moeen.common.db.Migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 per test JVM. The schema (with demo data) is migrated once into a
 * template database; each test class gets its own database cloned from it, so classes are
 * isolated and a clone costs milliseconds.
 */
public final class TestDatabases {
  public static final String TEMPLATE = "moeen_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedDatabaseServer server;

  private TestDatabases() {
  }

  public static synchronized EmbeddedDatabaseServer server() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("moeen-test-pg");
        server = EmbeddedDatabaseServer.start(dir.resolve("postgres"), TEMPLATE);
        Migrations.apply(server, true);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "moeen-test-pg-stop"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return server;
  }

  /** A fresh database, already migrated with demo data, that only the caller uses. */
  public static DatabaseServer fresh(String purpose) {
    EmbeddedDatabaseServer pg = server();
    String name = "t" + COUNTER.incrementAndGet() + "_" + purpose.toLowerCase().replaceAll("[^a-z0-9]", "");
    name = name.length() > 60 ? name.substring(0, 60) : name;
    try {
      synchronized (TestDatabases.class) {
        pg.createDatabase(name, TEMPLATE);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot clone the template database: " + e.getMessage(), e);
    }
    return pg.withDatabase(name);
  }

  /** An empty database (no schema) for tests of the migrations themselves. */
  public static DatabaseServer empty(String purpose) {
    EmbeddedDatabaseServer pg = server();
    String name = "e" + COUNTER.incrementAndGet() + "_" + purpose.toLowerCase().replaceAll("[^a-z0-9]", "");
    try {
      pg.createDatabaseIfMissing(name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return pg.withDatabase(name);
  }
}
