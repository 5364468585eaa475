package io.moeen.common.db;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The SQL of one feature, kept in a resource file beside it. Statements are named by a
 * {@code -- name: xyz} line above them. {@link #verify(Pool)} prepares every statement so a typo
 * fails at start-up, not on the first request.
 *
 * <p>A resource is prepared once per text and database schema: a start against a database whose changelog
 * fingerprint ({@link Migrations#apply}) it was already prepared against, with the same text, skips it, as
 * {@link Migrations} skips Liquibase on the same ground. What was prepared is remembered in the process
 * (the tests start the service a hundred times, each on a clone of one migrated template) and in the
 * database ({@link VerifiedStatements}, read and written by the start), so a restart of the same build
 * prepares nothing and a new build prepares only the resources whose text changed.
 */
public final class SqlStatements {
  // the schema (changelog fingerprint) each pool reaches, and what was verified against which schema
  private static final Map<Pool, String> SCHEMAS = Collections.synchronizedMap(new WeakHashMap<>());
  private static final Set<String> VERIFIED = ConcurrentHashMap.newKeySet();
  // the keys of the resources this process's features asked for (prepared now, or trusted): what a start records
  private static final Set<String> IN_USE = ConcurrentHashMap.newKeySet();

  private final String resource;
  private final Map<String, String> statements;
  private final String digest;

  private SqlStatements(String resource, Map<String, String> statements, String digest) {
    this.resource = resource;
    this.statements = statements;
    this.digest = digest;
  }

  /** Loads e.g. {@code io/moeen/reference/reference.sql} from the classpath. */
  public static SqlStatements load(String resource) {
    try (InputStream in = SqlStatements.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("SQL resource not found: " + resource);
      }
      byte[] text = in.readAllBytes();
      return new SqlStatements(resource, parse(new String(text, StandardCharsets.UTF_8)),
          HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text)));
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("Cannot read SQL resource " + resource, e);
    }
  }

  static Map<String, String> parse(String text) {
    Map<String, String> parsed = new LinkedHashMap<>();
    String name = null;
    StringBuilder sql = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String trimmed = line.trim();
      if (trimmed.startsWith("-- name:")) {
        store(parsed, name, sql);
        name = trimmed.substring("-- name:".length()).trim();
        sql.setLength(0);
      } else if (name != null && !trimmed.startsWith("--")) {
        sql.append(line).append('\n');
      }
    }
    store(parsed, name, sql);
    return Map.copyOf(parsed);
  }

  private static void store(Map<String, String> parsed, String name, StringBuilder sql) {
    if (name == null) {
      return;
    }
    String statement = sql.toString().trim();
    if (statement.endsWith(";")) {
      statement = statement.substring(0, statement.length() - 1).trim();
    }
    if (statement.isEmpty() || parsed.put(name, statement) != null) {
      throw new IllegalStateException("SQL statement '" + name + "' is empty or defined twice");
    }
  }

  public String get(String name) {
    String sql = statements.get(name);
    if (sql == null) {
      throw new IllegalArgumentException("No SQL statement '" + name + "' in " + resource);
    }
    return sql;
  }

  /** {@code pool} reaches a database migrated to the changelog with this fingerprint. */
  public static void schemaOf(Pool pool, String fingerprint) {
    SCHEMAS.put(pool, fingerprint);
  }

  /** Keys ({@link VerifiedStatements}) of resources already prepared without fault, found in the database. */
  public static void alreadyVerified(Collection<String> keys) {
    VERIFIED.addAll(keys);
  }

  /** The keys of the resources this process's features use, prepared without fault against {@code fingerprint}'s schema. */
  public static Set<String> verifiedAgainst(String fingerprint) {
    return IN_USE.stream().filter(key -> key.startsWith(fingerprint + " ")).collect(Collectors.toSet());
  }

  public Future<Void> verify(Pool pool) {
    String schema = SCHEMAS.get(pool);
    String done = schema == null ? null : schema + " " + resource + " " + digest;
    if (done != null && VERIFIED.contains(done)) {
      IN_USE.add(done);
      return Future.succeededFuture();
    }
    return pool.withConnection(conn -> {
      List<Future<?>> prepared = statements.entrySet().stream()
          .<Future<?>>map(e -> conn.prepare(e.getValue())
              .recover(err -> Future.failedFuture(new IllegalStateException(
                  "SQL statement '" + e.getKey() + "' in " + resource + " does not prepare: " + err.getMessage(), err)))
              .compose(ps -> ps.close()))
          .toList();
      return Future.all(prepared).<Void>mapEmpty();
    }).onSuccess(verified -> {
      if (done != null) {
        VERIFIED.add(done);
        IN_USE.add(done);
      }
    });
  }
}
