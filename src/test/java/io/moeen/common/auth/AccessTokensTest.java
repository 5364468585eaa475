package io.moeen.common.auth;

import io.moeen.testing.Scratch;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token whose signature was verified once is remembered, but never for more than it said. */
class AccessTokensTest {
  static Vertx vertx;
  static AccessTokens tokens;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    tokens = new AccessTokens(vertx, SigningKeys.loadOrCreate(Scratch.dir("moeen-keys")));
  }

  @AfterAll
  static void stop() {
    vertx.close().await();
  }

  @Test
  void a_remembered_token_still_says_whose_session_it_is() {
    UUID user = UUID.randomUUID();
    UUID session = UUID.randomUUID();
    String token = tokens.issue(user, "access", Duration.ofMinutes(5), session);

    for (int i = 0; i < 3; i++) {
      AccessTokens.Verified verified = tokens.verifyWithSession(token, "access").await();
      assertThat(verified.userId()).isEqualTo(user);
      assertThat(verified.sessionId()).contains(session);
    }
  }

  @Test
  void a_remembered_token_is_still_refused_as_another_type() {
    String token = tokens.issue(UUID.randomUUID(), "mfa", Duration.ofMinutes(5));
    assertThat(tokens.verify(token, "mfa").await()).isNotNull();

    assertThatThrownBy(() -> tokens.verify(token, "access").await())
        .isInstanceOf(AccessTokens.InvalidTokenException.class);
  }

  @Test
  void a_token_altered_after_a_good_one_was_remembered_is_refused() {
    String token = tokens.issue(UUID.randomUUID(), "access", Duration.ofMinutes(5));
    tokens.verify(token, "access").await();
    String altered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

    assertThatThrownBy(() -> tokens.verify(altered, "access").await())
        .isInstanceOf(AccessTokens.InvalidTokenException.class);
  }
}
