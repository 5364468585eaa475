package io.moeen.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
  private final PasswordHasher hasher = new PasswordHasher();

  @Test
  void a_hash_verifies_its_password_only() {
    String stored = hasher.hash("كلمة مرور طويلة 2026");
    assertThat(hasher.verify("كلمة مرور طويلة 2026", stored)).isTrue();
    assertThat(hasher.verify("كلمة مرور طويلة 2027", stored)).isFalse();
    assertThat(hasher.needsRehash(stored)).isFalse();
  }

  @Test
  void the_decoy_is_a_well_formed_hash_with_todays_parameters_so_an_unknown_account_costs_a_real_verification() {
    // a malformed decoy would be refused by the pattern at once, and weaker parameters would be cheaper:
    // either would tell an attacker which accounts exist by the time a sign-in takes
    assertThat(hasher.needsRehash(PasswordHasher.DECOY)).isFalse();
    assertThat(PasswordHasher.DECOY).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    long real = timeOf(() -> hasher.verify("x", hasher.hash("y")));
    long decoy = timeOf(() -> hasher.verifyDecoy("x"));
    // the same work (a full Argon2id derivation), not a timing target: a malformed decoy takes microseconds
    assertThat(decoy).isGreaterThan(real / 20);
    assertThat(hasher.verify("decoy-password-for-timing", PasswordHasher.DECOY)).isFalse();
  }

  private static long timeOf(Runnable work) {
    work.run(); // warm
    long started = System.nanoTime();
    work.run();
    return System.nanoTime() - started;
  }
}
