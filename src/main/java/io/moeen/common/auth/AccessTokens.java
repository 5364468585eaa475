package io.moeen.common.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Short-lived signed access tokens (JWT, ES256 only). Verification checks the signature with the
 * one allowed algorithm, {@code iss}, {@code aud}, {@code exp}/{@code nbf} (30 s leeway) and our
 * {@code typ} claim, so a token minted for another purpose (the 2FA step) is not an access token.
 * A token whose signature checked out is remembered for a minute: the ES256 check is most of the
 * CPU an authenticated request costs, and a client sends the same token again and again. The time
 * claims are still checked on every use.
 */
public final class AccessTokens {
  public static final String ISSUER = "moeen";
  public static final String AUDIENCE = "moeen-api";
  public static final String ALGORITHM = "ES256";
  public static final Duration ACCESS_TTL = Duration.ofMinutes(15);
  private static final long LEEWAY_SECONDS = 30;
  /** How long a verified signature is trusted again without checking: bounds how long a withdrawn key still opens. */
  private static final Duration REMEMBERED = Duration.ofSeconds(60);

  private final JWTAuth jwt;
  private final Cache<String, Claims> verified = Caffeine.newBuilder()
      .expireAfterWrite(REMEMBERED)
      .maximumSize(20_000)
      .executor(Runnable::run)
      .build();

  /** What a verified token says; {@code notBefore}/{@code expires} in epoch seconds. */
  private record Claims(Verified who, String type, long notBefore, long expires) {
    boolean timely(long now) {
      return now >= notBefore - LEEWAY_SECONDS && now < expires + LEEWAY_SECONDS;
    }
  }

  public AccessTokens(Vertx vertx, SigningKeys keys) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(keys.publicPem()))
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(keys.privatePem()))
        .setJWTOptions(new JWTOptions()
            .setIssuer(ISSUER)
            .setAudience(List.of(AUDIENCE))
            .setLeeway((int) LEEWAY_SECONDS)));
  }

  /** A signed token for {@code userId}, of type {@code type} ("access", "mfa"), valid for {@code ttl}. */
  public String issue(UUID userId, String type, Duration ttl) {
    return issue(userId, type, ttl, null);
  }

  /**
   * A token bound to a sign-in session ({@code sid}: the refresh-token family). When that session
   * ends (logout, reuse detected, password changed, account deactivated) the token stops working
   * at once, not when it expires.
   */
  public String issue(UUID userId, String type, Duration ttl, UUID sessionId) {
    long now = System.currentTimeMillis() / 1000;
    JsonObject claims = new JsonObject()
        .put("sub", userId.toString())
        .put("typ", type)
        .put("nbf", now)
        .put("jti", UUID.randomUUID().toString());
    if (sessionId != null) {
      claims.put("sid", sessionId.toString());
    }
    return jwt.generateToken(claims, new JWTOptions()
        .setAlgorithm(ALGORITHM)
        .setIssuer(ISSUER)
        .setAudience(List.of(AUDIENCE))
        .setExpiresInSeconds((int) ttl.toSeconds()));
  }

  /** A verified token: whose it is and, for session tokens, the sign-in session it belongs to. */
  public record Verified(UUID userId, Optional<UUID> sessionId) {
  }

  /** The user id of a valid token of the given type; fails with {@link InvalidTokenException} otherwise. */
  public Future<UUID> verify(String token, String type) {
    return verifyWithSession(token, type).map(Verified::userId);
  }

  /** Like {@link #verify} but also gives the session ({@code sid}) the token was issued for. */
  public Future<Verified> verifyWithSession(String token, String type) {
    if (token == null || token.isBlank() || token.length() > 4096) {
      return Future.failedFuture(new InvalidTokenException("malformed"));
    }
    Claims known = verified.getIfPresent(token);
    if (known != null && known.timely(System.currentTimeMillis() / 1000)) {
      return type.equals(known.type())
          ? Future.succeededFuture(known.who())
          : Future.failedFuture(new InvalidTokenException("wrong token type"));
    }
    return jwt.authenticate(new TokenCredentials(token))
        .recover(e -> Future.failedFuture(new InvalidTokenException(e.getMessage())))
        .compose(user -> {
          JsonObject claims = user.attributes().getJsonObject("accessToken", new JsonObject());
          if (!claims.containsKey("exp")) {
            return Future.failedFuture(new InvalidTokenException("no expiry"));
          }
          if (!type.equals(claims.getString("typ"))) {
            return Future.failedFuture(new InvalidTokenException("wrong token type"));
          }
          try {
            String sid = claims.getString("sid");
            Verified who = new Verified(UUID.fromString(claims.getString("sub")),
                sid == null ? Optional.empty() : Optional.of(UUID.fromString(sid)));
            verified.put(token, new Claims(who, type, claims.getLong("nbf", 0L), claims.getLong("exp")));
            return Future.succeededFuture(who);
          } catch (RuntimeException e) {
            return Future.failedFuture(new InvalidTokenException("bad subject"));
          }
        });
  }

  /** Why a token was refused; kept out of answers to clients. */
  public static final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String reason) {
      super(reason, null, false, false);
    }
  }
}
