package io.moeen.pharmacy.dispensing;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A dispense as asked: the store, who it is for, and its lines, one per item (400 duplicate_item
 * otherwise), kept in item-id order so that concurrent dispenses lock batches in one order. A line may
 * name the clinical prescription it fills (checked by the PrescriptionGate); the collector's name and
 * identity number are the extra check a controlled substance needs.
 */
public record DispenseRequest(UUID storeId, UUID patientId, String customerName, String externalPrescription,
                              String notes, String collectorName, String collectorIdNumber, List<Line> lines) {
  /** A national ID, Iqama or passport number as written on the document: 6 to 20 digits or capital letters. */
  static final Pattern COLLECTOR_ID = Pattern.compile("[0-9A-Z]{6,20}");

  /**
   * One item and its raw quantity (checked against the item's unit later), the prescription it fills if
   * any, and the pharmacist's reason for dispensing despite a recorded allergy; {@code index} in the request.
   */
  public record Line(int index, UUID itemId, Object quantity, UUID prescriptionId, String allergyOverrideReason) {
    public String field(String name) {
      return "lines." + index + "." + name;
    }
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
      lines.add(new Line(i, itemId, line.getValue("quantity"), uuid(line.getString("prescriptionId")),
          blank(line.getString("allergyOverrideReason"))));
    }
    lines.sort(Comparator.comparing(Line::itemId));
    return new DispenseRequest(UUID.fromString(body.getString("storeId")), uuid(body.getString("patientId")),
        blank(body.getString("customerName")), blank(body.getString("externalPrescription")),
        blank(body.getString("notes")), blank(body.getString("collectorName")),
        blank(body.getString("collectorIdNumber")), List.copyOf(lines));
  }

  private static UUID uuid(String text) {
    return text == null ? null : UUID.fromString(text);
  }

  private static String blank(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
