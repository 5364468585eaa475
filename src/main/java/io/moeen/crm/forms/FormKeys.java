package io.moeen.crm.forms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A web form's key: 32 random bytes in base64url; the server keeps only its SHA-256 and prefix. */
final class FormKeys {
  static final int PREFIX_LENGTH = 8;
  private static final SecureRandom RANDOM = new SecureRandom();

  private FormKeys() {
  }

  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String prefix(String key) {
    return key.substring(0, PREFIX_LENGTH);
  }

  /** SHA-256 of a short string: microseconds, so it runs in place (unlike password hashing). */
  static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of a presented key with a stored hash. */
  static boolean matches(String presented, byte[] storedHash) {
    return presented != null && MessageDigest.isEqual(hash(presented), storedHash);
  }
}
