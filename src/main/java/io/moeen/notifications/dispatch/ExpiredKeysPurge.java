package io.moeen.notifications.dispatch;

import io.moeen.common.db.SqlStatements;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * Deletes expired {@code idempotency_keys} rows (a replayed request older than its expiry is new
 * again anyway), in batches so no single statement holds many locks. Runs hourly beside the dispatcher.
 */
public final class ExpiredKeysPurge {
  private static final Logger LOG = LoggerFactory.getLogger(ExpiredKeysPurge.class);
  static final SqlStatements SQL = SqlStatements.load("io/moeen/notifications/housekeeping.sql");

  private final Pool pool;
  private final Clock clock;
  private final int batchSize;

  public ExpiredKeysPurge(Pool pool, Clock clock, int batchSize) {
    this.pool = pool;
    this.clock = clock;
    this.batchSize = batchSize;
  }

  /** Deletes every key expired by now, one batch after another; answers how many went. */
  public Future<Integer> run() {
    return batch(0).onSuccess(total -> {
      if (total > 0) {
        LOG.info("deleted {} expired idempotency keys", total);
      }
    });
  }

  private Future<Integer> batch(int sofar) {
    return pool.preparedQuery(SQL.get("purge_expired_idempotency_keys"))
        .execute(Tuple.of(clock.instant().atOffset(ZoneOffset.UTC), batchSize))
        .compose(rows -> rows.rowCount() < batchSize
            ? Future.succeededFuture(sofar + rows.rowCount())
            : batch(sofar + rows.rowCount()));
  }
}
