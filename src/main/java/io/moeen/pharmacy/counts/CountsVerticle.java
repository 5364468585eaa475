package io.moeen.pharmacy.counts;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.pharmacy.PharmacyAddresses;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

/** The store keeper's stock counts: open, record counted quantities, post the differences. */
public final class CountsVerticle extends ServiceVerticle {
  private final Pool pool;

  public CountsVerticle(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<?> start() {
    StockCounts counts = new StockCounts(pool);
    serve(PharmacyAddresses.COUNTS_OPEN, anyOf("inventory.write"), r -> counts.open(r).map(Reply::of));
    serve(PharmacyAddresses.COUNTS_GET, anyOf("inventory.write", "inventory.read"), r -> counts.get(r).map(Reply::of));
    serve(PharmacyAddresses.COUNTS_RECORD, anyOf("inventory.write"), r -> counts.record(r).map(Reply::of));
    serve(PharmacyAddresses.COUNTS_POST, anyOf("inventory.write"), r -> counts.post(r).map(Reply::of));
    return counts.verify().compose(verified -> registered());
  }
}
