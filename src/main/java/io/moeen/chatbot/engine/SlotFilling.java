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

  /**
   * What the name question keeps of a typed answer: the name in it as the person wrote it when the message says
   * whose name it is («اسمي نورة», "my wife name Fatima Begum", «باسم ابوي عبدالله»), otherwise the whole answer
   * («نورة العتيبي»). Any other question: the answer as typed.
   */
  static String nameIn(JsonObject node, String input, Understanding understanding) {
    if (!"name".equals(node.getString("variable")) || understanding == null || understanding.entities().name() == null) {
      return input;
    }
    return asWritten(input, understanding.entities().name());
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
    String chosen = ListedOptions.namedOption(c, node, text, zone, clock);
    if ("slot".equals(variable)) {
      List<ClinicCatalogue.Item> catalogue = ListedOptions.optionsCatalogue(c, items);
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
      chosen = ListedOptions.describedFor(c, node, named, text, clinic).orElse(null);
      if (chosen == null) {
        return ListedOptions.notOffered(c, node, named, clinic);
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
}
