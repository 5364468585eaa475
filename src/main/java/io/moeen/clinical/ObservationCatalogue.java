package io.moeen.clinical;

import io.moeen.common.errors.Problem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The vitals and lab results a clinic records, as coded observations: each with its LOINC code, its
 * canonical UCUM unit, the other units clinics type and how to convert them, the range a living
 * patient can have (outside it the value is a typing mistake: a pulse of 900, 60 °C), and the usual
 * adult reference range that sets the abnormal flag. Pure Java, no I/O.
 */
enum ObservationCatalogue {
  SYSTOLIC_BP("systolic_bp", "8480-6", Category.VITAL, "mm[Hg]", Map.of(), 40, 300, 90, 139),
  DIASTOLIC_BP("diastolic_bp", "8462-4", Category.VITAL, "mm[Hg]", Map.of(), 20, 200, 60, 89),
  HEART_RATE("heart_rate", "8867-4", Category.VITAL, "/min", Map.of(), 20, 250, 60, 100),
  BODY_TEMPERATURE("body_temperature", "8310-5", Category.VITAL, "Cel", Map.of("[degF]", Conversion.FAHRENHEIT), 25, 45, 36.1, 37.8),
  BODY_WEIGHT("body_weight", "29463-7", Category.VITAL, "kg", Map.of("g", Conversion.times(0.001), "[lb_av]", Conversion.times(0.45359237)), 0.2, 500, null, null),
  BODY_HEIGHT("body_height", "8302-2", Category.VITAL, "cm", Map.of("m", Conversion.times(100), "[in_i]", Conversion.times(2.54)), 20, 280, null, null),
  BMI("bmi", "39156-5", Category.VITAL, "kg/m2", Map.of(), 5, 150, 18.5, 24.9),
  OXYGEN_SATURATION("oxygen_saturation", "59408-5", Category.VITAL, "%", Map.of(), 50, 100, 95, 100),
  // glucose: 1 mmol/L = 18.016 mg/dL (molar mass 180.16 g/mol)
  BLOOD_GLUCOSE("blood_glucose", "2339-0", Category.VITAL, "mg/dL", Map.of("mmol/L", Conversion.times(18.016)), 10, 1500, 70, 140),
  HBA1C("hba1c", "4548-4", Category.LAB, "%", Map.of(), 2, 20, 4.0, 5.6),
  LDL_CHOLESTEROL("ldl_cholesterol", "2089-1", Category.LAB, "mg/dL", Map.of("mmol/L", Conversion.times(38.67)), 5, 1000, 0, 129),
  TOTAL_CHOLESTEROL("total_cholesterol", "2093-3", Category.LAB, "mg/dL", Map.of("mmol/L", Conversion.times(38.67)), 20, 1500, 0, 199),
  CREATININE("creatinine", "2160-0", Category.LAB, "mg/dL", Map.of("umol/L", Conversion.times(1 / 88.42)), 0.05, 30, 0.6, 1.3),
  HEMOGLOBIN("hemoglobin", "718-7", Category.LAB, "g/dL", Map.of("g/L", Conversion.times(0.1)), 1, 25, 12.0, 17.5),
  CRP("crp", "1988-5", Category.LAB, "mg/L", Map.of(), 0, 500, 0, 5);

  enum Category {
    VITAL("vital-signs"), LAB("laboratory");

    final String code;

    Category(String code) {
      this.code = code;
    }
  }

  /** A unit's value in the canonical unit. */
  interface Conversion {
    Conversion FAHRENHEIT = f -> (f - 32) * 5 / 9;

    double toCanonical(double value);

    static Conversion times(double factor) {
      return value -> value * factor;
    }
  }

  /** A value as typed and in the canonical unit, flagged against the reference range. */
  record Reading(ObservationCatalogue kind, BigDecimal value, String unit, BigDecimal canonical, String flag) {
  }

  private static final Map<String, ObservationCatalogue> BY_CODE = new LinkedHashMap<>();

  static {
    for (ObservationCatalogue kind : values()) {
      BY_CODE.put(kind.code, kind);
      BY_CODE.put(kind.loinc, kind);
    }
  }

  final String code;
  final String loinc;
  final Category category;
  final String unit;
  final Map<String, Conversion> otherUnits;
  final double lowest;
  final double highest;
  final Double referenceLow;
  final Double referenceHigh;

  ObservationCatalogue(String code, String loinc, Category category, String unit, Map<String, Conversion> otherUnits,
                       double lowest, double highest, Number referenceLow, Number referenceHigh) {
    this.code = code;
    this.loinc = loinc;
    this.category = category;
    this.unit = unit;
    this.otherUnits = otherUnits;
    this.lowest = lowest;
    this.highest = highest;
    this.referenceLow = referenceLow == null ? null : referenceLow.doubleValue();
    this.referenceHigh = referenceHigh == null ? null : referenceHigh.doubleValue();
  }

  /** By our code ({@code heart_rate}) or by LOINC ({@code 8867-4}); 400 {@code unknown_observation_code} otherwise. */
  static ObservationCatalogue of(String code, String field) {
    return Optional.ofNullable(code == null ? null : BY_CODE.get(code))
        .orElseThrow(() -> Problem.invalid("unknown_observation_code", field, Map.of("code", String.valueOf(code))));
  }

  /** The units this observation takes, canonical first. */
  String[] units() {
    String[] others = otherUnits.keySet().stream().sorted().toArray(String[]::new);
    String[] all = Arrays.copyOf(new String[] {unit}, others.length + 1);
    System.arraycopy(others, 0, all, 1, others.length);
    return all;
  }

  /**
   * Checks and converts one value: a unit this observation does not take is 400
   * {@code unit_not_allowed} (field {@code <item>.unit}), a value no living patient has is 400
   * {@code value_out_of_range} (field {@code <item>.value}).
   */
  Reading read(double value, String typedUnit, String item) {
    String given = typedUnit == null ? unit : typedUnit;
    double canonical;
    if (given.equals(unit)) {
      canonical = value;
    } else if (otherUnits.containsKey(given)) {
      canonical = otherUnits.get(given).toCanonical(value);
    } else {
      throw Problem.invalid("unit_not_allowed", item + ".unit", Map.of("unit", given, "code", code,
          "allowed", String.join(", ", units()), "reasonKey", "observation." + code));
    }
    if (!Double.isFinite(canonical) || canonical < lowest || canonical > highest) {
      throw Problem.invalid("value_out_of_range", item + ".value", Map.of("code", code, "value", plain(value), "unit", given,
          "low", plain(convertBack(lowest, given)), "high", plain(convertBack(highest, given)),
          "reasonKey", "observation." + code));
    }
    return new Reading(this, round(value), given, round(canonical), flag(canonical));
  }

  /** L, N or H against the usual reference range; null when there is none (weight, height). */
  String flag(double canonical) {
    return flag(canonical, referenceLow, referenceHigh);
  }

  static String flag(double canonical, Double low, Double high) {
    if (low == null && high == null) {
      return null;
    }
    return low != null && canonical < low ? "L" : high != null && canonical > high ? "H" : "N";
  }

  /** A value in a unit this observation takes (already checked by {@link #read}), in the canonical unit. */
  double canonical(double value, String typedUnit) {
    return typedUnit == null || typedUnit.equals(unit) ? value : otherUnits.get(typedUnit).toCanonical(value);
  }

  private double convertBack(double canonical, String given) {
    if (given.equals(unit)) {
      return canonical;
    }
    // the conversions are monotonic: find the typed value whose canonical is the limit, by bisection
    Conversion c = otherUnits.get(given);
    double lo = -1e6;
    double hi = 1e6;
    for (int i = 0; i < 200; i++) {
      double mid = (lo + hi) / 2;
      if (c.toCanonical(mid) < canonical) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  static BigDecimal round(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
  }

  private static String plain(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** BMI from weight (kg) and height (cm), one decimal. */
  static double bmi(double weightKg, double heightCm) {
    double m = heightCm / 100;
    return BigDecimal.valueOf(weightKg / (m * m)).setScale(1, RoundingMode.HALF_UP).doubleValue();
  }
}
