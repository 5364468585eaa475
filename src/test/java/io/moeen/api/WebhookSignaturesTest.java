package io.moeen.api;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignaturesTest {
  private static final byte[] BODY = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

  @Test
  void the_hmac_of_the_raw_bytes_with_the_secret_matches_in_either_hex_case() {
    String hex = HexFormat.of().formatHex(WebhookSignatures.hmac("s3cret", BODY));
    assertThat(WebhookSignatures.matches("s3cret", BODY, "sha256=" + hex)).isTrue();
    assertThat(WebhookSignatures.matches("s3cret", BODY, "sha256=" + hex.toUpperCase())).isTrue();
  }

  @Test
  void another_secret_another_body_or_a_malformed_header_does_not_match() {
    String hex = HexFormat.of().formatHex(WebhookSignatures.hmac("s3cret", BODY));
    assertThat(WebhookSignatures.matches("other", BODY, "sha256=" + hex)).isFalse();
    assertThat(WebhookSignatures.matches("s3cret", "{}".getBytes(StandardCharsets.UTF_8), "sha256=" + hex)).isFalse();
    assertThat(WebhookSignatures.matches("s3cret", BODY, hex)).isFalse();
    assertThat(WebhookSignatures.matches("s3cret", BODY, "sha1=" + hex)).isFalse();
    assertThat(WebhookSignatures.matches("s3cret", BODY, "sha256=zz")).isFalse();
    assertThat(WebhookSignatures.matches("s3cret", BODY, "sha256=" + hex.substring(2))).isFalse();
    assertThat(WebhookSignatures.matches("s3cret", BODY, null)).isFalse();
  }

  @Test
  void a_known_vector_matches() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertThat(HexFormat.of().formatHex(WebhookSignatures.hmac("Jefe",
        "what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII))))
        .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  }
}
