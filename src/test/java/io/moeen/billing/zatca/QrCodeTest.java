package io.moeen.billing.zatca;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QrCodeTest {
  @Test
  void the_published_zatca_vector_comes_out_byte_for_byte() {
    String qr = QrCode.phaseOne("Salla", "1234567891", Instant.parse("2021-07-12T14:25:09Z"), "100.00", "15.00");

    assertThat(qr).isEqualTo("AQVTYWxsYQIKMTIzNDU2Nzg5MQMUMjAyMS0wNy0xMlQxNDoyNTowOVoEBjEwMC4wMAUFMTUuMDA=");
  }

  @Test
  void an_arabic_seller_name_is_measured_in_utf8_bytes_not_characters() {
    String seller = "شركة عيادة معين الطبية";
    byte[] tlv = Base64.getDecoder().decode(QrCode.phaseOne(seller, "310122393500003",
        Instant.parse("2026-03-01T09:30:00.789Z"), "172.50", "22.50"));

    assertThat(tlv[0]).isEqualTo((byte) 1);
    int length = tlv[1] & 0xff;
    assertThat(length).isEqualTo(seller.getBytes(StandardCharsets.UTF_8).length).isNotEqualTo(seller.length());
    assertThat(new String(tlv, 2, length, StandardCharsets.UTF_8)).isEqualTo(seller);
    // the next tag starts right after the name's bytes: the VAT number, then the time to the second
    assertThat(tlv[2 + length]).isEqualTo((byte) 2);
    assertThat(tlv[3 + length]).isEqualTo((byte) 15);
    int time = 2 + length + 2 + 15;
    assertThat(tlv[time]).isEqualTo((byte) 3);
    assertThat(new String(tlv, time + 2, tlv[time + 1], StandardCharsets.UTF_8)).isEqualTo("2026-03-01T09:30:00Z");
  }

  @Test
  void a_value_longer_than_one_length_byte_is_refused_rather_than_cut() {
    assertThatThrownBy(() -> new QrCode().add(1, "ع".repeat(128)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("256 bytes");
  }
}
