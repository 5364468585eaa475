package io.moeen.testing;

import io.moeen.common.db.DatabaseServer;
import io.moeen.common.db.EmbeddedDatabaseServer;
import io.moeen.common.db.Migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 17 per test JVM. The schema (with demo data) is migrated once into a
 * template database; each test class gets its own database cloned from it, so classes are
 * isolated and a clone costs milliseconds. The clones are dropped when their class is done
 * ({@link DropClassDatabases}) and the whole cluster is deleted when the JVM ends.
 */
public final class TestDatabases {
  public static final String TEMPLATE = "moeen_template";
  private static final AtomicInteger COUNTER = new AtomicInteger();
  /** No fsync and no full-page images: a test cluster is thrown away, and disk is what CI runs out of. */
  private static final Map<String, String> TEST_SETTINGS = Map.of(
      "fsync", "off", "full_page_writes", "off", "max_wal_size", "256MB", "min_wal_size", "64MB");
  private static final List<String> CREATED = new ArrayList<>();
  private static EmbeddedDatabaseServer server;

  private TestDatabases() {
  }

  public static synchronized EmbeddedDatabaseServer server() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("moeen-test-pg");
        server = EmbeddedDatabaseServer.start(dir.resolve("postgres"), TEMPLATE, TEST_SETTINGS);
        Migrations.apply(server, true);
        EmbeddedDatabaseServer started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } finally {
            deleteOnceStopped(dir);
          }
        }, "moeen-test-pg-stop"));
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return server;
  }

  /**
   * The postmaster may still be writing its shutdown checkpoint when {@code close} returns, and
   * would write files back into a directory deleted under it: wait for its pid file to go first.
   */
  private static void deleteOnceStopped(Path dir) {
    Path pid = dir.resolve("postgres").resolve("postmaster.pid");
    for (int i = 0; i < 100 && Files.exists(pid); i++) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    Scratch.delete(dir);
  }

  /** A fresh database, already migrated with demo data, that only the caller uses. */
  public static DatabaseServer fresh(String purpose) {
    EmbeddedDatabaseServer pg = server();
    String name = "t" + COUNTER.incrementAndGet() + "_" + purpose.toLowerCase().replaceAll("[^a-z0-9]", "");
    name = name.length() > 60 ? name.substring(0, 60) : name;
    try {
      synchronized (TestDatabases.class) {
        pg.createDatabase(name, TEMPLATE);
        CREATED.add(name);
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
      synchronized (TestDatabases.class) {
        pg.createDatabaseIfMissing(name);
        CREATED.add(name);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return pg.withDatabase(name);
  }

  /** How many databases the tests have cloned so far: a mark for {@link #dropCreatedSince}. */
  static synchronized int createdSoFar() {
    return CREATED.size();
  }

  /** Drops every database cloned after {@code mark}. */
  static synchronized void dropCreatedSince(int mark) {
    if (server == null) {
      return;
    }
    for (String name : CREATED.subList(mark, CREATED.size())) {
      try {
        server.dropDatabase(name);
      } catch (SQLException e) {
        System.err.println("could not drop test database " + name + ": " + e.getMessage());
      }
    }
  }
}
