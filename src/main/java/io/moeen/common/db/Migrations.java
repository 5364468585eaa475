package io.moeen.common.db;

import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.ui.LoggerUIService;

import java.sql.Connection;
import java.util.Map;

/**
 * Applies the Liquibase changelogs under {@code db/} (packaged on the classpath). Blocking: call it
 * on a worker, before any verticle deploys. Applying twice is a no-op.
 *
 * <p>Liquibase takes seconds to start even when it has nothing to do, so after a successful update the
 * changelog's fingerprint ({@link ChangelogFingerprint}: every listed file's bytes and the contexts) is
 * recorded in {@code moeen_migration_fingerprint}; a start whose fingerprint is already recorded skips
 * Liquibase. Any change to a file, a new file or other contexts changes the fingerprint, and Liquibase
 * runs as before (it alone decides what to apply).
 */
public final class Migrations {
  public static final String CHANGELOG = "db/changelog.yaml";
  /** Changesets marked {@code context:demo} only run when demo data is wanted. */
  public static final String DEMO_CONTEXT = "demo";
  /** The role the service's pool acts as; created by the identity changelog. */
  public static final String APP_ROLE = "moeen_app";
  private static final String ALWAYS_CONTEXT = "main";

  static {
    // No phoning home and no banner: the service runs on closed networks.
    System.setProperty("liquibase.analytics.enabled", "false");
    System.setProperty("liquibase.showBanner", "false");
  }

  private Migrations() {
  }

  /** Answers the changelog's fingerprint the database is now at. */
  public static String apply(DatabaseServer server, boolean demoData) {
    return apply(server, demoData, fingerprint(demoData));
  }

  /**
   * The fingerprint of the packaged changelog with the contexts {@code demoData} asks for: reading and hashing
   * the changelog needs no database, so the start works it out (and loads the JDBC driver) while PostgreSQL starts.
   */
  public static String fingerprint(boolean demoData) {
    try {
      Class.forName("org.postgresql.Driver");
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
    return ChangelogFingerprint.of(CHANGELOG, contexts(demoData));
  }

  private static String contexts(boolean demoData) {
    return demoData ? ALWAYS_CONTEXT + "," + DEMO_CONTEXT : ALWAYS_CONTEXT;
  }

  /** As {@link #apply(DatabaseServer, boolean)}, with the changelog's {@link #fingerprint} already worked out. */
  public static String apply(DatabaseServer server, boolean demoData, String fingerprint) {
    String contexts = contexts(demoData);
    try (Connection connection = server.connectAsOwner()) {
      if (ChangelogFingerprint.isRecorded(connection, fingerprint)) {
        return fingerprint;
      }
      Database database = DatabaseFactory.getInstance()
          .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      Map<String, Object> scope = Map.of(
          Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()),
          Scope.Attr.ui.name(), new LoggerUIService());
      Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
          .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
          .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
          .addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
          .addArgumentValue(UpdateCommandStep.CONTEXTS_ARG, contexts)
          .execute());
    } catch (Exception e) {
      throw new DatabaseUnavailableException("Database migration failed on " + server.describe() + ": "
          + rootMessage(e), e);
    }
    try (Connection connection = server.connectAsOwner()) {
      ChangelogFingerprint.record(connection, fingerprint);
    } catch (java.sql.SQLException e) {
      throw new DatabaseUnavailableException("Could not record the applied changelog on " + server.describe() + ": "
          + e.getMessage(), e);
    }
    return fingerprint;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
