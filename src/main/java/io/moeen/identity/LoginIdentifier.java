package io.moeen.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.moeen.common.i18n.Digits;

import java.util.Locale;
import java.util.Optional;

/**
 * What a person types to sign in: an email address or a phone number (Saudi by default, with
 * Arabic-Indic digits accepted), normalized to how accounts store them.
 */
public record LoginIdentifier(Optional<String> email, Optional<String> phone) {
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  static final String DEFAULT_REGION = "SA";

  public static Optional<LoginIdentifier> parse(String typed) {
    if (typed == null || typed.isBlank() || typed.length() > 254) {
      return Optional.empty();
    }
    String text = Digits.toAscii(typed.trim());
    if (text.contains("@")) {
      return Optional.of(new LoginIdentifier(Optional.of(text.toLowerCase(Locale.ROOT)), Optional.empty()));
    }
    return normalizePhone(text).map(phone -> new LoginIdentifier(Optional.empty(), Optional.of(phone)));
  }

  /** E.164, or empty when it is not a valid number. */
  public static Optional<String> normalizePhone(String typed) {
    try {
      var number = PHONES.parse(Digits.toAscii(typed), DEFAULT_REGION);
      if (!PHONES.isValidNumber(number)) {
        return Optional.empty();
      }
      return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }

  /** The form kept in login records and rate-limit keys. */
  public String key() {
    return email.orElseGet(phone::get);
  }
}
