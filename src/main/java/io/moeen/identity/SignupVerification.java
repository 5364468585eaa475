package io.moeen.identity;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.common.kv.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A phone or an e-mail proved before the account exists. Asking sends a six-digit code through the outbox (SMS to a
 * phone, e-mail to an address) and keeps only its SHA-256 (salted with the verification's id); the code is good for
 * {@link #CODE_TTL} and {@link #TRIES} tries, a new one for the same destination ends the old one, and each
 * destination may ask {@link #REQUESTS_PER_WINDOW} times and each address {@link #IP_REQUESTS_PER_WINDOW} times per
 * {@link #REQUEST_WINDOW}. A verified code is spent by the registration that names it ({@link #use}).
 */
final class SignupVerification {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/identity/signup.sql");
  static final Duration CODE_TTL = Duration.ofMinutes(10);
  static final int TRIES = 5;
  static final int REQUESTS_PER_WINDOW = 3;
  static final int IP_REQUESTS_PER_WINDOW = 10;
  static final Duration REQUEST_WINDOW = Duration.ofMinutes(15);
  static final int RESEND_AFTER_SECONDS = 60;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Pool pool;
  private final KeyValueStore limits;

  SignupVerification(Pool pool, KeyValueStore limits) {
    this.pool = pool;
    this.limits = limits;
  }

  /** Where the code goes: exactly one of {@code phone} (normalized to E.164) or {@code email} (lower case). */
  private record Destination(String channel, String value, String phone, String email) {
    static Destination of(JsonObject body) {
      String email = blank(body.getString("email"));
      String phone = blank(body.getString("phone"));
      if ((email == null) == (phone == null)) {
        throw Problem.invalid("signup_contact_one", email == null ? "phone" : "email", Map.of());
      }
      if (phone != null) {
        String e164 = LoginIdentifier.normalizePhone(phone)
            .orElseThrow(() -> Problem.invalid("invalid_phone", "phone", Map.of("value", phone)));
        return new Destination("sms", e164, e164, null);
      }
      if (!email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
        throw Problem.invalid("invalid_email", "email", Map.of("value", email));
      }
      String lower = email.toLowerCase(Locale.ROOT);
      return new Destination("email", lower, null, lower);
    }
  }

  /** 202 {verificationId, channel, destination, expiresAt, resendAfterSeconds}; 409 when an account has it; 429 past the limits. */
  Future<JsonObject> request(RequestEnvelope request) {
    Destination to = Destination.of(request.bodyAsObject());
    String locale = "en".equals(request.locale()) ? "en" : "ar";
    return limited("signup:code:" + to.value(), REQUESTS_PER_WINDOW)
        .compose(ok -> limited("signup:code:ip:" + request.clientIp(), IP_REQUESTS_PER_WINDOW))
        .compose(ok -> pool.preparedQuery(SQL.get("account_with_contact")).execute(Tuple.of(to.email(), to.phone())))
        .compose(rows -> {
          if (rows.iterator().next().getBoolean("taken")) {
            return Future.failedFuture(new Problem(ProblemKind.CONFLICT, "account_exists", Map.of(),
                to.phone() != null ? "phone" : "email"));
          }
          UUID id = UUID.randomUUID();
          String code = String.format("%06d", RANDOM.nextInt(1_000_000));
          return pool.withTransaction(conn -> conn.preparedQuery(SQL.get("insert_code"))
              .execute(Tuple.from(new Object[] {id, to.value(), to.channel(), hash(id, code), CODE_TTL.toSeconds(),
                  request.clientIp()}))
              .compose(inserted -> {
                Row row = inserted.iterator().next();
                JsonObject payload = new JsonObject().put("code", code).put("minutes", CODE_TTL.toMinutes());
                return conn.preparedQuery(SQL.get("enqueue_code")).execute(Tuple.from(new Object[] {to.phone(), to.email(),
                        to.channel(), locale, payload, "signup_code:" + id}))
                    .map(done -> new JsonObject().put("verificationId", id.toString()).put("channel", to.channel())
                        .put("destination", to.value())
                        .put("expiresAt", row.getOffsetDateTime("expires_at").toInstant().toString())
                        .put("resendAfterSeconds", RESEND_AFTER_SECONDS));
              }));
        });
  }

  /** 200 when the code is right; 400 {@code signup_code_invalid} (tries left) or {@code signup_code_expired}. */
  Future<JsonObject> verify(RequestEnvelope request) {
    UUID id = UUID.fromString(request.param("id"));
    String code = request.bodyAsObject().getString("code", "").strip();
    String digits = io.moeen.common.i18n.Digits.toAscii(code);
    return pool.withTransaction(conn -> conn.preparedQuery(SQL.get("lock_code")).execute(Tuple.of(id))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.failedFuture(Problem.notFound("signup_verification_not_found", Map.of("id", id.toString())));
          }
          Row row = rows.iterator().next();
          JsonObject verified = new JsonObject().put("verificationId", id.toString()).put("verified", true)
              .put("channel", row.getString("channel")).put("destination", row.getString("destination"));
          if (row.getValue("verified_at") != null) {
            return Future.succeededFuture(verified);
          }
          if (!row.getBoolean("open") || row.getInteger("attempts") >= TRIES) {
            return Future.failedFuture(Problem.invalid("signup_code_expired", "code", Map.of()));
          }
          boolean right = MessageDigest.isEqual(hash(id, digits).getBytes(), row.getString("code_hash").getBytes());
          if (right) {
            return conn.preparedQuery(SQL.get("mark_verified")).execute(Tuple.of(id)).map(done -> verified);
          }
          return conn.preparedQuery(SQL.get("count_attempt")).execute(Tuple.of(id))
              .map(counted -> new JsonObject().put("wrong", true)
                  .put("left", Math.max(0, TRIES - counted.iterator().next().getInteger("attempts"))));
        }))
        // the wrong try is counted (committed) before the refusal
        .compose(answer -> answer.getBoolean("wrong", false)
            ? Future.failedFuture(answer.getInteger("left") == 0
                ? Problem.invalid("signup_code_expired", "code", Map.of())
                : Problem.invalid("signup_code_invalid", "code", Map.of("left", answer.getInteger("left"))))
            : Future.succeededFuture(answer));
  }

  /**
   * In the registration's transaction: spends each verification named, which must be verified, unused, recent and
   * for the phone or e-mail being registered; answers which of the two are verified. With the setting
   * {@code auth.signup_verification_required}, a phone or e-mail given without one is 400
   * {@code signup_verification_required}.
   */
  static Future<boolean[]> use(SqlConnection conn, JsonArray ids, String phone, String email) {
    boolean[] verified = new boolean[2];
    Future<Void> chain = Future.succeededFuture();
    for (Object value : ids == null ? new JsonArray() : ids) {
      UUID id = UUID.fromString(String.valueOf(value));
      chain = chain.compose(x -> conn.preparedQuery(SQL.get("use_verification")).execute(Tuple.of(id)).compose(rows -> {
        if (rows.size() == 0) {
          return Future.failedFuture(Problem.invalid("signup_verification_invalid", "verificationIds", Map.of()));
        }
        String destination = rows.iterator().next().getString("destination");
        if (destination.equals(phone)) {
          verified[0] = true;
        } else if (destination.equals(email)) {
          verified[1] = true;
        } else {
          return Future.failedFuture(Problem.invalid("signup_verification_invalid", "verificationIds", Map.of()));
        }
        return Future.succeededFuture();
      }));
    }
    return chain.compose(x -> conn.preparedQuery(SQL.get("verification_required")).execute())
        .compose(rows -> {
          boolean required = rows.size() > 0 && Boolean.parseBoolean(String.valueOf(rows.iterator().next().getValue("value")));
          if (required && phone != null && !verified[0]) {
            return Future.failedFuture(Problem.invalid("signup_verification_required", "phone", Map.of()));
          }
          if (required && email != null && !verified[1]) {
            return Future.failedFuture(Problem.invalid("signup_verification_required", "email", Map.of()));
          }
          return Future.succeededFuture(verified);
        });
  }

  static Future<Void> markUser(SqlConnection conn, UUID userId, boolean[] verified) {
    return !verified[0] && !verified[1] ? Future.succeededFuture()
        : conn.preparedQuery(SQL.get("mark_user_verified")).execute(Tuple.of(userId, verified[0], verified[1])).mapEmpty();
  }

  private Future<Void> limited(String key, int max) {
    return limits.increment(key, REQUEST_WINDOW).compose(count -> count <= max ? Future.<Void>succeededFuture()
        : limits.timeToLive(key).compose(left -> {
          long seconds = Math.max(1, left.map(Duration::toSeconds).orElse(REQUEST_WINDOW.toSeconds()));
          Map<String, Object> args = new HashMap<>();
          args.put("retryAfterSeconds", seconds);
          args.put("minutes", (seconds + 59) / 60);
          return Future.failedFuture(new Problem(ProblemKind.TOO_MANY_REQUESTS, "signup_code_limit", args));
        }));
  }

  static String hash(UUID id, String code) {
    return RefreshTokens.hash(id + ":" + code);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
