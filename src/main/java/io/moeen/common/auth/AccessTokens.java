package io.moeen.common.auth;

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
 */
public final class AccessTokens {
  public static final String ISSUER = "moeen";
  public static final String AUDIENCE = "moeen-api";
  public static final String ALGORITHM = "ES256";
  public static final Duration ACCESS_TTL = Duration.ofMinutes(15);

  private final JWTAuth jwt;

  public AccessTokens(Vertx vertx, SigningKeys keys) {
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(keys.publicPem()))
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(keys.privatePem()))
        .setJWTOptions(new JWTOptions()
            .setIssuer(ISSUER)
            .setAudience(List.of(AUDIENCE))
            .setLeeway(30)));
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
            return Future.succeededFuture(new Verified(UUID.fromString(claims.getString("sub")),
                sid == null ? Optional.empty() : Optional.of(UUID.fromString(sid))));
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
