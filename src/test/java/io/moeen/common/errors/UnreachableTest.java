package io.moeen.common.errors;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;

import static org.assertj.core.api.Assertions.assertThat;

class UnreachableTest {
  @Test
  void a_backend_that_cannot_be_reached_is_told_apart_from_a_fault() {
    assertThat(Unreachable.is(new ConnectException("Connection refused: /127.0.0.1:5432"))).isTrue();
    assertThat(Unreachable.is(new IllegalStateException("while booking",
        new java.nio.channels.ClosedChannelException()))).isTrue();
    assertThat(Unreachable.is(new RuntimeException("FATAL: terminating connection due to administrator command")))
        .isTrue();
    assertThat(Unreachable.is(new IllegalStateException("relation \"system_settings\" does not exist"))).isFalse();
    assertThat(Unreachable.is(new IllegalArgumentException("bad key"))).isFalse();
    assertThat(Unreachable.is(null)).isFalse();
  }
}
