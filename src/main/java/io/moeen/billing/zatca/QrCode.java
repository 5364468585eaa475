package io.moeen.billing.zatca;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * ZATCA phase 1 QR payload: base64 of tag-length-value fields 1–5 (seller name, VAT number, time stamp,
 * total with VAT, VAT total). Lengths count UTF-8 BYTES, not characters: an Arabic seller name is twice as
 * long in bytes as in letters, and a character count makes a code readers refuse.
 */
public final class QrCode {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

  QrCode() {
  }

  /** The phase 1 fields; {@code issuedAt} to the second, in UTC ("2021-07-12T14:25:09Z"). */
  public static String phaseOne(String sellerName, String vatNumber, Instant issuedAt, String totalWithVat,
                                String vatTotal) {
    return new QrCode()
        .add(1, sellerName)
        .add(2, vatNumber)
        .add(3, DateTimeFormatter.ISO_INSTANT.format(issuedAt.truncatedTo(ChronoUnit.SECONDS)))
        .add(4, totalWithVat)
        .add(5, vatTotal)
        .base64();
  }

  QrCode add(int tag, String value) {
    return add(tag, value.getBytes(StandardCharsets.UTF_8));
  }

  /** One field; its value may be at most 255 bytes (one length byte). */
  QrCode add(int tag, byte[] value) {
    if (value.length > 255) {
      throw new IllegalArgumentException("QR tag " + tag + " is " + value.length + " bytes; at most 255 fit");
    }
    bytes.write(tag);
    bytes.write(value.length);
    bytes.writeBytes(value);
    return this;
  }

  String base64() {
    return Base64.getEncoder().encodeToString(bytes.toByteArray());
  }
}
