package io.moeen.crm.sla;

import io.moeen.common.cluster.RunOnce;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * Runs the first-contact SLA sweep on a timer (off when the interval is zero); in a cluster on the one
 * node holding its {@link RunOnce} lease.
 */
public final class FirstContactVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(FirstContactVerticle.class);

  private final Pool pool;
  private final ZoneId zone;
  private final Duration interval;
  private final Clock clock;
  private boolean running;

  public FirstContactVerticle(Pool pool, ZoneId zone, Duration interval, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.interval = interval;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    return FirstContactSweep.verify(pool).onSuccess(verified -> {
      if (!interval.isZero()) {
        FirstContactSweep sweep = new FirstContactSweep(pool, zone, clock);
        RunOnce.Lease lease = RunOnce.of(vertx).lease("crm.first-contact-sla");
        vertx.setPeriodic(interval.toMillis(), id -> {
          if (lease.held()) {
            round(sweep);
          }
        });
      }
    });
  }

  private void round(FirstContactSweep sweep) {
    if (running) {
      return; // a slow round is still going: skip this tick rather than pile up
    }
    running = true;
    sweep.run()
        .onSuccess(r -> {
          if (r.ownersNotified() + r.escalated() > 0) {
            LOG.info("First-contact SLA: {} owners told, {} escalated", r.ownersNotified(), r.escalated());
          }
        })
        .onFailure(e -> LOG.error("First-contact SLA sweep failed", e))
        .onComplete(done -> running = false);
  }
}
