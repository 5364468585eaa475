package io.moeen.crm.leads;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.Digits;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How a lead can be reached, in the one form the CRM stores and dedupes on: the phone in E.164
 * (Saudi by default; Arabic-Indic and Persian digits, spaces and dashes accepted, so
 * {@code 0551234567}, {@code +966 55 123 4567} and {@code ٠٥٥١٢٣٤٥٦٧} are the same number) and the
 * e-mail in lower case. Either may be null, not both.
 */
public record LeadContact(String phone, String email) {
  public static final String DEFAULT_REGION = "SA";
  private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

  /** Both normalized; 400 {@code invalid_phone} / {@code invalid_email} naming the field, or {@code lead_contact_required}. */
  public static LeadContact of(String phone, String email) {
    LeadContact contact = new LeadContact(phone(phone), email(email));
    if (contact.phone == null && contact.email == null) {
      throw Problem.invalid("lead_contact_required", "phone", Map.of());
    }
    return contact;
  }

  /** E.164, null for a blank input; 400 {@code invalid_phone} (field {@code phone}) when it is not a valid number. */
  public static String phone(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    String ascii = Digits.toAscii(typed.strip());
    try {
      var number = PHONES.parse(ascii, DEFAULT_REGION);
      if (ascii.length() <= 32 && PHONES.isValidNumber(number)) {
        return PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
      }
    } catch (NumberParseException e) {
      // reported below
    }
    throw Problem.invalid("invalid_phone", "phone", Map.of("value", typed.length() > 32 ? typed.substring(0, 32) : typed));
  }

  /** Lower case, null for a blank input; 400 {@code invalid_email} (field {@code email}) otherwise. */
  public static String email(String typed) {
    if (typed == null || typed.isBlank()) {
      return null;
    }
    String email = typed.strip().toLowerCase(Locale.ROOT);
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw Problem.invalid("invalid_email", "email", Map.of("value", email.length() > 64 ? email.substring(0, 64) : email));
    }
    return email;
  }
}
