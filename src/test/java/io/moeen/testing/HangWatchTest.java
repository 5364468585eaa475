package io.moeen.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The watch every test runs under: a method over its limit is interrupted and fails with every thread's stack. */
class HangWatchTest {

  @Test
  void a_method_over_its_limit_is_interrupted_and_fails_naming_where_it_waited() throws Exception {
    assertThatThrownBy(() -> HangWatch.watch(() -> {
      Thread.sleep(60_000);
      return null;
    }, "HangWatchTest.sleeper", Duration.ofMillis(200), Duration.ofSeconds(30)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("HangWatchTest.sleeper ran over 200 ms")
        .hasMessageContaining("java.lang.Thread.sleep")
        .hasMessageContaining(Thread.currentThread().getName())
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).as("the watch's interrupt does not leak into what follows").isFalse();
    assertThat(Files.readString(HangWatch.HANGS.resolve("HangWatchTest.sleeper.txt"))).contains("java.lang.Thread.sleep");
    Thread.sleep(100); // and nothing ends this JVM: the halt was cancelled with the method's return
  }

  @Test
  void a_method_within_its_limit_returns_its_result_or_its_own_failure() throws Throwable {
    assertThat(HangWatch.watch(() -> 42, "quick", Duration.ofSeconds(5), Duration.ofSeconds(5))).isEqualTo(42);
    IllegalStateException own = new IllegalStateException("its own");
    assertThatThrownBy(() -> HangWatch.watch(() -> {
      throw own;
    }, "failing", Duration.ofSeconds(5), Duration.ofSeconds(5))).isSameAs(own);
  }

  @Test
  void the_stacks_show_who_holds_a_lock_another_thread_waits_on() throws Exception {
    Object lock = new Object();
    Thread waiter;
    synchronized (lock) {
      waiter = new Thread(() -> {
        synchronized (lock) {
          lock.notifyAll();
        }
      }, "hang-watch-waiter");
      waiter.start();
      while (waiter.getState() != Thread.State.BLOCKED) {
        Thread.sleep(5);
      }
      assertThat(HangWatch.allStacks()).contains("\"hang-watch-waiter\"", "BLOCKED on java.lang.Object@",
          "owned by \"" + Thread.currentThread().getName() + "\"", "- locked java.lang.Object@");
    }
    waiter.join(5_000);
  }
}
