package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.moeen.chatbot.flow.InputType;
import io.moeen.chatbot.flow.NodeType;
import io.moeen.chatbot.language.ChatNormalizer;
import io.moeen.chatbot.language.ClinicCatalogue;
import io.moeen.chatbot.language.Entities;
import io.moeen.chatbot.language.EntityReader;
import io.moeen.chatbot.language.Intent;
import io.moeen.chatbot.language.Understanding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything said in one message fills its slot: the message that started a booking is kept
 * ({@code _want}) and, at each question or choice the flow reaches, what it says for that slot
 * (service, doctor, day, time) answers it without asking — once per slot, so a day with no free
 * times is asked again normally. Also the bookkeeping of answers not understood ({@code _misses}):
 * the second in a row offers a person.
 */
final class SlotFilling {
  static final String WANT = "_want";
  static final String MISSES = "_misses";
  /** The button id that hands the conversation to a person from anywhere. */
  static final String PERSON = "_person";
  /** Questions answered in the middle of a task, which then resumes. */
  static final Set<Intent> SIDE = EnumSet.of(Intent.HOURS, Intent.LOCATIONS, Intent.PRICES, Intent.SERVICES);

  /** A slot answered from the remembered message: what to show and where the flow goes on. */
  record Filled(String label, String next) {}

  private SlotFilling() {}

  static void remember(Conversation c, String input) {
    c.variables.put(WANT, new JsonObject().put("text", input));
  }

  /**
   * A move asked for in one message: only the day it names as where the appointment goes ("to thursday", «من بكرة
   * للخميس») fills the new day — «ابي اأجل موعد بكرة» names the appointment's own day, which is not an answer.
   */
  static void rememberMove(Conversation c, String input) {
    c.variables.put(WANT, new JsonObject().put("text", input).put("move", true));
  }

  /**
   * The words of {@code raw} that read as {@code read} (an entity the reader found in the folded text: «نوره»,
   * "sara ahmed"), as the person wrote them («نورة», "Sara Ahmed"); {@code read} itself when none do.
   */
  static String asWritten(String raw, String read) {
    if (read == null) {
      return null;
    }
    String[] words = raw.strip().split("[\\s،,.!?؟]+");
    int n = read.split("\\s+").length;
    for (int i = 0; i + n <= words.length; i++) {
      String window = String.join(" ", Arrays.copyOfRange(words, i, i + n));
      if (ChatNormalizer.normalize(window).equals(read)) {
        return window;
      }
    }
    return read;
  }

  /** A name said before it was asked («اسمي نورة» at the phone question): it answers the name question later. */
  static void rememberName(Conversation c, String name) {
    JsonObject want = c.variables.getJsonObject(WANT);
    if (want == null) {
      want = new JsonObject().put("text", "");
      c.variables.put(WANT, want);
    }
    want.put("name", name).remove("used:name");
  }

  /**
   * The part of the day said with the day (morning, noon, afternoon, evening; null: the whole day),
   * which {@code find_slots} reads as {@code dayPart} to offer only those times.
   */
  static void rememberDayPart(Conversation c, String part) {
    if (part == null) {
      c.variables.remove(DAY_PART);
    } else {
      c.variables.put(DAY_PART, part);
    }
  }

  static final String DAY_PART = "dayPart";

  /** Counts one more answer not understood; returns how many in a row. */
  static int missed(Conversation c) {
    int n = c.variables.getInteger(MISSES, 0) + 1;
    c.variables.put(MISSES, n);
    return n;
  }

  static BotReply offerPerson(String text, String button) {
    return new BotReply(text, new JsonObject().put("buttons",
        new JsonArray().add(new JsonObject().put("id", PERSON).put("title", BotReply.cut(button, 20)))));
  }

  /**
   * A choice whose list is one option marked {@code sole} (the text saying what was taken, e.g. the
   * only doctor who gives the service) is not asked: the option is taken and the text said.
   */
  static Optional<Filled> sole(Conversation c, JsonObject node) {
    String variable = node.getString("variable");
    if (variable == null || !(node.getValue("optionsFrom") instanceof String from)
        || !(c.scope().getValue(from) instanceof JsonArray items) || items.size() != 1
        || !(items.getValue(0) instanceof JsonObject item) || !(item.getValue("sole") instanceof String said)) {
      return Optional.empty();
    }
    c.variables.put(variable, item.getValue("value")).put(variable + "Label", Flow.text(item.getValue("title"), c.locale));
    return Optional.of(new Filled(said, node.getString("next")));
  }

  static Optional<Filled> fill(Conversation c, JsonObject node, ZoneId zone, Clock clock, Answers answers,
                               ClinicCatalogue clinic) {
    JsonObject want = c.variables.getJsonObject(WANT);
    String variable = node.getString("variable");
    if (want == null || variable == null || want.containsKey("used:" + variable)) {
      return Optional.empty();
    }
    want.put("used:" + variable, true);
    String text = want.getString("text", "");
    NodeType type = Flow.type(node).orElse(NodeType.END);
    if (type == NodeType.QUESTION && ("name".equals(variable)
        || InputType.of(node.getString("input")).orElse(null) == InputType.PHONE)) {
      // «… اسمي نورة وجوالي 0551234567» in the booking message, or a name given where the phone was asked
      Entities e = EntityReader.read(text, ClinicCatalogue.empty(), zone, clock);
      String said = "name".equals(variable) ? want.getString("name", asWritten(text, e.name())) : e.phone();
      Optional<Answers.Answer> answer = said == null ? Optional.empty()
          : answers.read(InputType.of(node.getString("input")).orElse(InputType.TEXT), said, c.locale);
      answer.ifPresent(a -> {
        c.variables.put(variable, a.value()).put(variable + "Label", a.label());
        if (InputType.of(node.getString("input")).orElse(null) == InputType.PHONE) {
          c.phone = (String) a.value();
        }
      });
      return answer.map(a -> new Filled(a.label(), node.getString("next")));
    }
    if (type == NodeType.QUESTION && InputType.of(node.getString("input")).orElse(null) == InputType.DATE) {
      Entities e = EntityReader.read(text, ClinicCatalogue.empty(), zone, clock);
      LocalDate day = want.getBoolean("move", false) ? EntityReader.movedTo(text, zone, clock) : e.day();
      if (day == null) {
        return Optional.empty();
      }
      return answers.read(InputType.DATE, day.toString(), c.locale).map(a -> {
        c.variables.put(variable, a.value()).put(variable + "Label", a.label());
        rememberDayPart(c, e.dayPart());
        return new Filled(a.label(), node.getString("next"));
      });
    }
    if (type != NodeType.CHOICE || !(node.getValue("optionsFrom") instanceof String from)
        || !(c.scope().getValue(from) instanceof JsonArray items)) {
      return Optional.empty();
    }
    String chosen = namedOption(c, node, text, zone, clock);
    if ("slot".equals(variable)) {
      List<ClinicCatalogue.Item> catalogue = optionsCatalogue(c, items);
      Entities e = EntityReader.read(text, ClinicCatalogue.empty(), zone, clock);
      if (e.time() != null) {
        String hhmm = e.time().toString();
        chosen = catalogue.stream().filter(i -> i.names().get(0).startsWith(hhmm)).map(ClinicCatalogue.Item::id)
            .findFirst().orElse(null);
      }
    }
    if (chosen == null && "service".equals(variable)) {
      // «ابي موعد تنظيف اسنان» naming a service the list does not offer: the offered one its words describe («…وتلميعها»),
      // else that service itself, so the flow says the chat cannot book it — not a list without it
      String named = EntityReader.read(text, new ClinicCatalogue(clinic.services(), List.of(), List.of()), zone, clock)
          .service();
      if (named == null) {
        return Optional.empty();
      }
      // an offered service the words or the named service's other names describe, before saying no
      chosen = describedFor(c, node, named, text, clinic).orElse(null);
      if (chosen == null) {
        return notOffered(c, node, named, clinic);
      }
    }
    if (chosen == null) {
      return Optional.empty();
    }
    for (Object o : items) {
      if (o instanceof JsonObject item && chosen.equals(item.getString("id"))) {
        String title = Flow.text(item.getValue("title"), c.locale);
        c.variables.put(variable, item.getValue("value")).put(variable + "Label", title);
        return Optional.of(new Filled(title, node.getString("next")));
      }
    }
    return Optional.empty();
  }

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
  private static List<ClinicCatalogue.Item> optionsCatalogue(Conversation c, JsonArray items) {
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
  static Optional<Filled> notOffered(Conversation c, JsonObject node, String serviceId, ClinicCatalogue clinic) {
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
    return Optional.of(new Filled(label, node.getString("next")));
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
