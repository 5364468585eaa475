package io.moeen.pharmacy.reports;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.pharmacy.PharmacyAddresses;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** On hand, moves, low stock, expiring, stock value and the dispensing log, each as JSON and as CSV. */
public final class InventoryReportsVerticle extends ServiceVerticle {
  static final int EXPORT_LIMIT = 10_000;
  static final int DEFAULT_PAGE = 100;

  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;

  public InventoryReportsVerticle(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    InventoryReports reports = new InventoryReports(pool, zone, clock);
    List<String> readers = anyOf("inventory.read");
    serve(PharmacyAddresses.STOCK_LIST, readers, r -> reports.stock(r).map(InventoryReports::list));
    serve(PharmacyAddresses.STOCK_EXPORT, readers,
        r -> reports.stock(r).map(items -> ReportCsv.reply("stock.csv", InventoryReports.STOCK, items)));
    serve(PharmacyAddresses.MOVES_LIST, readers, r -> reports.moves(r, limit(r.param("limit"))).map(Reply::of));
    serve(PharmacyAddresses.MOVES_EXPORT, readers, r -> reports.moves(r, EXPORT_LIMIT)
        .map(page -> ReportCsv.reply("moves.csv", InventoryReports.MOVES, objects(page.getJsonArray("items")))));
    serve(PharmacyAddresses.LOW_STOCK_LIST, readers, r -> reports.lowStock(r).map(InventoryReports::list));
    serve(PharmacyAddresses.LOW_STOCK_EXPORT, readers,
        r -> reports.lowStock(r).map(items -> ReportCsv.reply("low-stock.csv", InventoryReports.LOW_STOCK, items)));
    serve(PharmacyAddresses.EXPIRING_LIST, readers, r -> reports.expiring(r).map(InventoryReports::list));
    serve(PharmacyAddresses.EXPIRING_EXPORT, readers,
        r -> reports.expiring(r).map(items -> ReportCsv.reply("expiring.csv", InventoryReports.EXPIRING, items)));
    serve(PharmacyAddresses.STOCK_VALUE_LIST, readers, r -> reports.stockValue(r).map(InventoryReports::list));
    serve(PharmacyAddresses.STOCK_VALUE_EXPORT, readers,
        r -> reports.stockValue(r).map(items -> ReportCsv.reply("stock-value.csv", InventoryReports.STOCK_VALUE, items)));
    serve(PharmacyAddresses.DISPENSES_LIST, readers, r -> reports.dispenses(r).map(InventoryReports::list));
    serve(PharmacyAddresses.DISPENSES_EXPORT, readers,
        r -> reports.dispenses(r).map(items -> ReportCsv.reply("dispenses.csv", InventoryReports.DISPENSES, items)));
    return reports.verify().compose(verified -> registered());
  }

  private static int limit(String given) {
    return given == null ? DEFAULT_PAGE : Integer.parseInt(given);
  }

  private static List<JsonObject> objects(JsonArray array) {
    return array.stream().map(JsonObject.class::cast).toList();
  }
}
