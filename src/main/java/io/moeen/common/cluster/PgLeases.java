package io.moeen.common.cluster;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Run-once leases as PostgreSQL session advisory locks, all on one connection of their own (not the
 * pool's: a session lock belongs to the connection that took it). Every {@code check} the node tries
 * {@code pg_try_advisory_lock} for each lease it does not hold and proves the connection still stands;
 * when the node dies its connection closes and PostgreSQL releases its locks, so another node takes
 * them at its next check. When the connection fails this node drops every lease at once (before it
 * could run anything twice) and reconnects. TCP keepalives on the server side bound how long a node
 * that vanished without closing its socket (a pulled cable) keeps its locks: about 5 + 3 × 2 s.
 *
 * <p>The lock's key is (hashtext('moeen.run-once'), hashtext(name)); {@code application_name} is
 * {@code moeen-lease <node>}, so {@code pg_locks} joined with {@code pg_stat_activity} shows which node
 * runs what.
 */
public final class PgLeases implements RunOnce {
  private static final Logger LOG = LoggerFactory.getLogger(PgLeases.class);
  private static final String NAMESPACE = "moeen.run-once";

  private final Vertx vertx;
  private final PgConnectOptions options;
  private final String node;
  private final Map<String, Boolean> leases = new ConcurrentHashMap<>();
  /** Every check runs here, one at a time. */
  private final Context context;
  private long timer = -1;
  private PgConnection connection;
  private boolean checking;
  private volatile boolean closed;

  public PgLeases(Vertx vertx, PgConnectOptions connectOptions, String node, Duration check) {
    this.vertx = vertx;
    this.node = node;
    this.options = new PgConnectOptions(connectOptions)
        .addProperty("application_name", "moeen-lease " + node)
        .addProperty("tcp_keepalives_idle", "5")
        .addProperty("tcp_keepalives_interval", "2")
        .addProperty("tcp_keepalives_count", "3");
    this.context = vertx.getOrCreateContext();
    context.runOnContext(start -> timer = vertx.setPeriodic(check.toMillis(), tick -> check()));
  }

  @Override
  public Lease lease(String name) {
    leases.putIfAbsent(name, false);
    context.runOnContext(now -> check());
    return () -> !closed && Boolean.TRUE.equals(leases.get(name));
  }

  /** The names this node runs now (for logs and tests). */
  public Set<String> held() {
    return leases.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey)
        .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  private void check() {
    if (checking || closed || leases.isEmpty()) {
      return;
    }
    checking = true;
    connected()
        .compose(conn -> conn.query("SELECT 1").execute().map(conn))
        .compose(conn -> {
          Future<?> chain = Future.succeededFuture();
          for (String name : leases.keySet()) {
            if (!leases.get(name)) {
              chain = chain.compose(previous -> conn.preparedQuery(
                      "SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS taken")
                  .execute(Tuple.of(NAMESPACE, name))
                  .onSuccess(rows -> {
                    if (rows.iterator().next().getBoolean("taken")) {
                      leases.put(name, true);
                      LOG.info("Run-once lease {} taken: this node ({}) runs it now", name, node);
                    }
                  }));
            }
          }
          return chain;
        })
        .onFailure(this::lost)
        .onComplete(done -> checking = false);
  }

  private Future<PgConnection> connected() {
    if (connection != null) {
      return Future.succeededFuture(connection);
    }
    return PgConnection.connect(vertx, options).onSuccess(conn -> {
      connection = conn;
      conn.closeHandler(closedNow -> lost(new IllegalStateException("lease connection closed")));
    });
  }

  private void lost(Throwable cause) {
    if (leases.containsValue(true)) {
      LOG.warn("Run-once leases {} dropped on this node ({}): {}", held(), node, cause.toString());
    }
    leases.replaceAll((name, held) -> false);
    PgConnection old = connection;
    connection = null;
    if (old != null) {
      old.close();
    }
  }

  public Future<Void> close() {
    closed = true;
    vertx.cancelTimer(timer);
    leases.replaceAll((name, held) -> false);
    PgConnection old = connection;
    connection = null;
    return old == null ? Future.succeededFuture() : old.close();
  }
}
