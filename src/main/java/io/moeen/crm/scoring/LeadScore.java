package io.moeen.crm.scoring;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How warm a lead is, by rules a marketer can read: where it came from, how much it has been
 * worked, whether it named a service, how recent it and its last touch are, and how far down the
 * pipeline it is. Pure: the same facts and the same "now" always give the same score.
 */
public final class LeadScore {
  /** What the score is computed from. {@code touches}: calls, messages, meetings, notes; {@code recaptures}: captured again. */
  public record Facts(String source, String status, boolean interestedService, boolean interestedText,
                      Instant createdAt, Instant lastActivityAt, long touches, long recaptures) {
  }

  /** One rule that gave points, e.g. {@code source.referral} 25. */
  public record Part(String rule, int points) {
    JsonObject toJson() {
      return new JsonObject().put("rule", rule).put("points", points);
    }
  }

  public record Result(int total, List<Part> parts) {
    public JsonArray breakdown() {
      JsonArray array = new JsonArray();
      parts.forEach(p -> array.add(p.toJson()));
      return array;
    }
  }

  static final Map<String, Integer> SOURCE_POINTS = Map.of(
      "referral", 25, "walk_in", 20, "phone_call", 15, "whatsapp", 15,
      "web_form", 10, "web_chat", 10, "campaign", 5, "social", 5);
  static final int POINTS_PER_TOUCH = 5;
  static final int MAX_TOUCH_POINTS = 25;
  static final int POINTS_PER_RECAPTURE = 5;
  static final int MAX_RECAPTURE_POINTS = 15;

  private LeadScore() {
  }

  public static Result of(Facts facts, Instant now) {
    List<Part> parts = new ArrayList<>();
    add(parts, "source." + facts.source(), SOURCE_POINTS.getOrDefault(facts.source(), 0));
    if (facts.interestedService()) {
      add(parts, "interest.service", 15);
    } else if (facts.interestedText()) {
      add(parts, "interest.described", 5);
    }
    add(parts, "engagement.touches", (int) Math.min(MAX_TOUCH_POINTS, facts.touches() * POINTS_PER_TOUCH));
    add(parts, "engagement.came_back", (int) Math.min(MAX_RECAPTURE_POINTS, facts.recaptures() * POINTS_PER_RECAPTURE));
    Instant lastTouch = facts.lastActivityAt() == null ? facts.createdAt() : facts.lastActivityAt();
    Duration sinceTouch = Duration.between(lastTouch, now);
    if (sinceTouch.compareTo(Duration.ofDays(1)) <= 0) {
      add(parts, "recency.touched_today", 15);
    } else if (sinceTouch.compareTo(Duration.ofDays(7)) <= 0) {
      add(parts, "recency.touched_this_week", 10);
    } else if (sinceTouch.compareTo(Duration.ofDays(30)) <= 0) {
      add(parts, "recency.touched_this_month", 5);
    }
    if (Duration.between(facts.createdAt(), now).compareTo(Duration.ofDays(2)) <= 0) {
      add(parts, "recency.new_lead", 10);
    }
    switch (facts.status()) {
      case "qualified" -> add(parts, "stage.qualified", 10);
      case "booked", "converted" -> add(parts, "stage." + facts.status(), 20);
      default -> { }
    }
    int total = parts.stream().mapToInt(Part::points).sum();
    if ("lost".equals(facts.status())) {
      parts.add(new Part("stage.lost", -total));
      total = 0;
    }
    return new Result(total, List.copyOf(parts));
  }

  private static void add(List<Part> parts, String rule, int points) {
    if (points != 0) {
      parts.add(new Part(rule, points));
    }
  }
}
