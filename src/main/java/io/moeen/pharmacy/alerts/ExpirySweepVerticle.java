package io.moeen.pharmacy.alerts;

import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.cluster.RunOnce;
import io.moeen.common.db.SessionContext;
import io.moeen.common.db.SessionContext.Actor;
import io.moeen.common.db.SqlStatements;
import io.moeen.pharmacy.PharmacyAddresses;
import io.moeen.pharmacy.StockActors;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The daily expiry sweep, at {@link #AT} in the clinic's zone (a batch crosses into the warning window
 * when the clinic's date changes, so once a day after midnight catches it). Low-stock crossings need no
 * sweep: the moves' trigger tells them as they happen. {@code pharmacy.expiry.sweep} runs it at once.
 */
public final class ExpirySweepVerticle extends ServiceVerticle {
  static final SqlStatements SQL = SqlStatements.load("io/moeen/pharmacy/alerts.sql");
  static final LocalTime AT = LocalTime.of(0, 5);
  private static final Logger LOG = LoggerFactory.getLogger(ExpirySweepVerticle.class);

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;
  private long timer = -1;
  /** In a cluster the daily sweep runs on the one node holding it. */
  private RunOnce.Lease lease;

  public ExpirySweepVerticle(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    serveInternal(PharmacyAddresses.EXPIRY_SWEEP, json -> sweep(json.getString("today") == null
        ? StockActors.today(clock, zone) : LocalDate.parse(json.getString("today")))
        .map(told -> new JsonObject().put("told", told)));
    lease = RunOnce.of(vertx).lease("pharmacy.expiry-sweep");
    return SQL.verify(pool).compose(verified -> registered()).onSuccess(ok -> scheduleNext());
  }

  @Override
  public Future<?> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return Future.succeededFuture();
  }

  /** Milliseconds from {@code now} to the next {@link #AT} in {@code zone}. */
  static long untilNext(ZonedDateTime now) {
    ZonedDateTime next = now.toLocalDate().atTime(AT).atZone(now.getZone());
    if (!next.isAfter(now)) {
      next = now.toLocalDate().plusDays(1).atTime(AT).atZone(now.getZone());
    }
    return Math.max(1, Duration.between(now, next).toMillis());
  }

  private void scheduleNext() {
    timer = vertx.setTimer(untilNext(ZonedDateTime.now(clock.withZone(zone))), id -> (lease.held()
        ? sweep(StockActors.today(clock, zone)) : Future.succeededFuture(0))
        .onSuccess(told -> LOG.info("Expiry sweep: {} batches newly within the warning", told))
        .onFailure(e -> LOG.error("Expiry sweep failed", e))
        .onComplete(done -> scheduleNext()));
  }

  Future<Integer> sweep(LocalDate today) {
    return SessionContext.inTransaction(pool, Actor.system("pharmacy-expiry-" + today),
        conn -> conn.preparedQuery(SQL.get("sweep")).execute(Tuple.of(today))
            .map(rows -> rows.iterator().next().getInteger("told")));
  }
}
