package io.moeen.crm.leads;

import io.moeen.common.errors.Problem;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A lead as it arrives from anywhere (a marketer, a web form, the chatbot, an import): the body of
 * {@code crm.leads.capture}, checked and normalized. {@code ownerId} is only set by staff who
 * choose the owner; otherwise the {@link LeadAssigner} decides.
 */
public record CaptureRequest(String fullName, LeadContact contact, String preferredLanguage, String source,
                             Utm utm, UUID interestedServiceId, String interestedIn, String note, Consent consent,
                             String requestId, UUID authorId, UUID ownerId, String[] tags) {
  public static final Set<String> SOURCES = Set.of("whatsapp", "web_chat", "web_form", "campaign", "referral",
      "walk_in", "phone_call", "social");
  static final Set<String> LANGUAGES = Set.of("ar", "en");
  static final Set<String> CONSENT_CHANNELS = Set.of("whatsapp", "sms", "email");

  public record Utm(String campaign, String medium, String source, String content, String term) {
    static Utm from(JsonObject json) {
      if (json == null) {
        return new Utm(null, null, null, null, null);
      }
      return new Utm(text(json, "campaign", 200), text(json, "medium", 200), text(json, "source", 200),
          text(json, "content", 200), text(json, "term", 200));
    }

    JsonObject toJson() {
      return new JsonObject().put("campaign", campaign).put("medium", medium).put("source", source)
          .put("content", content).put("term", term);
    }
  }

  public record Consent(String channel, String wording, String locale, boolean optIn) {
    static Consent from(JsonObject json) {
      if (json == null) {
        return null;
      }
      String channel = json.getString("channel");
      if (!CONSENT_CHANNELS.contains(channel)) {
        throw Problem.invalid("invalid_consent", "consent.channel", Map.of());
      }
      boolean optIn = json.getBoolean("optIn", false);
      String wording = text(json, "wording", 2000);
      if (optIn && wording == null) {
        throw Problem.invalid("invalid_consent", "consent.wording", Map.of());
      }
      String locale = json.getString("locale");
      return new Consent(channel, wording, LANGUAGES.contains(locale) ? locale : null, optIn);
    }
  }

  /** The capture contract's JSON; 400 with the field for anything the bus caller got wrong. */
  public static CaptureRequest fromJson(JsonObject json) {
    return fromJson(json, null, null);
  }

  public static CaptureRequest fromJson(JsonObject json, UUID authorId, UUID ownerId) {
    String name = json.getString("fullName") == null ? null : json.getString("fullName").strip();
    if (name == null || name.isEmpty() || name.length() > 200) {
      throw Problem.invalid("lead_name_required", "fullName", Map.of());
    }
    LeadContact contact = LeadContact.of(json.getString("phone"), json.getString("email"));
    String language = json.getString("preferredLanguage");
    if (language != null && !LANGUAGES.contains(language)) {
      throw Problem.invalid("invalid_lead_language", "preferredLanguage", Map.of("value", language));
    }
    String source = json.getString("source");
    if (!SOURCES.contains(source)) {
      throw Problem.invalid("invalid_lead_source", "source", Map.of("value", String.valueOf(source)));
    }
    UUID service;
    try {
      service = json.getString("interestedServiceId") == null ? null : UUID.fromString(json.getString("interestedServiceId"));
    } catch (IllegalArgumentException e) {
      throw Problem.invalid("unknown_service", "interestedServiceId", Map.of("field", "interestedServiceId"));
    }
    var tags = json.getJsonArray("tags");
    return new CaptureRequest(name, contact, language == null ? "ar" : language, source,
        Utm.from(json.getJsonObject("utm")), service, text(json, "interestedIn", 500), text(json, "note", 4000),
        Consent.from(json.getJsonObject("consent")), json.getString("requestId"), authorId, ownerId,
        tags == null ? new String[0] : tags.stream().map(String::valueOf).distinct().toArray(String[]::new));
  }

  private static String text(JsonObject json, String key, int max) {
    Object value = json.getValue(key);
    if (value == null) {
      return null;
    }
    String text = String.valueOf(value).strip();
    if (text.length() > max) {
      throw Problem.invalid("text_too_long", key, Map.of("max", max));
    }
    return text.isEmpty() ? null : text;
  }

  JsonObject touch() {
    JsonObject details = new JsonObject().put("source", source).put("utm", utm.toJson());
    if (note != null) {
      details.put("note", note);
    }
    if (interestedIn != null) {
      details.put("interestedIn", interestedIn);
    }
    if (interestedServiceId != null) {
      details.put("interestedServiceId", interestedServiceId.toString());
    }
    return details;
  }
}
