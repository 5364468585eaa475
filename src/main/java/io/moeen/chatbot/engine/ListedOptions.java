package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.moeen.chatbot.language.ClinicCatalogue;
import io.moeen.chatbot.language.Entities;
import io.moeen.chatbot.language.EntityReader;
import io.moeen.chatbot.language.OptionMatcher;
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
    List<ClinicCatalogue.Item> catalogue = optionsCatalogue(c, listed(c, node));
    if (catalogue.isEmpty()) {
      return null; // no list: the lexicon's service codes are no option's id
    }
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
    String chosen = chosen(c, clinic, zone, clock).service();
    if (u.entities().service() != null && !u.entities().service().equals(chosen)) {
      return Optional.empty(); // another service named too: a change of mind (Detours.changedMind), not this
    }
    return clinic.doctor(u.entities().doctor()).map(d -> d.name(c.locale));
  }

  /** The service and doctor chosen so far in this booking, as the clinic's ids (read from their labels). */
  static Entities chosen(Conversation c, ClinicCatalogue clinic, ZoneId zone, Clock clock) {
    String service = c.variables.getValue("serviceLabel") instanceof String s ? s : "";
    String doctor = c.variables.getValue("doctorLabel") instanceof String d ? d : "";
    return EntityReader.read(service + " " + doctor, clinic, zone, clock);
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
    Optional<ClinicCatalogue.Item> service = clinic.service(serviceId);
    if (variable == null || offered || service.isEmpty()) {
      return Optional.empty();
    }
    String label = service.get().name(c.locale);
    c.variables.put(variable, serviceId).put(variable + "Label", label);
    return Optional.of(new SlotFilling.Filled(label, node.getString("next")));
  }

  /** The id of the node's listed option most of whose title's words the text has ({@link OptionMatcher#mostWordsOf}). */
  static Optional<String> describedOption(Conversation c, JsonObject node, String text) {
    JsonArray items = listed(c, node);
    List<String> titles = new ArrayList<>();
    items.forEach(o -> titles.add(o instanceof JsonObject item ? Flow.text(item.getValue("title"), c.locale) : ""));
    int i = OptionMatcher.mostWordsOf(text, titles);
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
    List<String> names = clinic.service(serviceId).map(ClinicCatalogue.Item::names).orElse(List.of());
    java.util.Set<String> found = new java.util.LinkedHashSet<>();
    for (Object o : listed(c, node)) {
      if (o instanceof JsonObject item) {
        List<String> titles = new ArrayList<>(List.of(Flow.text(item.getValue("title"), c.locale)));
        clinic.services().stream().filter(i -> isService(item, i.id()))
            .forEach(i -> titles.addAll(i.names()));
        if (names.stream().anyMatch(n -> titles.stream()
            .anyMatch(t -> OptionMatcher.mostWordsOf(n, List.of(t)) == 0))) {
          found.add(item.getString("id"));
        }
      }
    }
    return found.size() == 1 ? Optional.of(found.iterator().next()) : Optional.empty();
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
