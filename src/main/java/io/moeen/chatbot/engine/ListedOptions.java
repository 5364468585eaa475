package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.moeen.chatbot.language.ClinicCatalogue;
import io.moeen.chatbot.language.EntityReader;
import io.moeen.chatbot.language.Understanding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a typed answer names among a choice's listed options (split out of {@link SlotFilling}, tenth part): the service
 * or doctor its words name, the offered service a service nobody gives is described as, a doctor who is not listed.
 */
final class ListedOptions {
  private ListedOptions() {}

  /**
   * The id of the listed service or doctor option the text names, read as the entities are against a catalogue of the
   * options' titles («مع د. خالد», "with dr maha please" at the doctor list); null for other questions or none.
   */
  static String namedOption(Conversation c, JsonObject node, String text, ZoneId zone, Clock clock) {
    String variable = node.getString("variable");
    if (!(node.getValue("optionsFrom") instanceof String from) || !(c.scope().getValue(from) instanceof JsonArray items)) {
      return null;
    }
    List<ClinicCatalogue.Item> catalogue = optionsCatalogue(c, items);
    if ("service".equals(variable)) {
      return EntityReader.read(text, new ClinicCatalogue(catalogue, List.of(), List.of()), zone, clock).service();
    }
    if ("doctor".equals(variable)) {
      return EntityReader.read(text, new ClinicCatalogue(List.of(), catalogue, List.of()), zone, clock).doctor();
    }
    return null;
  }

  /**
   * The name of a doctor of the clinic the message names who is not on the node's doctor list — who does not give the
   * chosen service («ابي متابعة مع د. هدى» where Dr. Huda gives no follow-ups) — in the conversation's language.
   */
  static Optional<String> doctorNotListed(Conversation c, JsonObject node, String text, Understanding u,
                                          ClinicCatalogue clinic, ZoneId zone, Clock clock) {
    if (u == null || u.entities().doctor() == null || !"doctor".equals(node.getString("variable"))
        || namedOption(c, node, text, zone, clock) != null) {
      return Optional.empty();
    }
    String chosen = EntityReader.read(c.variables.getString("serviceLabel", ""), clinic, zone, clock).service();
    if (u.entities().service() != null && !u.entities().service().equals(chosen)) {
      return Optional.empty(); // another service named too: a change of mind (Detours.changedMind), not this
    }
    boolean arabic = !"en".equals(c.locale);
    return clinic.doctors().stream().filter(d -> d.id().equals(u.entities().doctor())).findFirst()
        .map(d -> d.names().stream().filter(n -> n.matches(".*\\p{IsArabic}.*") == arabic).findFirst()
            .orElse(d.names().get(0)));
  }

  /** The listed options (but "any") as catalogue items named by their titles in the conversation's language. */
  static List<ClinicCatalogue.Item> optionsCatalogue(Conversation c, JsonArray items) {
    List<ClinicCatalogue.Item> catalogue = new ArrayList<>();
    for (Object o : items) {
      if (o instanceof JsonObject item && !"any".equals(item.getValue("value"))) {
        catalogue.add(new ClinicCatalogue.Item(item.getString("id"), item.getString("code"),
            List.of(Flow.text(item.getValue("title"), c.locale))));
      }
    }
    return catalogue;
  }

  /**
   * A service of the clinic ({@code serviceId}) that the node's list does not offer — no doctor gives it — taken as
   * the answer under its own name, so the flow says it cannot be booked from the chat instead of offering a list
   * without it; empty when the list offers it or the clinic has no such service.
   */
  static Optional<SlotFilling.Filled> notOffered(Conversation c, JsonObject node, String serviceId, ClinicCatalogue clinic) {
    String variable = node.getString("variable");
    boolean offered = offeredOption(c, node, serviceId).isPresent();
    Optional<ClinicCatalogue.Item> service = clinic.services().stream().filter(i -> serviceId.equals(i.id())).findFirst();
    if (variable == null || offered || service.isEmpty()) {
      return Optional.empty();
    }
    boolean arabic = !"en".equals(c.locale);
    String label = service.get().names().stream().filter(n -> n.matches(".*\\p{IsArabic}.*") == arabic).findFirst()
        .orElse(service.get().names().isEmpty() ? serviceId : service.get().names().get(0));
    c.variables.put(variable, serviceId).put(variable + "Label", label);
    return Optional.of(new SlotFilling.Filled(label, node.getString("next")));
  }

  /** The id of the node's listed option most of whose title's words the text has ({@link io.moeen.chatbot.language.OptionMatcher#mostWordsOf}). */
  static Optional<String> describedOption(Conversation c, JsonObject node, String text) {
    JsonArray items = listed(c, node);
    List<String> titles = new ArrayList<>();
    items.forEach(o -> titles.add(o instanceof JsonObject item ? Flow.text(item.getValue("title"), c.locale) : ""));
    int i = io.moeen.chatbot.language.OptionMatcher.mostWordsOf(text, titles);
    return i < 0 ? Optional.empty() : Optional.ofNullable(items.getJsonObject(i).getString("id"));
  }

  /**
   * For service {@code serviceId}, named in {@code text}, that the node's list does not offer: the offered option the
   * text's words describe («تنظيف اسنان» is «تنظيف الأسنان وتلميعها»), else the one the service's own names in either
   * language describe ("a dental cleaning" is «تنظيف الأسنان», which it also is).
   */
  static Optional<String> describedFor(Conversation c, JsonObject node, String serviceId, String text,
                                       ClinicCatalogue clinic) {
    return describedOption(c, node, text).or(() -> describedByNames(c, node, serviceId, clinic));
  }

  /**
   * The id of the one listed option that one of the clinic's names for service {@code serviceId} describes, each read
   * in both languages: "a dental cleaning" is the service «تنظيف الأسنان», whose words the offered «تنظيف الأسنان
   * وتلميعها» ("Scaling and polishing") has. Empty when none or more than one is described.
   */
  static Optional<String> describedByNames(Conversation c, JsonObject node, String serviceId, ClinicCatalogue clinic) {
    List<String> names = namesOf(clinic, serviceId);
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    for (Object o : listed(c, node)) {
      if (o instanceof JsonObject item) {
        List<String> titles = new ArrayList<>(List.of(Flow.text(item.getValue("title"), c.locale)));
        clinic.services().stream().filter(i -> isService(item, i.id()))
            .forEach(i -> titles.addAll(i.names()));
        if (names.stream().anyMatch(n -> titles.stream()
            .anyMatch(t -> io.moeen.chatbot.language.OptionMatcher.mostWordsOf(n, List.of(t)) == 0))) {
          found.add(item.getString("id"));
        }
      }
    }
    return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
  }

  private static List<String> namesOf(ClinicCatalogue clinic, String serviceId) {
    return clinic.services().stream().filter(i -> serviceId.equals(i.id())).findFirst()
        .map(ClinicCatalogue.Item::names).orElse(List.of());
  }

  /** The id of the node's listed option that is the service {@code serviceId}, if the list offers it. */
  static Optional<String> offeredOption(Conversation c, JsonObject node, String serviceId) {
    return listed(c, node).stream().filter(o -> o instanceof JsonObject item && isService(item, serviceId))
        .map(o -> ((JsonObject) o).getString("id")).findFirst();
  }

  /**
   * Whether a listed service option is the catalogue's service {@code serviceId}: its value (the clinic's service id)
   * or its code (the corpus clinic's ids are codes).
   */
  static boolean isService(JsonObject option, String serviceId) {
    return serviceId.equals(String.valueOf(option.getValue("value"))) || serviceId.equals(option.getString("code"));
  }

  /** The options a choice node lists from a variable an action set (none for a static choice). */
  private static JsonArray listed(Conversation c, JsonObject node) {
    return node.getValue("optionsFrom") instanceof String from && c.scope().getValue(from) instanceof JsonArray a
        ? a : new JsonArray();
  }
}
