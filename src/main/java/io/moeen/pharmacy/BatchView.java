package io.moeen.pharmacy;

import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

/** The one representation of a batch (StockBatch in the contract), names in the caller's language. */
public final class BatchView {
  private BatchView() {
  }

  public static JsonObject json(Row r, String locale) {
    JsonObject json = new JsonObject()
        .put("id", r.getUUID("id").toString())
        .put("storeId", r.getUUID("store_id").toString())
        .put("storeName", pick(locale, r.getString("store_name_ar"), r.getString("store_name_en")))
        .put("itemId", r.getUUID("item_id").toString())
        .put("itemCode", r.getString("code"))
        .put("itemName", itemName(r, locale))
        .put("unit", r.getString("unit"))
        .put("lotNumber", r.getString("lot_number"))
        .put("expiryDate", r.getLocalDate("expiry_date").toString())
        .put("receivedAt", r.getOffsetDateTime("received_at").toString());
    Quantities.put(json, "quantity", r.getBigDecimal("quantity"));
    return Quantities.put(json, "unitCost", r.getBigDecimal("unit_cost"));
  }

  /** "Paracetamol 500 mg" / «باراسيتامول 500 mg». */
  public static String itemName(Row r, String locale) {
    String name = pick(locale, r.getString("generic_name_ar"), r.getString("generic_name_en"));
    String strength = r.getString("strength");
    return strength == null ? name : name + " " + strength;
  }

  public static String pick(String locale, String ar, String en) {
    return "ar".equals(locale) ? ar : en;
  }
}
