package io.moeen.common.db;

import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A SHA-256 over the changelog, every file it includes (in its order) and the contexts applied:
 * equal fingerprints mean Liquibase would find nothing to do. Recorded in a table only the database
 * owner can read or write ({@code moeen_app} has no grant on it).
 */
final class ChangelogFingerprint {
  private static final String TABLE = "moeen_migration_fingerprint";

  private ChangelogFingerprint() {
  }

  static String of(String changelog, String contexts) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] root = read(changelog);
      sha.update(root);
      String directory = changelog.contains("/") ? changelog.substring(0, changelog.lastIndexOf('/') + 1) : "";
      for (String file : includes(root)) {
        sha.update(file.getBytes(StandardCharsets.UTF_8));
        sha.update(read(directory + file));
      }
      sha.update(contexts.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @SuppressWarnings("unchecked")
  private static List<String> includes(byte[] changelog) {
    Map<String, Object> document = new Yaml().load(new String(changelog, StandardCharsets.UTF_8));
    List<Map<String, Object>> entries = (List<Map<String, Object>>) document.get("databaseChangeLog");
    return entries.stream()
        .map(entry -> (Map<String, Object>) entry.get("include"))
        .map(include -> {
          if (include == null || !Boolean.TRUE.equals(include.get("relativeToChangelogFile"))) {
            // anything else (changesets inline, includeAll, absolute paths) would escape the fingerprint
            throw new IllegalStateException("db/changelog.yaml may only list includes relative to itself");
          }
          return (String) include.get("file");
        })
        .toList();
  }

  private static byte[] read(String resource) {
    try (InputStream in = ChangelogFingerprint.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing changelog file " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static boolean isRecorded(Connection connection, String fingerprint) throws SQLException {
    try (Statement exists = connection.createStatement();
         ResultSet table = exists.executeQuery("SELECT to_regclass('public." + TABLE + "') IS NOT NULL")) {
      if (!table.next() || !table.getBoolean(1)) {
        return false;
      }
    }
    try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM " + TABLE + " WHERE fingerprint = ?")) {
      select.setString(1, fingerprint);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next();
      }
    }
  }

  static void record(Connection connection, String fingerprint) throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE IF NOT EXISTS " + TABLE
          + " (fingerprint text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
      // the schema's default privileges would hand it to the service role too
      ddl.execute("REVOKE ALL ON " + TABLE + " FROM PUBLIC, " + Migrations.APP_ROLE);
    }
    // two nodes starting together may both get here: neither fails the other
    try (PreparedStatement others = connection.prepareStatement("DELETE FROM " + TABLE + " WHERE fingerprint <> ?");
         PreparedStatement insert = connection.prepareStatement(
             "INSERT INTO " + TABLE + " (fingerprint) VALUES (?) ON CONFLICT (fingerprint) DO NOTHING")) {
      others.setString(1, fingerprint);
      others.executeUpdate();
      insert.setString(1, fingerprint);
      insert.executeUpdate();
    }
  }
}
