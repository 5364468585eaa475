package io.moeen.pharmacy.catalogue;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.pharmacy.PharmacyAddresses;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

/** The catalogue of medicines and supplies, their suppliers, the stores, and reorder levels. */
public final class CatalogueVerticle extends ServiceVerticle {
  private final Pool pool;
  private final ZoneId zone;
  private final Clock clock;

  public CatalogueVerticle(Pool pool, ZoneId zone, Clock clock) {
    this.pool = pool;
    this.zone = zone;
    this.clock = clock;
  }

  @Override
  public Future<?> start() {
    Catalogue catalogue = new Catalogue(pool, zone, clock);
    // doctors see what is available when prescribing; pharmacists and store keepers work with it
    List<String> readers = anyOf("inventory.read", "inventory.availability.read", "pharmacy.write");
    serve(PharmacyAddresses.ITEMS_LIST, readers, r -> catalogue.search(r).map(Reply::of));
    serve(PharmacyAddresses.ITEMS_GET, readers, r -> catalogue.get(r).map(Reply::of));
    serve(PharmacyAddresses.STORES_LIST, readers, r -> catalogue.stores(r).map(Reply::of));
    serve(PharmacyAddresses.ITEMS_CREATE, anyOf("inventory.write"), r -> catalogue.create(r).map(Reply::of));
    serve(PharmacyAddresses.ITEMS_UPDATE, anyOf("inventory.write"), r -> catalogue.update(r).map(Reply::of));
    serve(PharmacyAddresses.STORES_CREATE, anyOf("inventory.write"), r -> catalogue.createStore(r).map(Reply::of));
    serve(PharmacyAddresses.STORES_UPDATE, anyOf("inventory.write"), r -> catalogue.updateStore(r).map(Reply::of));
    serve(PharmacyAddresses.REORDER_LEVELS_SET, anyOf("inventory.write"), r -> catalogue.setReorder(r).map(Reply::of));
    Suppliers suppliers = new Suppliers(pool);
    serve(PharmacyAddresses.SUPPLIERS_LIST, anyOf("inventory.read", "inventory.write"), r -> suppliers.list(r).map(Reply::of));
    serve(PharmacyAddresses.SUPPLIERS_CREATE, anyOf("inventory.write"), r -> suppliers.create(r).map(Reply::of));
    serve(PharmacyAddresses.SUPPLIERS_UPDATE, anyOf("inventory.write"), r -> suppliers.update(r).map(Reply::of));
    return catalogue.verify().compose(verified -> suppliers.verify()).compose(verified -> registered());
  }
}
