package io.moeen.notifications;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /v1/me/notifications/stream read by a real HTTP client while the service's own dispatcher delivers. */
class LiveStreamTest {
  // how long an event may take to arrive: waited for, never timed (a loaded CI once took over 10 s)
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static RunningApp app;
  private static String ahmed;

  @BeforeAll
  static void start() {
    app = RunningApp.start("live_stream", Map.of("MOEEN_DISPATCH_INTERVAL_MS", "100"));
    ahmed = app.loginAs(DemoAccounts.PATIENT_AHMED);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static SseClient open(String token, String lang, Map<String, String> extra) {
    var headers = new java.util.HashMap<>(Map.of("Authorization", "Bearer " + token, "Accept-Language", lang));
    headers.putAll(extra);
    return new SseClient(app.clientVertx(), app.port(), "/v1/me/notifications/stream", headers);
  }

  @Test
  void a_delivered_notification_arrives_as_the_inbox_item_followed_by_the_unread_count() throws Exception {
    try (SseClient stream = open(ahmed, "en", Map.of())) {
      assertThat(stream.response.statusCode()).isEqualTo(200);
      assertThat(stream.response.getHeader("Content-Type")).startsWith("text/event-stream");
      long before = stream.next("unread-count", WAIT).data().getLong("unread");

      UUID id = insert(DemoAccounts.AHMED_USER_ID, "appointment_booked");
      SseClient.Event notice = stream.next("notification", WAIT);
      assertThat(notice.id()).isEqualTo(id.toString());
      JsonObject inboxItem = app.get("/v1/me/notifications?limit=100", "en", ahmed).bodyAsJsonObject()
          .getJsonArray("items").stream().map(JsonObject.class::cast)
          .filter(item -> item.getString("id").equals(id.toString())).findFirst().orElseThrow();
      assertThat(notice.data()).isEqualTo(inboxItem);
      assertThat(notice.data().getString("title")).isEqualTo("Your appointment is booked");
      assertThat(stream.next("unread-count", WAIT).data().getLong("unread")).isEqualTo(before + 1);
      assertThat(status(id)).isEqualTo("delivered");

      // reading it elsewhere updates the count on the stream
      assertThat(app.send(app.client().post("/v1/me/notifications/" + id + "/read")
          .putHeader("Authorization", "Bearer " + ahmed), "en", null, null).statusCode()).isEqualTo(204);
      assertThat(stream.next("unread-count", WAIT).data().getLong("unread")).isEqualTo(before);
    }
  }

  @Test
  void another_persons_notifications_never_reach_the_stream() throws Exception {
    try (SseClient stream = open(ahmed, "ar", Map.of())) {
      stream.next("unread-count", WAIT);
      UUID someoneElse = insert(DemoAccounts.YOUSEF_USER_ID, "appointment_booked");
      waitDelivered(someoneElse);
      UUID mine = insert(DemoAccounts.AHMED_USER_ID, "appointment_cancelled");
      SseClient.Event notice = stream.next("notification", WAIT);
      assertThat(notice.id()).isEqualTo(mine.toString());
      assertThat(notice.data().getString("locale")).isEqualTo("ar");
      assertThat(notice.data().getString("title")).isEqualTo("أُلغي موعدك");
    }
  }

  @Test
  void last_event_id_replays_what_was_delivered_meanwhile_in_order() throws Exception {
    UUID first;
    try (SseClient stream = open(ahmed, "en", Map.of())) {
      stream.next("unread-count", WAIT);
      first = insert(DemoAccounts.AHMED_USER_ID, "appointment_booked");
      assertThat(stream.next("notification", WAIT).id()).isEqualTo(first.toString());
    }
    UUID second = insert(DemoAccounts.AHMED_USER_ID, "appointment_rescheduled");
    waitDelivered(second);
    UUID third = insert(DemoAccounts.AHMED_USER_ID, "appointment_cancelled");
    waitDelivered(third);
    try (SseClient again = open(ahmed, "en", Map.of("Last-Event-ID", first.toString()))) {
      assertThat(again.next(WAIT).id()).isEqualTo(second.toString());
      assertThat(again.next(WAIT).id()).isEqualTo(third.toString());
      assertThat(again.next(WAIT).event()).isEqualTo("unread-count");
    }
    // an id the client cannot have seen: nothing to replay from, so it is told to reload the inbox
    try (SseClient lost = open(ahmed, "en", Map.of("Last-Event-ID", UUID.randomUUID().toString()))) {
      SseClient.Event resync = lost.next(WAIT);
      assertThat(resync.event()).isEqualTo("resync");
      assertThat(resync.data().getString("reason")).isEqualTo("unknown_last_event");
    }
  }

  @Test
  void the_token_may_come_in_the_query_for_event_source_and_is_never_logged() throws Exception {
    Logger access = (Logger) LoggerFactory.getLogger("io.moeen");
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    access.addAppender(logs);
    try (SseClient stream = new SseClient(app.clientVertx(), app.port(),
        "/v1/me/notifications/stream?maxSeconds=1&access_token=" + ahmed, Map.of("Accept-Language", "en"))) {
      assertThat(stream.response.statusCode()).isEqualTo(200);
      assertThat(stream.response.getHeader("Referrer-Policy")).isEqualTo("no-referrer");
      assertThat(stream.next("unread-count", WAIT)).isNotNull();
      assertThat(stream.endsWithin(WAIT)).as("maxSeconds ends the stream").isTrue();
      // the access line is written once the server has ended the response, which may be after the client saw it end
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (System.nanoTime() < deadline && snapshot(logs).stream()
          .noneMatch(e -> e.getFormattedMessage().contains("/v1/me/notifications/stream"))) {
        Thread.sleep(20);
      }
    } finally {
      access.detachAppender(logs);
    }
    List<String> lines = snapshot(logs).stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).anyMatch(l -> l.contains("/v1/me/notifications/stream"));
    assertThat(lines).noneMatch(l -> l.contains(ahmed) || l.contains("access_token"));
  }

  @Test
  void without_a_valid_token_it_is_401_problem_json_and_no_stream() {
    var none = app.get("/v1/me/notifications/stream", "ar");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.getHeader("Content-Type")).startsWith("application/problem+json");
    var bad = app.get("/v1/me/notifications/stream?access_token=not.a.token", "en");
    assertThat(bad.statusCode()).isEqualTo(401);
    assertThat(bad.bodyAsJsonObject().getString("code")).isEqualTo("invalid_token");
  }

  @Test
  void signing_out_ends_the_stream_and_nothing_more_is_sent() throws Exception {
    JsonObject pair = app.post("/v1/auth/login", "en", "application/json", new JsonObject()
        .put("identifier", DemoAccounts.PATIENT_AHMED).put("password", DemoAccounts.PASSWORD).encode()).bodyAsJsonObject();
    try (SseClient stream = open(pair.getString("accessToken"), "en", Map.of())) {
      stream.next("unread-count", WAIT);
      assertThat(app.post("/v1/auth/logout", "en", "application/json",
          new JsonObject().put("refreshToken", pair.getString("refreshToken")).encode()).statusCode()).isEqualTo(204);
      UUID after = insert(DemoAccounts.AHMED_USER_ID, "appointment_booked");
      waitDelivered(after);
      assertThat(stream.endsWithin(WAIT)).as("the stream ends once its session is gone").isTrue();
      assertThat(stream.drained()).noneMatch(e -> after.toString().equals(e.id()));
    }
  }

  /**
   * A real browser's EventSource: Chromium loads a page from a loopback server that also passes
   * /v1 on to the service (same origin, as a reverse proxy would), the page opens the stream with
   * ?access_token=, and writes what arrives into the DOM. The notification is written only once
   * the stream's answer has passed the proxy, so it can arrive only over the open stream.
   */
  @Test
  void a_browser_event_source_receives_the_notification() throws Exception {
    io.moeen.testing.HeadlessBrowser.require();
    String page = """
        <!doctype html><html><body><pre id="out">waiting</pre><script>
        const out = document.getElementById('out');
        let unread = '?';
        const es = new EventSource('/v1/me/notifications/stream?maxSeconds=40&access_token=TOKEN');
        es.addEventListener('unread-count', e => { unread = JSON.parse(e.data).unread; });
        es.addEventListener('notification', e => {
          out.textContent = 'got ' + e.lastEventId + ' | ' + JSON.parse(e.data).title + ' | before ' + unread;
          es.close();
        });
        es.onerror = () => { out.textContent = 'error ' + es.readyState; es.close(); };
        </script></body></html>""".replace("TOKEN", ahmed);
    var vertx = app.clientVertx();
    var toApp = vertx.createHttpClient();
    var streamOpen = new java.util.concurrent.CompletableFuture<Void>();
    var site = vertx.createHttpServer().requestHandler(request -> {
      if (request.path().equals("/")) {
        request.response().putHeader("Content-Type", "text/html; charset=utf-8").end(page);
        return;
      }
      request.pause();
      toApp.request(request.method(), app.port(), "127.0.0.1", request.uri())
          .compose(forward -> {
            forward.headers().setAll(request.headers());
            return forward.send(request);
          })
          .onSuccess(answer -> {
            request.response().setStatusCode(answer.statusCode()).headers().setAll(answer.headers());
            answer.pipeTo(request.response());
            if (request.path().endsWith("/stream") && answer.statusCode() == 200) {
              streamOpen.complete(null);
            }
          })
          .onFailure(e -> request.response().setStatusCode(502).end());
    }).listen(0, "127.0.0.1").await();
    try {
      var browser = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        try {
          return io.moeen.testing.HeadlessBrowser.renderedDom("http://127.0.0.1:" + site.actualPort() + "/");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      streamOpen.get(60, java.util.concurrent.TimeUnit.SECONDS);
      UUID id = insert(DemoAccounts.AHMED_USER_ID, "appointment_booked");
      String dom = browser.get(90, java.util.concurrent.TimeUnit.SECONDS);
      assertThat(dom).contains("got " + id + " | Your appointment is booked | before ");
    } finally {
      site.close().await();
      toApp.close().await();
    }
  }

  private static UUID insert(UUID user, String eventType) {
    UUID id = UUID.randomUUID();
    app.pool().preparedQuery("""
        INSERT INTO notifications (id, recipient_user_id, channel, event_type, locale, payload, priority, idempotency_key)
        VALUES ($1, $2, 'in_app', $3, 'en', '{"startsAt": "2030-12-01T09:00:00Z", "previousStartsAt": "2030-11-30T09:00:00Z"}',
                'urgent', $4)""").execute(Tuple.of(id, user, eventType, "live-" + id)).await();
    return id;
  }

  private static String status(UUID id) {
    return app.pool().preparedQuery("SELECT status FROM notifications WHERE id = $1").execute(Tuple.of(id)).await()
        .iterator().next().getString("status");
  }

  private static void waitDelivered(UUID id) throws InterruptedException {
    for (int i = 0; i < 300 && !"delivered".equals(status(id)); i++) {
      Thread.sleep(100);
    }
    assertThat(status(id)).isEqualTo("delivered");
  }

  /** The events so far: the appender appends under its own lock (AppenderBase.doAppend). */
  private static List<ILoggingEvent> snapshot(ListAppender<ILoggingEvent> logs) {
    synchronized (logs) {
      return List.copyOf(logs.list);
    }
  }
}
