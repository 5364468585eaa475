package io.moeen.notifications;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A real HTTP client reading a Server-Sent Events answer as it arrives, parsed the way EventSource does. */
public final class SseClient implements AutoCloseable {
  public record Event(String id, String event, JsonObject data) {
  }

  private final HttpClient client;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<String> comments = new ArrayList<>();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  private final StringBuilder pending = new StringBuilder();
  public final HttpClientResponse response;

  public SseClient(Vertx vertx, int port, String uri, Map<String, String> headers) {
    this.client = vertx.createHttpClient();
    RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
        .setURI(uri).putHeader("Accept", "text/event-stream");
    headers.forEach(options::putHeader);
    // handlers are set on the event loop as the head arrives, before the first chunk can be missed
    this.response = client.request(options).compose(request -> request.send()).map(answer -> {
      answer.handler(chunk -> parse(chunk.toString()));
      answer.endHandler(done -> ended.complete(null));
      answer.exceptionHandler(ended::completeExceptionally);
      return answer;
    }).await();
  }

  private synchronized void parse(String text) {
    pending.append(text);
    int end;
    while ((end = pending.indexOf("\n\n")) >= 0) {
      String block = pending.substring(0, end);
      pending.delete(0, end + 2);
      String id = null;
      String name = "message";
      StringBuilder data = new StringBuilder();
      for (String line : block.split("\n")) {
        if (line.startsWith(":")) {
          comments.add(line);
        } else if (line.startsWith("id: ")) {
          id = line.substring(4);
        } else if (line.startsWith("event: ")) {
          name = line.substring(7);
        } else if (line.startsWith("data: ")) {
          data.append(line.substring(6));
        }
      }
      if (!data.isEmpty()) {
        events.add(new Event(id, name, new JsonObject(data.toString())));
      }
    }
  }

  /** The next event, waiting up to the timeout; fails the test when none comes. */
  public Event next(Duration timeout) throws InterruptedException {
    Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (event == null) {
      throw new AssertionError("no event within " + timeout);
    }
    return event;
  }

  /** The next event of this name, skipping others. */
  public Event next(String name, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Event event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (event.event().equals(name)) {
        return event;
      }
    }
  }

  public List<Event> drained() {
    List<Event> out = new ArrayList<>();
    events.drainTo(out);
    return out;
  }

  boolean endsWithin(Duration timeout) {
    try {
      ended.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (Exception e) {
      return ended.isDone();
    }
  }

  @Override
  public void close() {
    client.close().await();
  }
}
