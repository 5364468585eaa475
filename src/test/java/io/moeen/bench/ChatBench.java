package io.moeen.bench;

import io.moeen.testing.Scratch;
import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;

import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Load generator for the web chat: starts the whole service (embedded database, demo clinic), then
 * runs {@code conversations} scripted conversations, {@code concurrency} visitors at a time, each a session
 * plus ten turns through the receptionist flow (language, menu, service (its one doctor named), day → free slots
 * from the slot engine, start over, opening hours, services and prices, goodbye). Each visitor poses as its
 * own client behind a trusted proxy, so the per-IP rate limit does not throttle the run. Not a test: run
 * bench/chat.sh.
 * <p>Prints turns per second, turn latency percentiles (HdrHistogram, corrected for coordinated omission:
 * see {@link ChatLoad}) and the event-bus requests per turn by address. Flags after the two numbers:
 * <ul>
 *   <li>{@code --rate=R}: open loop, R turns per second over all visitors (else a closed loop)</li>
 *   <li>{@code --baseline[=seconds]}: then pgbench of a turn's statements ({@link ChatBaseline}) with as many
 *       clients as visitors, against the same database, in the same run (default 15 s)</li>
 *   <li>{@code --bus}: the visitors send the API verticle's envelopes straight to the chatbot's bus addresses,
 *       to measure the chat slice without HTTP, contract validation and the access log</li>
 *   <li>{@code --old-turn}: with {@code --baseline}, also pgbench of the turn as written before save_turn
 *       ({@code bench/sql/chat-turn-before.sql})</li>
 *   <li>{@code --warm-up=N}: N conversations before the measured run (default 50; the JIT compiler is still busy
 *       after them on a loaded machine)</li>
 *   <li>{@code --jfr=file}: a JFR recording (settings "profile") of the measured run, written to file</li>
 *   <li>{@code --url=http://host:port[,http://host:port…]}: no service of its own: the visitors go to the
 *       running nodes given, request by request in turn (a conversation moves between nodes, as behind a
 *       balancer without stickiness); the nodes must trust 127.0.0.1 as a proxy
 *       ({@code MOEEN_TRUSTED_PROXIES}). Only the load figures are printed (no database or bus counts).
 *       bench/cluster.sh uses it.</li>
 *   <li>{@code --machine}: only one line on stdout, {@code turns/s p50 p99 errors} (ms), for a wrapper
 *       script; with {@code --baseline} a second line {@code baseline tps p50 p99 failed}. The rest goes
 *       to stderr.</li>
 * </ul>
 */
public final class ChatBench {
  private static final List<JsonObject> SCRIPT = List.of(
      // a general consultation has one doctor in the demo clinic: the bot names him and asks for the day
      tap("en"), tap("book"), say("General consultation"), say("%DAY%"), say("start over"),
      tap("hours"), tap("yes"), say("services and prices"), tap("yes"), say("no thanks"));
  private static final int WARM_UP = 50;

  private static JsonObject tap(String id) {
    return new JsonObject().put("replyId", id);
  }

  private static JsonObject say(String text) {
    return new JsonObject().put("text", text);
  }

  public static void main(String[] args) throws Exception {
    List<String> numbers = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
    Map<String, String> flags = new HashMap<>();
    java.util.Arrays.stream(args).filter(a -> a.startsWith("--")).forEach(a -> {
      int eq = a.indexOf('=');
      flags.put(eq < 0 ? a.substring(2) : a.substring(2, eq), eq < 0 ? "" : a.substring(eq + 1));
    });
    int conversations = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 200;
    int concurrency = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 16;
    double rate = flags.containsKey("rate") ? Double.parseDouble(flags.get("rate")) : 0;
    boolean machine = flags.containsKey("machine");
    PrintStream human = machine ? System.err : System.out;
    if (flags.containsKey("url")) {
      againstNodes(List.of(flags.get("url").split(",")), conversations, concurrency, rate, machine, human);
      return;
    }

    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Map<String, String> env = new HashMap<>();
    env.put("HTTP_HOST", "127.0.0.1");
    env.put("HTTP_PORT", String.valueOf(port));
    Path dataDir = Scratch.dir("moeen-bench");
    env.put("MOEEN_DATA_DIR", dataDir.toString());
    env.put("MOEEN_TRUSTED_PROXIES", "127.0.0.1");
    Application app = Application.start(ConfigReader.read(env));
    BusRequests hops = new BusRequests();
    app.vertx().eventBus().addOutboundInterceptor(hops::count);
    Vertx vertx = Vertx.vertx();
    String day = bookingDay();
    try {
      WebClient client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(port),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency));
      boolean bus = flags.containsKey("bus");
      ChatLoad load = new ChatLoad(vertx, bus ? ChatLoad.bus(app.vertx()) : ChatLoad.http(client), SCRIPT, day);
      int warmUp = flags.containsKey("warm-up") ? Integer.parseInt(flags.get("warm-up")) : Math.min(WARM_UP, conversations);
      ChatLoad.Result warm = load.run(warmUp, concurrency, 0, 0, 0);
      long expected = warm.latencies().getValueAtPercentile(50);
      human.printf("warm-up: %d conversations, statuses %s, turn p50 %.1f ms (the closed loop's expected interval)%n",
          warmUp, warm.statuses(), expected / 1e6);
      hops.reset();
      long[] databaseBefore = databaseWork(app);
      Recording recording = flags.containsKey("jfr") ? new Recording(Configuration.getConfiguration("profile")) : null;
      if (recording != null) {
        recording.start();
      }
      var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
      long jitBefore = jit.getTotalCompilationTime();
      double[] cpuBefore = ProcessCpu.millis(dataDir);
      ChatLoad.Result run = load.run(conversations, concurrency, rate, expected, 100_000);
      double[] cpuAfter = ProcessCpu.millis(dataDir);
      long jitMillis = jit.getTotalCompilationTime() - jitBefore;
      long[] databaseAfter = databaseWork(app);
      if (recording != null) {
        recording.stop();
        recording.dump(Path.of(flags.get("jfr")));
        recording.close();
        human.printf("JFR recording of the run: %s%n", flags.get("jfr"));
      }
      human.printf("web chat%s: %d conversations (%d turns each + a session), %d visitors, %s, %.1f s%n",
          bus ? " over the bus (no HTTP, no API verticle)" : "", conversations, SCRIPT.size(), concurrency,
          rate > 0 ? "open loop at " + rate + " turns/s" : "closed loop", run.seconds());
      human.printf("throughput %.0f turns/s; turn latency p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms "
              + "(HdrHistogram, coordinated omission corrected); statuses %s, no answer %d%n", run.turnsPerSecond(),
          run.percentileMillis(50), run.percentileMillis(90), run.percentileMillis(99), run.percentileMillis(100),
          run.statuses(), run.failures());
      // on a shared machine the other tenants change how fast a run goes, not how much CPU a turn costs
      human.printf("CPU per turn (sessions included): JVM %.2f ms (service and load generator; of it the JIT compiler "
              + "%.2f ms), PostgreSQL %.2f ms; load average %.2f at the end%n", (cpuAfter[0] - cpuBefore[0]) / run.turns(),
          jitMillis / (double) run.turns(), (cpuAfter[1] - cpuBefore[1]) / run.turns(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      StringBuilder steps = new StringBuilder("turn latency by step, p50/p99 ms (uncorrected):");
      for (int i = 0; i < SCRIPT.size(); i++) {
        steps.append(String.format(" %s %.1f/%.1f;", SCRIPT.get(i).encode().replaceAll("[{}\"]", ""),
            run.bySteps().get(i).getValueAtPercentile(50) / 1e6, run.bySteps().get(i).getValueAtPercentile(99) / 1e6));
      }
      human.println(steps);
      human.printf("database per turn (sessions included): %.2f transactions (a lone statement is one), %.2f rows "
              + "written%n", (databaseAfter[0] - databaseBefore[0]) / (double) run.turns(),
          (databaseAfter[1] - databaseBefore[1]) / (double) run.turns());
      var table = app.pool().query("""
          SELECT n_tup_upd, n_tup_hot_upd, pg_size_pretty(pg_total_relation_size('chatbot_conversations')) AS size,
                 (SELECT avg(pg_column_size(variables))::int FROM chatbot_conversations) AS variables
          FROM pg_stat_user_tables WHERE relname = 'chatbot_conversations'""").execute().await().iterator().next();
      human.printf("chatbot_conversations since start: %d updates, %d of them HOT; %s with indexes; variables "
              + "%d bytes on average as stored%n", table.getLong("n_tup_upd"), table.getLong("n_tup_hot_upd"),
          table.getString("size"), table.getInteger("variables"));
      human.println("event-bus requests per turn (sessions included), by address: " + hops.perTurn(run.turns()));
      if (machine) {
        System.out.printf("%.0f %.1f %.1f %d%n", run.turnsPerSecond(), run.percentileMillis(50),
            run.percentileMillis(99), run.errors());
      }
      if (flags.containsKey("baseline")) {
        int seconds = flags.get("baseline").isEmpty() ? 15 : Integer.parseInt(flags.get("baseline"));
        ChatBaseline.Result base = ChatBaseline.run(app, concurrency, seconds, ChatBaseline.SCRIPT);
        human.printf("baseline: pgbench of a turn's statements (%s) as moeen_app, %d clients, %d s: %.0f tps, "
                + "p50 %.2f ms, p99 %.2f ms, failed %d; ratio turns/s : tps = %.2f%n", ChatBaseline.SCRIPT, concurrency,
            seconds, base.tps(), base.p50Millis(), base.p99Millis(), base.failed(), run.turnsPerSecond() / base.tps());
        if (machine) {
          System.out.printf("baseline %.0f %.2f %.2f %d%n", base.tps(), base.p50Millis(), base.p99Millis(), base.failed());
        }
        if (flags.containsKey("old-turn")) {
          ChatBaseline.Result old = ChatBaseline.run(app, concurrency, seconds, ChatBaseline.SCRIPT_BEFORE);
          human.printf("the same turn as written before save_turn (%s): %.0f tps, p50 %.2f ms, p99 %.2f ms, failed %d%n",
              ChatBaseline.SCRIPT_BEFORE, old.tps(), old.p50Millis(), old.p99Millis(), old.failed());
        }
      }
    } finally {
      vertx.close().await();
      app.stop();
    }
  }

  private static void againstNodes(List<String> urls, int conversations, int concurrency, double rate,
                                   boolean machine, PrintStream human) {
    Vertx vertx = Vertx.vertx();
    try {
      List<WebClient> nodes = urls.stream().map(java.net.URI::create).map(u -> WebClient.create(vertx,
          new WebClientOptions().setDefaultHost(u.getHost()).setDefaultPort(u.getPort()),
          new io.vertx.core.http.PoolOptions().setHttp1MaxSize(concurrency))).toList();
      ChatLoad load = new ChatLoad(vertx, ChatLoad.http(nodes), SCRIPT, bookingDay());
      int warmUp = Math.min(WARM_UP, conversations);
      ChatLoad.Result warm = load.run(warmUp, concurrency, 0, 0, 0);
      long expected = warm.latencies().getValueAtPercentile(50);
      human.printf("warm-up: %d conversations over %d node(s), statuses %s%n", warmUp, nodes.size(), warm.statuses());
      ChatLoad.Result run = load.run(conversations, concurrency, rate, expected, 100_000);
      human.printf("web chat over %s: %d conversations, %d visitors, %.0f turns/s, p50 %.1f ms, p99 %.1f ms, "
              + "statuses %s, no answer %d%n", urls, conversations, concurrency, run.turnsPerSecond(),
          run.percentileMillis(50), run.percentileMillis(99), run.statuses(), run.failures());
      if (machine) {
        System.out.printf("%.0f %.1f %.1f %d%n", run.turnsPerSecond(), run.percentileMillis(50),
            run.percentileMillis(99), run.errors());
      }
    } finally {
      vertx.close().await();
    }
  }

  /** A weekday in the second week from now, in the clinic's zone: free slots, no holiday. */
  private static String bookingDay() {
    return LocalDate.now(ZoneId.of("Asia/Riyadh")).plusDays(3)
        .with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)).plusWeeks(1).toString();
  }

  /**
   * Committed transactions and rows written in the service's database so far. A busy backend flushes its
   * statistics at most once a second and an idle one within ten: wait for that first.
   */
  private static long[] databaseWork(Application app) throws InterruptedException {
    Thread.sleep(11_000);
    app.pool().query("SELECT pg_stat_force_next_flush()").execute().await();
    var row = app.pool().query("""
        SELECT xact_commit, tup_inserted + tup_updated + tup_deleted AS written
        FROM pg_stat_database WHERE datname = current_database()""").execute().await().iterator().next();
    return new long[] {row.getLong("xact_commit"), row.getLong("written")};
  }

  /** Requests sent on the service's event bus (replies not counted), by address. */
  private static final class BusRequests {
    private final Map<String, LongAdder> byAddress = new ConcurrentHashMap<>();

    void count(DeliveryContext<Object> delivery) {
      String address = delivery.message().address();
      // replies go to generated addresses: a request and its reply are one hop here
      if (!address.startsWith("__vertx.")) {
        byAddress.computeIfAbsent(address, a -> new LongAdder()).increment();
      }
      delivery.next();
    }

    void reset() {
      byAddress.clear();
    }

    String perTurn(long turns) {
      Map<String, String> out = new TreeMap<>();
      long all = 0;
      for (Map.Entry<String, LongAdder> e : byAddress.entrySet()) {
        out.put(e.getKey(), String.format("%.2f", e.getValue().sum() / (double) turns));
        all += e.getValue().sum();
      }
      return String.format("%.2f in all %s", all / (double) turns, out);
    }
  }
}
