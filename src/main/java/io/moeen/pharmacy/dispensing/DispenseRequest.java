package io.moeen.pharmacy.dispensing;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A dispense as asked: the store, who it is for, and its lines, one per item (400 duplicate_item
 * otherwise), kept in item-id order so that concurrent dispenses lock batches in one order.
 * {@code prescriptionId} stays null until prescriptions are wired in (see PrescriptionGate).
 */
public record DispenseRequest(UUID storeId, UUID patientId, String customerName, UUID prescriptionId,
                              String externalPrescription, String notes, List<Line> lines) {
  /** One item and its raw quantity (checked against the item's unit later); {@code index} in the request. */
  public record Line(int index, UUID itemId, Object quantity) {
  }

  static DispenseRequest from(JsonObject body) {
    List<Line> lines = new ArrayList<>();
    JsonArray given = body.getJsonArray("lines", new JsonArray());
    for (int i = 0; i < given.size(); i++) {
      JsonObject line = given.getJsonObject(i);
      UUID itemId = UUID.fromString(line.getString("itemId"));
      for (Line seen : lines) {
        if (seen.itemId().equals(itemId)) {
          throw Problem.invalid("duplicate_item", "lines." + i + ".itemId", Map.of());
        }
      }
      lines.add(new Line(i, itemId, line.getValue("quantity")));
    }
    lines.sort(Comparator.comparing(Line::itemId));
    return new DispenseRequest(UUID.fromString(body.getString("storeId")), uuid(body.getString("patientId")),
        blank(body.getString("customerName")), null, blank(body.getString("externalPrescription")),
        blank(body.getString("notes")), List.copyOf(lines));
  }

  private static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
