package io.moeen.common.files;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The type comes from the bytes: the accepted kinds are recognised, and text is text whatever it is called. */
class ContentSnifferTest {
  static byte[] dicom() {
    byte[] bytes = new byte[256];
    System.arraycopy("DICM".getBytes(StandardCharsets.US_ASCII), 0, bytes, 128, 4);
    return bytes;
  }

  @Test
  void pdf_jpeg_png_and_dicom_are_recognised_from_their_first_bytes() {
    assertThat(ContentSniffer.detect("%PDF-1.7\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1))).isEqualTo("application/pdf");
    assertThat(ContentSniffer.detect(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0}))
        .isEqualTo("image/jpeg");
    assertThat(ContentSniffer.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'}))
        .isEqualTo("image/png");
    assertThat(ContentSniffer.detect(dicom())).isEqualTo("application/dicom");
  }

  @Test
  void text_is_not_an_image_and_nothing_is_octets() {
    assertThat(ContentSniffer.detect("this is not a picture\n".getBytes(StandardCharsets.UTF_8))).isEqualTo("text/plain");
    assertThat(ContentSniffer.detect(new byte[0])).isEqualTo("application/octet-stream");
  }
}
