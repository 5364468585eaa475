package io.moeen.api;

import io.moeen.testing.RunningApp;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class GracefulShutdownTest {

  @Test
  void stopping_refuses_new_requests_but_finishes_the_one_in_flight() throws Exception {
    RunningApp app = RunningApp.start("graceful");
    try (Connection blocker = DriverManager.getConnection(app.database().jdbcUrl(), app.database().user(), "")) {
      // Hold a lock the request needs, so it is provably in flight when the stop begins.
      blocker.setAutoCommit(false);
      blocker.createStatement().execute("LOCK TABLE languages IN ACCESS EXCLUSIVE MODE");
      Future<HttpResponse<Buffer>> inFlight = app.client().get("/v1/languages").putHeader("Accept-Language", "ar").send();
      waitForLockWaiter(blocker);

      CompletableFuture<Void> stopping = CompletableFuture.runAsync(() -> app.application().stop());
      Thread.sleep(500);
      assertThat(stopping).as("stop waits for the request in flight").isNotDone();
      Future<HttpResponse<Buffer>> late = app.client().get("/health/live").send();
      assertThat(late.toCompletionStage().toCompletableFuture().handle((r, e) -> e != null).get(10, TimeUnit.SECONDS))
          .as("a new request after the stop began is refused").isTrue();

      blocker.commit();
      HttpResponse<Buffer> response = inFlight.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.bodyAsJsonObject().getJsonArray("items")).hasSize(2);
      stopping.get(30, TimeUnit.SECONDS);
    } finally {
      app.close();
    }
  }

  private static void waitForLockWaiter(Connection c) throws Exception {
    // 30 s, not 10: once, on a loaded CI (parallel forks on 2 cores, right after the app's start), the request took
    // longer than 10 s to reach the database; this waits for it to get there, it does not time it
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      try (ResultSet rs = c.createStatement().executeQuery(
          "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'moeen'")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the request never reached the database");
  }
}
