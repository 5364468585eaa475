package io.moeen.billing.zatca;

import io.moeen.common.cluster.RunOnce;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;

import java.time.Duration;

/**
 * The reporting worker's timer: every {@code interval} (MOEEN_ZATCA_INTERVAL_MS; zero = off) it sends what is
 * due, one batch after another until none is left. Deployed as a worker verticle, so nothing of it runs on an
 * event loop; the claims make a second node's worker safe, and the lease keeps it idle while another holds it.
 */
public final class ZatcaReportingVerticle extends AbstractVerticle {
  private final java.util.function.Function<io.vertx.core.Vertx, ZatcaReporting> make;
  private final Duration interval;
  private ZatcaReporting reporting;
  private boolean busy;

  public ZatcaReportingVerticle(java.util.function.Function<io.vertx.core.Vertx, ZatcaReporting> make, Duration interval) {
    this.make = make;
    this.interval = interval;
  }

  @Override
  public void start(Promise<Void> started) {
    reporting = make.apply(vertx);
    if (!interval.isZero()) {
      RunOnce.Lease lease = RunOnce.of(vertx).lease("billing.zatca-reporting");
      vertx.setPeriodic(interval.toMillis(), tick -> {
        if (!busy && lease.held()) {
          busy = true;
          drain().onComplete(done -> busy = false);
        }
      });
    }
    started.complete();
  }

  private io.vertx.core.Future<Void> drain() {
    return reporting.submitDue().compose(sent -> sent > 0 ? drain() : io.vertx.core.Future.succeededFuture());
  }
}
