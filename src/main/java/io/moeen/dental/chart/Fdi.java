package io.moeen.dental.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * FDI (ISO 3950) tooth numbers: quadrant then position. Permanent teeth are quadrants 1–4 (upper right,
 * upper left, lower left, lower right) with positions 1–8; primary teeth quadrants 5–8 with positions 1–5.
 * Which surfaces a tooth has follows its type and its arch: incisors and canines have an incisal edge and a
 * labial face, premolars and molars an occlusal face and a buccal one; upper teeth a palatal face, lower
 * teeth a lingual one; every tooth has mesial and distal faces.
 */
public final class Fdi {
  public static final List<String> SURFACES = List.of("mesial", "distal", "occlusal", "incisal", "buccal", "labial",
      "lingual", "palatal");

  /** Incisor, canine, premolar or molar. */
  public enum Kind { INCISOR, CANINE, PREMOLAR, MOLAR }

  private Fdi() {
  }

  public static boolean exists(int tooth) {
    int quadrant = tooth / 10;
    int position = tooth % 10;
    return tooth >= 11 && tooth <= 85
        && (quadrant >= 1 && quadrant <= 4 && position >= 1 && position <= 8
            || quadrant >= 5 && quadrant <= 8 && position >= 1 && position <= 5);
  }

  public static boolean primary(int tooth) {
    return tooth / 10 >= 5;
  }

  public static boolean upper(int tooth) {
    int quadrant = tooth / 10;
    return quadrant == 1 || quadrant == 2 || quadrant == 5 || quadrant == 6;
  }

  /** The patient's right side (quadrants 1, 4, 5, 8). */
  public static boolean right(int tooth) {
    int quadrant = tooth / 10;
    return quadrant == 1 || quadrant == 4 || quadrant == 5 || quadrant == 8;
  }

  public static Kind kind(int tooth) {
    int position = tooth % 10;
    if (position <= 2) {
      return Kind.INCISOR;
    }
    if (position == 3) {
      return Kind.CANINE;
    }
    // primary teeth have no premolars: positions 4 and 5 are the first and second primary molars
    return primary(tooth) || position >= 6 ? Kind.MOLAR : Kind.PREMOLAR;
  }

  public static boolean anterior(int tooth) {
    Kind kind = kind(tooth);
    return kind == Kind.INCISOR || kind == Kind.CANINE;
  }

  /** The five surfaces of this tooth. */
  public static Set<String> surfaces(int tooth) {
    return Set.of("mesial", "distal",
        anterior(tooth) ? "incisal" : "occlusal",
        anterior(tooth) ? "labial" : "buccal",
        upper(tooth) ? "palatal" : "lingual");
  }

  /** The teeth of one arch row as a chart shows them, from the patient's right (the viewer's left) to the left. */
  public static List<Integer> row(boolean upper, boolean primary) {
    int rightQuadrant = primary ? (upper ? 5 : 8) : (upper ? 1 : 4);
    int leftQuadrant = primary ? (upper ? 6 : 7) : (upper ? 2 : 3);
    int count = primary ? 5 : 8;
    List<Integer> teeth = new ArrayList<>();
    for (int p = count; p >= 1; p--) {
      teeth.add(rightQuadrant * 10 + p);
    }
    for (int p = 1; p <= count; p++) {
      teeth.add(leftQuadrant * 10 + p);
    }
    return teeth;
  }
}
