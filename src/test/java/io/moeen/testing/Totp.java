package io.moeen.testing;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** RFC 6238 codes as an authenticator app shows them, for tests that sign in with two factors. */
public final class Totp {
  private Totp() {
  }

  /**
   * Waits, if the current 30-second step has fewer than {@code secondsNeeded} left, for the next one to
   * begin: a test that takes codes for "now", the step before and the step after, and uses them a few
   * calls later, must not see the step change in between (the server's window would then have moved).
   */
  public static void awaitStepWithRoom(int secondsNeeded) {
    long intoStep = System.currentTimeMillis() % 30_000;
    long left = 30_000 - intoStep;
    if (left < secondsNeeded * 1000L) {
      try {
        Thread.sleep(left + 50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The code for the 30-second step {@code offset} steps from now, from the base32 secret. */
  public static String code(String base32Secret, int offset) {
    try {
      long step = System.currentTimeMillis() / 1000 / 30 + offset;
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(base32(base32Secret), "HmacSHA1"));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int o = h[h.length - 1] & 0xf;
      int bin = ((h[o] & 0x7f) << 24) | ((h[o + 1] & 0xff) << 16) | ((h[o + 2] & 0xff) << 8) | (h[o + 3] & 0xff);
      return String.format("%06d", bin % 1_000_000);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] base32(String text) {
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int buffer = 0;
    int bits = 0;
    for (char c : text.replace("=", "").toUpperCase().toCharArray()) {
      buffer = (buffer << 5) | alphabet.indexOf(c);
      bits += 5;
      if (bits >= 8) {
        out.write((buffer >> (bits - 8)) & 0xff);
        bits -= 8;
      }
    }
    return out.toByteArray();
  }
}
