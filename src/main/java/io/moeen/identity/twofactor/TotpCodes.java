package io.moeen.identity.twofactor;

import io.moeen.common.i18n.Digits;
import io.moeen.common.kv.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.ext.auth.otp.OtpKey;
import io.vertx.ext.auth.otp.OtpKeyGenerator;
import io.vertx.ext.auth.otp.totp.TotpAuth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/**
 * Time-based one-time codes (RFC 6238: HMAC-SHA1, 6 digits, 30-second steps). Secrets and
 * otpauth URIs come from vertx-auth-otp; codes are checked here because the library accepts only
 * the current step, and a phone clock a few seconds off would then fail at every step boundary:
 * we accept the step before and after too. A code is good once: the step it matched is
 * remembered in the key-value store until it can no longer match.
 */
public final class TotpCodes {
  public static final String ISSUER = "Moeen";
  static final long PERIOD_SECONDS = 30;
  static final int DIGITS = 6;
  static final int WINDOW_STEPS = 1;
  private static final Duration USED_MEMORY = Duration.ofSeconds(PERIOD_SECONDS * (2 * WINDOW_STEPS + 2));

  private final KeyValueStore store;
  private final Clock clock;

  public TotpCodes(KeyValueStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** A new 160-bit secret, base32 (what authenticator apps take). */
  public static String newSecret() {
    return OtpKeyGenerator.create().generate(160).getKey();
  }

  /** {@code otpauth://totp/Moeen:<account>?secret=…&issuer=Moeen…} for a QR code. */
  public static String uri(String secret, String account) {
    return TotpAuth.create().generateUri(key(secret), ISSUER, account);
  }

  /** True when the code is right for now (±1 step) and has not been used before. */
  public Future<Boolean> accept(UUID userId, String secret, String typed) {
    String code = typed == null ? "" : Digits.toAscii(typed.trim());
    if (secret == null || !code.matches("[0-9]{" + DIGITS + "}")) {
      return Future.succeededFuture(false);
    }
    long now = clock.millis() / 1000 / PERIOD_SECONDS;
    for (long step = now - WINDOW_STEPS; step <= now + WINDOW_STEPS; step++) {
      if (MessageDigest.isEqual(code.getBytes(StandardCharsets.US_ASCII),
          codeAt(secret, step).getBytes(StandardCharsets.US_ASCII))) {
        return store.putIfAbsent("totp:used:" + userId + ":" + step, "1", USED_MEMORY);
      }
    }
    return Future.succeededFuture(false);
  }

  static String codeAt(String secret, long step) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(key(secret).getKeyBytes(), "HmacSHA1"));
      byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = hash[hash.length - 1] & 0x0f;
      int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
          | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
      return String.format("%0" + DIGITS + "d", binary % 1_000_000);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static OtpKey key(String secret) {
    return new OtpKey().setKey(secret).setAlgorithm("SHA1");
  }
}
