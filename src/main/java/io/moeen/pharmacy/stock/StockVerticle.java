package io.moeen.pharmacy.stock;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.pharmacy.PharmacyAddresses;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;

/** The store keeper's moves: receive, adjust, write off, transfer; and returns (store keeper or pharmacist). */
public final class StockVerticle extends ServiceVerticle {
  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;

  public StockVerticle(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    StockMoves moves = new StockMoves(pool, zone, clock);
    serve(PharmacyAddresses.STOCK_RECEIVE, anyOf("inventory.write"), r -> moves.receive(r).map(Reply::of));
    serve(PharmacyAddresses.STOCK_ADJUST, anyOf("inventory.write"), r -> moves.adjust(r).map(Reply::of));
    serve(PharmacyAddresses.STOCK_WRITE_OFF, anyOf("inventory.write"), r -> moves.writeOff(r).map(Reply::of));
    serve(PharmacyAddresses.STOCK_TRANSFER, anyOf("inventory.write"), r -> moves.transfer(r).map(Reply::of));
    serve(PharmacyAddresses.STOCK_RETURN, anyOf("inventory.write", "pharmacy.write"), r -> moves.giveBack(r).map(Reply::of));
    return moves.verify().compose(verified -> registered());
  }
}
