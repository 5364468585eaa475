package io.moeen.common.db;

import io.moeen.common.config.AppConfig;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The database, being started (the embedded PostgreSQL) or reached (an external one) on a thread of its own from
 * the first moment of the start: PostgreSQL's own start is the longest step of ours, and the JVM's loading of
 * the features' classes and the building of Vert.x overlap with it instead of coming before it. This class
 * touches nothing of the application's, so {@code Main} can call it before loading the rest.
 */
public final class DatabaseOpening {
  private final CompletableFuture<DatabaseServer> server = new CompletableFuture<>();

  private DatabaseOpening() {
  }

  public static DatabaseOpening begin(AppConfig config) {
    DatabaseOpening opening = new DatabaseOpening();
    Thread thread = new Thread(() -> {
      try {
        opening.server.complete(config.externalDatabase()
            .<DatabaseServer>map(ExternalDatabaseServer::connect)
            .orElseGet(() -> EmbeddedDatabaseServer.start(config.embeddedDatabaseDir(), config.embeddedDatabaseName())));
      } catch (Throwable e) {
        opening.server.completeExceptionally(e);
      }
    }, "moeen-database-start");
    thread.setDaemon(true);
    thread.start();
    return opening;
  }

  /** Waits for the database; its failure is thrown as it was thrown (e.g. {@link DatabaseUnavailableException}). */
  public DatabaseServer await() {
    try {
      return server.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  /** For a start that failed before it took the database: waits for it and stops it, if it did start. */
  public void abandon() {
    try {
      server.join().close();
    } catch (RuntimeException e) {
      // it did not start, or it did and stopping it failed: nothing more to do on a failed start
    }
  }
}
