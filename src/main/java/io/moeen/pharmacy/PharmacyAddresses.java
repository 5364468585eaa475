package io.moeen.pharmacy;

/**
 * Every event-bus address of the pharmacy feature, and the only place they are written: the catalogue,
 * stores, stock moves, dispensing, stock counts and the inventory reports (docs/pharmacy.md). Each is
 * {@code <feature>.<resource>.<verb>}; docs/architecture.md lists them.
 */
public final class PharmacyAddresses {
  // Catalogue and stores (see contract/pharmacy.yaml).
  public static final String ITEMS_LIST = "pharmacy.items.list";
  public static final String ITEMS_GET = "pharmacy.items.get";
  public static final String ITEMS_CREATE = "pharmacy.items.create";
  public static final String ITEMS_UPDATE = "pharmacy.items.update";
  public static final String STORES_LIST = "pharmacy.stores.list";
  public static final String STORES_CREATE = "pharmacy.stores.create";
  public static final String STORES_UPDATE = "pharmacy.stores.update";
  public static final String REORDER_LEVELS_SET = "pharmacy.reorder_levels.set";
  public static final String SUPPLIERS_LIST = "pharmacy.suppliers.list";
  public static final String SUPPLIERS_CREATE = "pharmacy.suppliers.create";
  public static final String SUPPLIERS_UPDATE = "pharmacy.suppliers.update";

  // Stock moves.
  public static final String STOCK_RECEIVE = "pharmacy.stock.receive";
  public static final String STOCK_ADJUST = "pharmacy.stock.adjust";
  public static final String STOCK_WRITE_OFF = "pharmacy.stock.write_off";
  public static final String STOCK_RETURN = "pharmacy.stock.return";
  public static final String STOCK_TRANSFER = "pharmacy.stock.transfer";

  // Dispensing.
  public static final String DISPENSES_CREATE = "pharmacy.dispenses.create";
  public static final String DISPENSES_LIST = "pharmacy.dispenses.list";
  public static final String DISPENSES_EXPORT = "pharmacy.dispenses.export";
  /** The queue of clinical prescriptions to dispense. */
  public static final String PRESCRIPTIONS_LIST = "pharmacy.prescriptions.list";

  // Stock counts.
  public static final String COUNTS_OPEN = "pharmacy.counts.open";
  public static final String COUNTS_GET = "pharmacy.counts.get";
  public static final String COUNTS_RECORD = "pharmacy.counts.record";
  public static final String COUNTS_POST = "pharmacy.counts.post";

  // Reports, each with its CSV.
  public static final String STOCK_LIST = "pharmacy.stock.list";
  public static final String STOCK_EXPORT = "pharmacy.stock.export";
  public static final String MOVES_LIST = "pharmacy.moves.list";
  public static final String MOVES_EXPORT = "pharmacy.moves.export";
  public static final String LOW_STOCK_LIST = "pharmacy.low_stock.list";
  public static final String LOW_STOCK_EXPORT = "pharmacy.low_stock.export";
  public static final String EXPIRING_LIST = "pharmacy.expiring.list";
  public static final String EXPIRING_EXPORT = "pharmacy.expiring.export";
  public static final String STOCK_VALUE_LIST = "pharmacy.stock_value.list";
  public static final String STOCK_VALUE_EXPORT = "pharmacy.stock_value.export";

  /**
   * Event, published after a dispense commits (never for a replay under its Idempotency-Key), for billing:
   * {@code {dispenseId, storeId, locationId, patientId, customerName, dispensedBy, dispensedAt, lines: [{sourceRef,
   * itemId, itemCode, kind, descriptionAr, descriptionEn, unit, quantity, unitPrice, cost, prescriptionId,
   * encounterId}]}} (docs/pharmacy.md, "Billing").
   */
  public static final String DISPENSATIONS_COMPLETED = "pharmacy.dispensations.completed";

  /** Internal, request/reply: run the expiry sweep now for {@code {today?}} (the daily timer's work) → {@code {told}}. */
  public static final String EXPIRY_SWEEP = "pharmacy.expiry.sweep";

  private PharmacyAddresses() {
  }
}
