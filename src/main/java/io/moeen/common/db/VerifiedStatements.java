package io.moeen.common.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which features' SQL resources were already prepared without fault against this database's schema
 * ({@link SqlStatements#verify}): one key per resource, its text's digest and the schema's changelog
 * fingerprint together, in a table only the database owner can read or write ({@code moeen_app} has
 * no grant), like {@code moeen_migration_fingerprint}. A start reads them and prepares only what is new;
 * a changed statement, a new resource or another schema has another key and is prepared again. Blocking
 * (JDBC): call on a worker.
 */
public final class VerifiedStatements {
  private static final String TABLE = "moeen_sql_verified";

  private VerifiedStatements() {
  }

  /** The keys recorded in {@code server}'s database; none when nothing was ever recorded. */
  public static Set<String> read(DatabaseServer server) {
    try (Connection connection = server.connectAsOwner();
         Statement select = connection.createStatement();
         ResultSet table = select.executeQuery("SELECT to_regclass('public." + TABLE + "') IS NOT NULL")) {
      Set<String> keys = new HashSet<>();
      if (table.next() && table.getBoolean(1)) {
        try (ResultSet rows = select.executeQuery("SELECT key FROM " + TABLE)) {
          while (rows.next()) {
            keys.add(rows.getString(1));
          }
        }
      }
      return keys;
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Could not read the verified statements on " + server.describe() + ": "
          + e.getMessage(), e);
    }
  }

  /** Records {@code keys} as the whole set: keys of statements this build no longer has are dropped. */
  public static void record(DatabaseServer server, Collection<String> keys) {
    try (Connection connection = server.connectAsOwner()) {
      try (Statement ddl = connection.createStatement()) {
        ddl.execute("CREATE TABLE IF NOT EXISTS " + TABLE
            + " (key text PRIMARY KEY, verified_at timestamptz NOT NULL DEFAULT now())");
        ddl.execute("REVOKE ALL ON " + TABLE + " FROM PUBLIC, " + Migrations.APP_ROLE);
      }
      // two nodes starting together may both get here: neither fails the other
      try (PreparedStatement others = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE NOT key = ANY (?)");
           PreparedStatement insert = connection.prepareStatement(
               "INSERT INTO " + TABLE + " (key) SELECT unnest(?::text[]) ON CONFLICT (key) DO NOTHING")) {
        java.sql.Array array = connection.createArrayOf("text", keys.toArray());
        others.setArray(1, array);
        others.executeUpdate();
        insert.setArray(1, array);
        insert.executeUpdate();
      }
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Could not record the verified statements on " + server.describe() + ": "
          + e.getMessage(), e);
    }
  }
}
