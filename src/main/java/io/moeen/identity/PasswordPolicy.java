package io.moeen.identity;

import io.moeen.common.errors.Problem;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: 10 to 256 characters, not one of the most common passwords, and
 * not the account's own email or phone. Refusals are 400 weak_password with the reason.
 */
final class PasswordPolicy {
  static final int MIN_LENGTH = 10;
  static final int MAX_LENGTH = 256;
  private static final String COMMON_LIST = "io/moeen/identity/common-passwords.txt";

  private final Set<String> common;

  private PasswordPolicy(Set<String> common) {
    this.common = common;
  }

  /** Reads the common-password list from the classpath (blocking; at start-up). */
  static PasswordPolicy load() {
    try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(COMMON_LIST)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + COMMON_LIST);
      }
      Set<String> words = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .map(String::trim)
          .filter(line -> !line.isEmpty() && !line.startsWith("#"))
          .map(line -> line.toLowerCase(Locale.ROOT))
          .collect(Collectors.toUnmodifiableSet());
      return new PasswordPolicy(words);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot read " + COMMON_LIST, e);
    }
  }

  /** Throws weak_password naming {@code field} when the password breaks a rule. */
  void check(String password, String field, String email, String phone) {
    reason(password, email, phone).ifPresent(reason -> {
      throw Problem.invalid("weak_password", field,
          Map.of("reason", reason, "minLength", MIN_LENGTH, "maxLength", MAX_LENGTH));
    });
  }

  Optional<String> reason(String password, String email, String phone) {
    int length = password == null ? 0 : password.codePointCount(0, password.length());
    if (length < MIN_LENGTH) {
      return Optional.of("too_short");
    }
    if (length > MAX_LENGTH) {
      return Optional.of("too_long");
    }
    String folded = password.trim().toLowerCase(Locale.ROOT);
    if (common.contains(folded)) {
      return Optional.of("too_common");
    }
    if (sameAs(folded, email) || samePhone(password, phone)) {
      return Optional.of("same_as_identifier");
    }
    return Optional.empty();
  }

  private static boolean sameAs(String folded, String identifier) {
    return identifier != null && folded.equals(identifier.toLowerCase(Locale.ROOT));
  }

  // "0551234567", "+966551234567" and the Arabic-Indic spelling are all the same phone number
  private static boolean samePhone(String password, String phone) {
    if (phone == null) {
      return false;
    }
    return password.trim().equals(phone)
        || LoginIdentifier.normalizePhone(password.trim()).map(phone::equals).orElse(false);
  }
}
