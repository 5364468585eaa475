package io.moeen.education;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/** A new material as the author sent it, checked field by field before anything is written. */
record MaterialInput(String kind, String titleAr, String titleEn, String summaryAr, String summaryEn, String bodyAr,
                     String bodyEn, String videoUrl, UUID fileId, LocalDate publishedOn, String[] tags) {
  static final Set<String> KINDS = Set.of("article", "video", "pdf");
  static final int MAX_TAGS = 20;
  /** Letters of any script, digits, spaces, hyphens and underscores. */
  private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N} _-]{0,39}");

  static MaterialInput of(JsonObject body, LocalDate today) {
    String kind = text(body, "kind");
    if (kind == null || !KINDS.contains(kind)) {
      throw Problem.invalid("education_kind_unknown", "kind", Map.of("value", String.valueOf(kind)));
    }
    String titleAr = required(body, "titleAr", 200);
    String titleEn = required(body, "titleEn", 200);
    String summaryAr = required(body, "summaryAr", 2000);
    String summaryEn = required(body, "summaryEn", 2000);
    String bodyAr = optional(body, "bodyAr", 50000);
    String bodyEn = optional(body, "bodyEn", 50000);
    String link = text(body, "videoUrl");
    String file = text(body, "fileId");
    switch (kind) {
      case "article" -> {
        if (bodyAr == null && bodyEn == null) {
          throw Problem.invalid("field_required", "bodyAr", Map.of("field", "bodyAr"));
        }
        notFor(kind, link, "videoUrl");
        notFor(kind, file, "fileId");
      }
      case "video" -> {
        if (link == null) {
          throw Problem.invalid("field_required", "videoUrl", Map.of("field", "videoUrl"));
        }
        notFor(kind, bodyAr, "bodyAr");
        notFor(kind, bodyEn, "bodyEn");
        notFor(kind, file, "fileId");
      }
      default -> {
        if (file == null) {
          throw Problem.invalid("field_required", "fileId", Map.of("field", "fileId"));
        }
        notFor(kind, bodyAr, "bodyAr");
        notFor(kind, bodyEn, "bodyEn");
        notFor(kind, link, "videoUrl");
      }
    }
    String videoUrl = link == null ? null : EducationLinks.check(link, "videoUrl");
    UUID fileId = file == null ? null : uuid(file, "fileId");
    return new MaterialInput(kind, titleAr, titleEn, summaryAr, summaryEn, bodyAr, bodyEn, videoUrl, fileId,
        date(text(body, "publishedOn"), today), tags(body.getValue("tags")));
  }

  /** Topics: lower-cased, trimmed, each once, in the order given. */
  static String[] tags(Object given) {
    if (given == null) {
      return new String[0];
    }
    if (!(given instanceof JsonArray array) || array.size() > MAX_TAGS) {
      throw Problem.invalid("education_tags_invalid", "tags", Map.of("max", MAX_TAGS));
    }
    Set<String> tags = new LinkedHashSet<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof String s) || (s = normalTag(s)) == null) {
        throw Problem.invalid("education_tags_invalid", "tags[" + i + "]", Map.of("max", MAX_TAGS));
      }
      tags.add(s);
    }
    return tags.toArray(String[]::new);
  }

  /** A tag as stored, or null when it is not one. */
  static String normalTag(String given) {
    String tag = given.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    return TAG.matcher(tag).matches() ? tag : null;
  }

  private static LocalDate date(String given, LocalDate today) {
    if (given == null) {
      return today;
    }
    try {
      return LocalDate.parse(given);
    } catch (DateTimeParseException e) {
      throw Problem.invalid("validation_failed", "publishedOn", Map.of("field", "publishedOn", "reasonKey", "validation.format"));
    }
  }

  private static void notFor(String kind, String value, String field) {
    if (value != null) {
      throw Problem.invalid("education_field_not_for_kind", field, Map.of("field", field, "kind", kind));
    }
  }

  private static String required(JsonObject body, String field, int max) {
    String value = optional(body, field, max);
    if (value == null) {
      throw Problem.invalid("field_required", field, Map.of("field", field));
    }
    return value;
  }

  private static String optional(JsonObject body, String field, int max) {
    String value = text(body, field);
    if (value != null && value.length() > max) {
      throw Problem.invalid("education_text_too_long", field, Map.of("field", field, "max", max));
    }
    return value;
  }

  static String text(JsonObject body, String field) {
    String value = body.getValue(field) instanceof String s ? s : null;
    return value == null || value.isBlank() ? null : value.strip();
  }

  static UUID uuid(String value, String field) {
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("validation_failed", field, Map.of("field", field, "reasonKey", "validation.format"));
    }
  }
}
