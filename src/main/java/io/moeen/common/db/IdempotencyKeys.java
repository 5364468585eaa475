package io.moeen.common.db;

import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code Idempotency-Key} over the foundation's {@code idempotency_keys} table (scope, key, hash of the
 * request, the first answer; 24 hours). The key is claimed by an INSERT inside the request's own
 * transaction, so a concurrent duplicate blocks on it, fails with 23505 once the first commits, and then
 * answers the first answer; a first request that is refused rolls its claim back, and a retry runs again.
 * The same key with another body is 422 {@code idempotency_key_reused}. Booking (scheduling) pipelines the
 * same statements itself; {@link #once} is the whole pattern for a request that only needs it wrapped.
 */
public final class IdempotencyKeys {
  private static final String FIND = """
      SELECT request_hash, state, response_status, response_body FROM idempotency_keys
      WHERE scope = $1 AND key = $2 AND expires_at > now()""";
  private static final String FORGET_EXPIRED = "DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND expires_at <= now()";
  private static final String CLAIM = "INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3)";
  private static final String RELEASE = "DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2";
  private static final String COMPLETE = """
      UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_body = $4
      WHERE scope = $1 AND key = $2""";

  /** The first answer to an idempotent request, kept with the hash of its request. */
  public record StoredAnswer(String requestHash, boolean completed, int status, JsonObject body) {
  }

  /** One caller's request under a key: {@code scope} names the operation and the caller. */
  public record Keyed(String scope, String key, String requestHash) {
  }

  private IdempotencyKeys() {
  }

  /** 422 {@code idempotency_key_reused}: the key was used for another request. */
  public static Problem keyReused() {
    return new Problem(ProblemKind.UNPROCESSABLE, "idempotency_key_reused", Map.of(), "Idempotency-Key");
  }

  /** Whether the failure is a duplicate's claim refused because the first claimed the key. */
  public static boolean isDuplicateKey(Throwable failure) {
    return SqlRefusal.UNIQUE.matches(failure, "idempotency_keys_pkey"::equals);
  }

  /** SHA-256 of the object as canonical JSON (object keys sorted at every depth). */
  public static String requestHash(JsonObject value) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(((JsonObject) canonical(value)).encode().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Object canonical(Object value) {
    if (value instanceof JsonObject object) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      object.forEach(e -> sorted.put(e.getKey(), canonical(e.getValue())));
      return new JsonObject(new LinkedHashMap<>(sorted));
    }
    if (value instanceof JsonArray array) {
      JsonArray copy = new JsonArray();
      array.forEach(item -> copy.add(canonical(item)));
      return copy;
    }
    return value;
  }

  public static Future<Optional<StoredAnswer>> storedAnswer(SqlConnection conn, String scope, String key) {
    return conn.preparedQuery(FIND).execute(Tuple.of(scope, key)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      Row row = rows.iterator().next();
      return Optional.of(new StoredAnswer(row.getString("request_hash"), "completed".equals(row.getString("state")),
          row.getInteger("response_status") == null ? 0 : row.getInteger("response_status"),
          (JsonObject) row.getValue("response_body")));
    });
  }

  /** Claims the key for this request; a concurrent duplicate blocks here, then fails with 23505. Both sent at once. */
  public static Future<Void> claim(SqlConnection conn, String scope, String key, String hash) {
    Future<?> forgotten = conn.preparedQuery(FORGET_EXPIRED).execute(Tuple.of(scope, key));
    Future<?> claimed = conn.preparedQuery(CLAIM).execute(Tuple.of(scope, key, hash));
    return Future.all(forgotten, claimed).mapEmpty();
  }

  /** Frees the key of a request that ended without an answer to keep (a retry runs again). */
  public static Future<Void> release(SqlConnection conn, String scope, String key) {
    return conn.preparedQuery(RELEASE).execute(Tuple.of(scope, key)).mapEmpty();
  }

  public static Future<Void> complete(SqlConnection conn, String scope, String key, int status, JsonObject body) {
    return conn.preparedQuery(COMPLETE).execute(Tuple.of(scope, key, status, body)).mapEmpty();
  }

  /**
   * Runs {@code work} in a transaction as {@code actor}, at most once per key: with a key (non-null
   * {@code keyed}) a stored answer to the same request is answered again without running anything, one
   * to another request is 422; otherwise the key is claimed first, in the same transaction as the work,
   * and the work's answer is stored with it. A duplicate that raced the first answers the first's answer.
   */
  public static Future<JsonObject> once(Pool pool, SessionContext.Actor actor, Keyed keyed, int status,
                                        Function<SqlConnection, Future<JsonObject>> work) {
    if (keyed == null) {
      return SessionContext.inTransaction(pool, actor, work);
    }
    return replay(pool, actor, keyed).compose(stored -> stored.isPresent()
        ? Future.succeededFuture(stored.get())
        : SessionContext.inTransaction(pool, actor, conn -> claim(conn, keyed.scope(), keyed.key(), keyed.requestHash())
                .compose(claimed -> work.apply(conn))
                .compose(answer -> complete(conn, keyed.scope(), keyed.key(), status, answer).map(answer)))
            .recover(failure -> isDuplicateKey(failure)
                ? replay(pool, actor, keyed).map(Optional::orElseThrow)
                : Future.failedFuture(failure)));
  }

  private static Future<Optional<JsonObject>> replay(Pool pool, SessionContext.Actor actor, Keyed keyed) {
    return SessionContext.inTransaction(pool, actor, conn -> storedAnswer(conn, keyed.scope(), keyed.key()))
        .map(stored -> stored.map(answer -> {
          if (!answer.requestHash().equals(keyed.requestHash())) {
            throw keyReused();
          }
          return answer.body();
        }));
  }
}
