package io.moeen.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.moeen.chatbot.ChatbotAddresses;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The visitors of the chat bench: {@code users} of them side by side, each taking conversations one after
 * another (a session, then the script's turns, each turn after the previous answer).
 * <p>Closed loop (rate 0): a visitor sends as soon as the previous answer arrives, and each latency is
 * recorded with {@code recordValueWithExpectedInterval} at {@code expectedNanos}, so a stall also counts the
 * turns that would have been sent during it (coordinated omission corrected, the HdrHistogram way).
 * Open loop (rate &gt; 0, turns per second over all visitors): each visitor has a fixed schedule, as wrk2
 * does; a request whose time has come goes at once, and its latency counts from when it was due, not when
 * it went.
 */
final class ChatLoad {
  private final Vertx vertx;
  private final Transport transport;
  private final List<JsonObject> script;
  private final String day;

  ChatLoad(Vertx vertx, Transport transport, List<JsonObject> script, String day) {
    this.vertx = vertx;
    this.transport = transport;
    this.script = script;
    this.day = day;
  }

  /** An answer: the HTTP status (or the problem's, over the bus) and the JSON body. */
  record Answer(int status, JsonObject body) {
  }

  /** How a visitor reaches the chat: over HTTP (the real thing) or straight onto the chatbot's bus address. */
  interface Transport {
    Future<Answer> open(String ip);

    Future<Answer> turn(String ip, String sessionId, String token, JsonObject body);
  }

  /** Over HTTP, through the API verticle (contract validation, access log, the bus hop): what a visitor gets. */
  static Transport http(WebClient client) {
    return http(List.of(client));
  }

  /**
   * Over HTTP to several nodes in turn, request by request, as a balancer without stickiness would send
   * them: a conversation's turns land on every node (issue 23: a web chat continues on any node).
   */
  static Transport http(List<WebClient> nodes) {
    java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
    return new Transport() {
      private WebClient client() {
        return nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
      }


      @Override
      public Future<Answer> open(String ip) {
        return answer(client().post("/v1/chat/sessions").putHeader("X-Forwarded-For", ip)
            .putHeader("Accept-Language", "en").sendJsonObject(new JsonObject()));
      }

      @Override
      public Future<Answer> turn(String ip, String sessionId, String token, JsonObject body) {
        return answer(client().post("/v1/chat/sessions/" + sessionId + "/messages").putHeader("X-Forwarded-For", ip)
            .putHeader("X-Chat-Token", token).putHeader("Accept-Language", "en").sendJsonObject(body));
      }

      private Future<Answer> answer(Future<HttpResponse<Buffer>> sent) {
        return sent.map(r -> new Answer(r.statusCode(), r.statusCode() < 300 ? r.bodyAsJsonObject() : null));
      }
    };
  }

  /** Roughly what the problem mapper would answer; the bench only tells success from the rest. */
  private static int status(String kind) {
    return switch (kind) {
      case "CONFLICT" -> 409;
      case "NOT_FOUND" -> 404;
      case "TOO_MANY_REQUESTS" -> 429;
      default -> 500;
    };
  }

  /**
   * The same envelopes the API verticle would send, straight to the chatbot's addresses: the chat slice
   * alone (engine, SQL, scheduling over the bus) without HTTP, contract validation and the access log.
   */
  static Transport bus(Vertx service) {
    return new Transport() {
      @Override
      public Future<Answer> open(String ip) {
        return request(ChatbotAddresses.SESSIONS_CREATE, "createChatSession", new JsonObject(), new JsonObject(), ip, 201);
      }

      @Override
      public Future<Answer> turn(String ip, String sessionId, String token, JsonObject body) {
        return request(ChatbotAddresses.SESSION_MESSAGES_SEND, "sendChatMessage",
            new JsonObject().put("id", sessionId).put("X-Chat-Token", token), body, ip, 200);
      }

      private Future<Answer> request(String address, String operation, JsonObject params, JsonObject body, String ip,
                                     int success) {
        RequestEnvelope envelope = new RequestEnvelope(operation, params, body, null, "en",
            java.util.UUID.randomUUID().toString(), new JsonObject().put("ip", ip).put("userAgent", "chat-bench"));
        return service.eventBus().<JsonObject>request(address, envelope.toJson())
            .map(m -> new Answer(success, (JsonObject) Reply.fromJson(m.body()).body()))
            .recover(e -> e instanceof ReplyException r && r.failureCode() == ServiceVerticle.PROBLEM_FAILURE
                ? Future.succeededFuture(new Answer(status(new JsonObject(r.getMessage()).getString("kind")), null))
                : Future.failedFuture(e));
      }
    };
  }

  /** What one run measured: turn latencies (ns), statuses, failures without a status, and how long it took. */
  record Result(Histogram latencies, List<Histogram> bySteps, Map<Integer, Integer> statuses, int failures,
                double seconds) {
    long turns() {
      return statuses.entrySet().stream().filter(e -> e.getKey() != 201).mapToLong(Map.Entry::getValue).sum();
    }

    /** Answers other than 200/201, plus requests that got no answer at all. */
    long errors() {
      return failures + statuses.entrySet().stream().filter(e -> e.getKey() != 200 && e.getKey() != 201)
          .mapToLong(Map.Entry::getValue).sum();
    }

    double turnsPerSecond() {
      return turns() / seconds;
    }

    double percentileMillis(double p) {
      return latencies.getValueAtPercentile(p) / 1e6;
    }
  }

  Result run(int conversations, int users, double rate, long expectedNanos, int ipBase) {
    Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(2), 3);
    List<Histogram> bySteps = script.stream().<Histogram>map(x -> new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(2), 3))
        .toList();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    AtomicInteger finishedUsers = new AtomicInteger();
    int active = Math.min(users, conversations);
    // requests (a session and the turns) per conversation; the schedule spaces them so turns arrive at `rate`
    double perUserInterval = rate > 0 ? 1e9 * active / rate * script.size() / (script.size() + 1) : 0;
    Promise<Void> done = Promise.promise();
    long started = System.nanoTime();
    for (int u = 0; u < active; u++) {
      Visitor visitor = new Visitor(latencies, bySteps, statuses, failures, expectedNanos, perUserInterval,
          started + (long) (perUserInterval * u / active));
      visitor.loop(next, conversations, ipBase).onComplete(x -> {
        if (finishedUsers.incrementAndGet() == active) {
          done.complete();
        }
      });
    }
    done.future().await();
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result(latencies, bySteps, new TreeMap<>(statuses), failures.get(), seconds);
  }

  /** One visitor: its schedule (open loop) and its conversations. */
  private final class Visitor {
    private final Histogram latencies;
    private final List<Histogram> bySteps;
    private final Map<Integer, Integer> statuses;
    private final AtomicInteger failures;
    private final long expectedNanos;
    private final double interval;
    private double due;

    Visitor(Histogram latencies, List<Histogram> bySteps, Map<Integer, Integer> statuses, AtomicInteger failures, long expectedNanos,
            double interval, long firstDue) {
      this.latencies = latencies;
      this.bySteps = bySteps;
      this.statuses = statuses;
      this.failures = failures;
      this.expectedNanos = expectedNanos;
      this.interval = interval;
      this.due = firstDue;
    }

    Future<Void> loop(AtomicInteger next, int conversations, int ipBase) {
      int n = next.getAndIncrement();
      if (n >= conversations) {
        return Future.succeededFuture();
      }
      String ip = "10." + ((ipBase + n) / 65536 % 256) + "." + ((ipBase + n) / 256 % 256) + "." + ((ipBase + n) % 256);
      return conversation(ip).compose(v -> loop(next, conversations, ipBase));
    }

    private Future<Void> conversation(String ip) {
      return request(-1, () -> transport.open(ip))
          .compose(opened -> {
            if (opened == null || opened.status() != 201) {
              return Future.succeededFuture();
            }
            JsonObject session = opened.body();
            Future<Void> turns = Future.succeededFuture();
            for (int i = 0; i < script.size(); i++) {
              JsonObject step = script.get(i);
              int index = i;
              JsonObject body = step.containsKey("text")
                  ? new JsonObject().put("text", step.getString("text").replace("%DAY%", day)) : step;
              turns = turns.compose(v -> request(index, () -> transport.turn(ip, session.getString("sessionId"),
                  session.getString("token"), body)).mapEmpty());
            }
            return turns;
          });
    }

    /** Sends when due (at once in a closed loop); records a turn's latency; null when no answer came. */
    private Future<Answer> request(int step, java.util.function.Supplier<Future<Answer>> send) {
      long now = System.nanoTime();
      long wait = interval > 0 ? (long) due - now : 0;
      Promise<Void> go = Promise.promise();
      if (wait > 1_000_000) {
        vertx.setTimer(wait / 1_000_000, id -> go.complete());
      } else {
        go.complete();
      }
      return go.future().compose(v -> {
        long sent = System.nanoTime();
        long from = interval > 0 ? (long) due : sent;
        due += interval;
        return send.get().map(r -> {
          long latency = System.nanoTime() - from;
          statuses.merge(r.status(), 1, Integer::sum);
          if (step >= 0) {
            record(step, latency);
          }
          return r;
        }).recover(e -> {
          failures.incrementAndGet();
          if (step >= 0) {
            record(step, System.nanoTime() - from);
          }
          return Future.succeededFuture(null);
        });
      });
    }

    private void record(int step, long latency) {
      long value = Math.min(latency, latencies.getHighestTrackableValue());
      if (interval > 0 || expectedNanos <= 0) {
        latencies.recordValue(value);
      } else {
        latencies.recordValueWithExpectedInterval(value, expectedNanos);
      }
      bySteps.get(step).recordValue(value);
    }
  }
}
