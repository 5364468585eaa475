package io.moeen.pharmacy.dispensing;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.pharmacy.PharmacyAddresses;
import io.moeen.pharmacy.StockActors;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The pharmacist's dispensing: one transaction per dispense, through the prescription gate it is given, and
 * the queue of prescriptions to dispense. A new dispense is published after commit
 * ({@link PharmacyAddresses#DISPENSATIONS_COMPLETED}, for billing); a replay under its key is not.
 */
public final class DispensingVerticle extends ServiceVerticle {
  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;
  private final PrescriptionGate gate;

  public DispensingVerticle(Pool pool, ZoneId zone, Clock clock, PrescriptionGate gate) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
    this.gate = gate;
  }

  @Override
  public Future<?> start() {
    Dispensing dispensing = new Dispensing(pool, zone, clock, gate);
    DispenseView view = new DispenseView(pool, Dispensing.SQL, zone);
    PrescriptionQueue queue = new PrescriptionQueue(pool, zone, clock);
    serve(PharmacyAddresses.DISPENSES_CREATE, anyOf("pharmacy.write"),
        r -> dispensing.dispense(r).compose(done -> view.read(done.id(), r.locale(), StockActors.of(r)).map(read -> {
          if (done.fresh()) {
            vertx.eventBus().publish(PharmacyAddresses.DISPENSATIONS_COMPLETED, read.event());
          }
          return Reply.of(read.body());
        })));
    serve(PharmacyAddresses.PRESCRIPTIONS_LIST, anyOf("pharmacy.read", "pharmacy.write"),
        r -> queue.list(r).map(Reply::of));
    return dispensing.verify().compose(verified -> registered());
  }
}
