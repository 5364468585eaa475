package io.moeen.dental.chart;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One tooth's state as a chart change gives it, validated against the FDI numbering and the tooth's own
 * surfaces, and written back in one canonical form (what is stored and what the chart shows).
 * <ul>
 *   <li>{@code status}: present, missing, extracted, implant or bridge_pontic;</li>
 *   <li>{@code crown}, {@code bridgeAbutment}, {@code rootCanalTreated}, {@code fracture}: flags;</li>
 *   <li>{@code fillings}: [{surface, material}], one per surface; {@code caries}: [surface];</li>
 *   <li>{@code mobility}: grade 0–3; {@code note}: free text (required for a primary tooth on an adult chart).</li>
 * </ul>
 * A tooth that is not there (missing, extracted, a pontic) carries no finding but a note.
 */
public final class ToothState {
  public static final List<String> STATUSES = List.of("present", "missing", "extracted", "implant", "bridge_pontic");
  public static final List<String> MATERIALS = List.of("amalgam", "composite", "glass_ionomer", "ceramic", "gold", "temporary");

  private ToothState() {
  }

  /**
   * The canonical state of {@code item} (which names its {@code tooth}); {@code field} is where it sits in
   * the request ({@code teeth[2]}), for the problem's field. {@code adult}: the chart of a patient aged 18 or over.
   */
  public static JsonObject validate(JsonObject item, String field, boolean adult) {
    Integer tooth = integer(item, "tooth", field);
    if (tooth == null) {
      throw Problem.invalid("field_required", field + ".tooth", Map.of("field", "tooth"));
    }
    if (!Fdi.exists(tooth)) {
      throw Problem.invalid("tooth_not_fdi", field + ".tooth", Map.of("tooth", tooth));
    }
    String status = item.getValue("status") instanceof String s ? s : null;
    if (status == null) {
      throw Problem.invalid("field_required", field + ".status", Map.of("field", "status"));
    }
    if (!STATUSES.contains(status)) {
      throw Problem.invalid("tooth_status_unknown", field + ".status", Map.of("status", status));
    }
    String note = item.getValue("note") instanceof String s && !s.isBlank() ? s.strip() : null;
    if (note != null && note.length() > 500) {
      throw Problem.invalid("tooth_note_too_long", field + ".note", Map.of("max", 500));
    }
    if (adult && Fdi.primary(tooth) && note == null) {
      throw Problem.invalid("primary_tooth_needs_note", field + ".note", Map.of("tooth", tooth));
    }
    boolean crown = flag(item, "crown", field);
    boolean abutment = flag(item, "bridgeAbutment", field);
    boolean rootCanal = flag(item, "rootCanalTreated", field);
    boolean fracture = flag(item, "fracture", field);
    Integer mobility = integer(item, "mobility", field);
    if (mobility != null && (mobility < 0 || mobility > 3)) {
      throw Problem.invalid("mobility_grade", field + ".mobility", Map.of("value", mobility));
    }
    JsonArray fillings = fillings(item, field, tooth);
    JsonArray caries = surfaces(item.getValue("caries"), field + ".caries", tooth);

    boolean absent = !status.equals("present") && !status.equals("implant");
    boolean findings = crown || abutment || rootCanal || fracture || (mobility != null && mobility > 0)
        || !fillings.isEmpty() || !caries.isEmpty();
    if (absent && findings) {
      throw Problem.invalid("tooth_absent_findings", field, Map.of("tooth", tooth, "status", status,
          "reasonKey", "dental.status." + status));
    }
    if (status.equals("implant") && (rootCanal || !caries.isEmpty() || !fillings.isEmpty())) {
      throw Problem.invalid("implant_findings", field, Map.of("tooth", tooth));
    }

    JsonObject state = new JsonObject().put("status", status);
    if (crown) {
      state.put("crown", true);
    }
    if (abutment) {
      state.put("bridgeAbutment", true);
    }
    if (rootCanal) {
      state.put("rootCanalTreated", true);
    }
    if (fracture) {
      state.put("fracture", true);
    }
    if (mobility != null && mobility > 0) {
      state.put("mobility", mobility);
    }
    if (!fillings.isEmpty()) {
      state.put("fillings", fillings);
    }
    if (!caries.isEmpty()) {
      state.put("caries", caries);
    }
    if (note != null) {
      state.put("note", note);
    }
    return state;
  }

  /** Surfaces named in a dental record: each must be one of the tooth's own. */
  public static JsonArray surfaces(Object value, String field, int tooth) {
    JsonArray out = new JsonArray();
    if (value == null) {
      return out;
    }
    if (!(value instanceof JsonArray list)) {
      throw Problem.invalid("dental_field_invalid", field, Map.of("field", field));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String surface = list.getValue(i) instanceof String s ? s : null;
      checkSurface(surface, field + "[" + i + "]", tooth);
      if (!seen.add(surface)) {
        throw Problem.invalid("surface_twice", field + "[" + i + "]", Map.of("tooth", tooth, "surface", surface));
      }
    }
    Fdi.SURFACES.stream().filter(seen::contains).forEach(out::add);
    return out;
  }

  private static JsonArray fillings(JsonObject item, String field, int tooth) {
    Object value = item.getValue("fillings");
    JsonArray out = new JsonArray();
    if (value == null) {
      return out;
    }
    if (!(value instanceof JsonArray list)) {
      throw Problem.invalid("dental_field_invalid", field + ".fillings", Map.of("field", "fillings"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      String at = field + ".fillings[" + i + "]";
      if (!(list.getValue(i) instanceof JsonObject filling)) {
        throw Problem.invalid("dental_field_invalid", at, Map.of("field", "fillings"));
      }
      String surface = filling.getValue("surface") instanceof String s ? s : null;
      checkSurface(surface, at + ".surface", tooth);
      if (!seen.add(surface)) {
        throw Problem.invalid("surface_twice", at + ".surface", Map.of("tooth", tooth, "surface", surface));
      }
      String material = filling.getValue("material") instanceof String s ? s : null;
      if (material == null || !MATERIALS.contains(material)) {
        throw Problem.invalid("filling_material_unknown", at + ".material", Map.of("material", String.valueOf(material)));
      }
      out.add(new JsonObject().put("surface", surface).put("material", material));
    }
    return out;
  }

  private static void checkSurface(String surface, String field, int tooth) {
    if (surface == null || !Fdi.SURFACES.contains(surface)) {
      throw Problem.invalid("surface_unknown", field, Map.of("surface", String.valueOf(surface)));
    }
    if (!Fdi.surfaces(tooth).contains(surface)) {
      throw Problem.invalid("surface_not_on_tooth", field, Map.of("tooth", tooth, "surface", surface,
          "reasonKey", "dental.surface." + surface));
    }
  }

  private static boolean flag(JsonObject item, String name, String field) {
    Object value = item.getValue(name);
    if (value == null) {
      return false;
    }
    if (!(value instanceof Boolean b)) {
      throw Problem.invalid("dental_field_invalid", field + "." + name, Map.of("field", name));
    }
    return b;
  }

  private static Integer integer(JsonObject item, String name, String field) {
    Object value = item.getValue(name);
    if (value == null) {
      return null;
    }
    if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw Problem.invalid("dental_field_invalid", field + "." + name, Map.of("field", name));
    }
    return n.intValue();
  }
}
