package io.moeen.identity;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in throttle's behaviour, run against the in-process store and against Redis by the
 * subclasses. Each case uses its own account and its own client address (127.0.0.x), because
 * counters outlive a test.
 */
abstract class LoginThrottleCases {
  abstract RunningApp app();

  private AuthCalls from(String address) {
    return new AuthCalls(app()).from(address);
  }

  @Test
  void five_failures_lock_the_account_even_for_the_right_password_with_retry_after() {
    AuthCalls attacker = from("127.0.0.11");
    for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
      assertThat(attacker.login(DemoAccounts.RECEPTIONIST, "wrong-password-" + i).statusCode()).isEqualTo(401);
    }
    HttpResponse<Buffer> locked = attacker.login(DemoAccounts.RECEPTIONIST, DemoAccounts.PASSWORD);
    assertTooMany(locked);
    // from another address too: the lock is on the account
    HttpResponse<Buffer> elsewhere = from("127.0.0.12").call(HttpMethod.POST, "/v1/auth/login", "ar", null,
        new JsonObject().put("identifier", "0500000003").put("password", DemoAccounts.PASSWORD));
    assertTooMany(elsewhere);
    assertThat(elsewhere.bodyAsJsonObject().getString("title")).isEqualTo("محاولات دخول كثيرة");

    long throttled = app().pool().preparedQuery(
            "SELECT count(*) FROM login_activity WHERE identifier IN ($1, '+966500000003') AND failure_reason = 'throttled' AND user_id IS NOT NULL")
        .execute(Tuple.of(DemoAccounts.RECEPTIONIST)).await().iterator().next().getLong(0);
    assertThat(throttled).isEqualTo(2);
    // someone else signs in from the attacker's address without trouble
    assertThat(attacker.login(DemoAccounts.DOCTOR_CARDIOLOGY, DemoAccounts.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void a_successful_sign_in_forgives_earlier_failures() {
    AuthCalls person = from("127.0.0.21");
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT - 1; i++) {
        assertThat(person.login(DemoAccounts.DOCTOR, "typo-" + i).statusCode()).isEqualTo(401);
      }
      assertThat(person.login(DemoAccounts.DOCTOR, DemoAccounts.PASSWORD).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void twenty_failures_from_one_address_lock_that_address_for_every_account() {
    AuthCalls sprayer = from("127.0.0.31");
    for (int i = 0; i < LoginThrottle.ADDRESS_LIMIT; i++) {
      assertThat(sprayer.login("nobody" + i + "@example.com", "guess-" + i).statusCode()).isEqualTo(401);
    }
    assertTooMany(sprayer.login(DemoAccounts.DOCTOR_PEDIATRICS, DemoAccounts.PASSWORD));
    assertThat(from("127.0.0.32").login(DemoAccounts.DOCTOR_PEDIATRICS, DemoAccounts.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void unknown_accounts_are_throttled_like_real_ones_so_the_answer_reveals_nothing() {
    AuthCalls prober = from("127.0.0.41");
    for (int i = 0; i < LoginThrottle.ACCOUNT_LIMIT; i++) {
      prober.login("ghost@example.com", "guess-" + i);
    }
    assertTooMany(prober.login("ghost@example.com", "guess"));
  }

  private static void assertTooMany(HttpResponse<Buffer> response) {
    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.bodyAsJsonObject().getString("code")).isEqualTo("too_many_attempts");
    long retryAfter = Long.parseLong(response.getHeader("Retry-After"));
    assertThat(retryAfter).isBetween(1L, LoginThrottle.WINDOW.toSeconds());
  }
}
