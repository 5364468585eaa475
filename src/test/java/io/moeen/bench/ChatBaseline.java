package io.moeen.bench;

import io.moeen.testing.Scratch;
import io.moeen.Application;
import io.moeen.common.db.DatabaseServer;
import io.moeen.common.db.Migrations;
import io.vertx.sqlclient.Tuple;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The chat bench's baseline, in the same run against the same database: pgbench of a turn's statements
 * ({@code bench/sql/chat-turn.sql}) as the service's role, with as many clients as the bench has visitors,
 * one conversation each. Latency percentiles come from pgbench's per-transaction log.
 */
final class ChatBaseline {
  static final String SCRIPT = "bench/sql/chat-turn.sql";
  /** The same turn as the chatbot wrote it before save_turn: a transaction with a statement per message. */
  static final String SCRIPT_BEFORE = "bench/sql/chat-turn-before.sql";

  /** tps and latency of pgbench over the run. */
  record Result(double tps, double p50Millis, double p99Millis, long failed) {
  }

  private ChatBaseline() {
  }

  static Result run(Application app, int clients, int seconds, String script) throws IOException, InterruptedException {
    app.pool().preparedQuery("""
        INSERT INTO chatbot_conversations (id, channel, session_token_hash, locale, locale_chosen, flow_key,
                                           flow_version, current_node)
        SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'web',
               sha256(convert_to('bench-' || n, 'UTF8')), 'en', true, f.key, f.version, 'menu'
        FROM generate_series(1, $1) n
        JOIN chatbot_flows f ON f.key = 'receptionist' AND f.status = 'published'
        ON CONFLICT (id) DO NOTHING""").execute(Tuple.of(clients)).await();
    long sumBefore = turns(app, clients);
    DatabaseServer db = app.database();
    Path logs = Scratch.dir("chat-pgbench");
    ProcessBuilder pgbench = new ProcessBuilder("pgbench", "-n", "-M", "prepared", "-f", script,
        "-c", String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), "-l",
        "--log-prefix=" + logs.resolve("turn"), "-h", db.host(), "-p", String.valueOf(db.port()), "-U", db.user(),
        db.database()).redirectErrorStream(true);
    pgbench.environment().put("PGPASSWORD", db.password());
    pgbench.environment().put("PGOPTIONS", "-c role=" + Migrations.APP_ROLE);
    Process process = pgbench.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pgbench failed:\n" + out);
    }
    Matcher tps = Pattern.compile("tps = ([0-9.]+) \\(without initial").matcher(out);
    Matcher failed = Pattern.compile("number of failed transactions: ([0-9]+)").matcher(out);
    Matcher processed = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(out);
    if (!tps.find() || !processed.find()) {
      throw new IllegalStateException("No tps in the pgbench output:\n" + out);
    }
    // every transaction must have saved its turn (the turn check held): the turns add up to the transactions
    long turns = turns(app, clients);
    if (turns != sumBefore + Long.parseLong(processed.group(1))) {
      throw new IllegalStateException("pgbench saved " + (turns - sumBefore) + " turns in " + processed.group(1)
          + " transactions");
    }
    Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(2), 3);
    List<Path> files = new ArrayList<>();
    try (Stream<Path> listed = Files.list(logs)) {
      listed.forEach(files::add);
    }
    for (Path file : files) {
      // client_id transaction_no time script_no time_epoch time_us: time is the latency in µs
      for (String line : Files.readAllLines(file)) {
        String[] fields = line.split(" ");
        latencies.recordValue(Math.min(Long.parseLong(fields[2]), latencies.getHighestTrackableValue()));
      }
      Files.delete(file);
    }
    Files.delete(logs);
    return new Result(Double.parseDouble(tps.group(1)), latencies.getValueAtPercentile(50) / 1e3,
        latencies.getValueAtPercentile(99) / 1e3, failed.find() ? Long.parseLong(failed.group(1)) : 0);
  }

  private static long turns(Application app, int clients) {
    return app.pool().preparedQuery("""
        SELECT coalesce(sum(turn), 0) FROM chatbot_conversations
        WHERE id = ANY (SELECT ('00000000-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid FROM generate_series(1, $1) n)""")
        .execute(Tuple.of(clients)).await().iterator().next().getLong(0);
  }
}
