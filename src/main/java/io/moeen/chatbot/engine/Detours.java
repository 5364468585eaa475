package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.moeen.chatbot.flow.NodeType;
import io.moeen.chatbot.language.ChangeOfMind;
import io.moeen.chatbot.language.Entities;
import io.moeen.chatbot.language.Intent;
import io.moeen.chatbot.language.Understanding;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Where a turn leaves the flow's path and comes back to the same node: a side question (prices, hours,
 * branches, services) answered in the middle of a task, which then resumes; an answer not understood,
 * said so — the second in a row offers a person; another service or doctor named mid-booking, which starts the booking
 * again with it.
 */
final class Detours {
  private final FlowWalker walker;
  private final ZoneId zone;
  private final Clock clock;

  Detours(FlowWalker walker, ZoneId zone, Clock clock) {
    this.walker = walker;
    this.zone = zone;
    this.clock = clock;
  }

  /** The same as {@link ChoiceOptions.Pick} failing: say so, and the second time in a row offer a person. */
  Future<Void> notUnderstood(Turn turn, JsonObject node, String key) {
    Conversation c = turn.c;
    if (SlotFilling.missed(c) >= 2) {
      turn.out.add(SlotFilling.offerPerson(walker.message(c, "chatbot.offer_person"), walker.message(c, "chatbot.person_button")));
      turn.out.add(walker.prompt(c, node));
      return Future.succeededFuture();
    }
    turn.say(walker.message(c, key));
    turn.out.add(walker.prompt(c, node));
    return Future.succeededFuture();
  }

  /**
   * A question about prices, hours, branches or services in the middle of a task: answered by the
   * menu's own path for it (its actions and messages, up to the first node that waits), then the
   * task resumes where it was («نكمل الحجز؟» and the same question again). The task's variables
   * are kept as they were.
   */
  Optional<Future<Void>> sideQuestion(Turn turn, JsonObject node) {
    Conversation c = turn.c;
    Understanding u = turn.understanding;
    String menuId = FlowWalker.menu(turn.flow);
    if (u == null || u.intent().isEmpty() || !SlotFilling.SIDE.contains(u.intent().get()) || menuId.equals(c.currentNode)) {
      return Optional.empty();
    }
    Optional<ChoiceOptions.Choice> entry = menuEntry(turn, u.intent().get());
    if (entry.isEmpty() || c.currentNode == null) {
      return Optional.empty();
    }
    Optional<String> price = u.intent().get() == Intent.PRICES ? TypedMeaning.priceOf(c, u) : Optional.empty();
    if (price.isPresent()) {
      // «كم السعر؟» once a service is chosen (or named): that service's price, not the whole list
      turn.say(price.get());
      turn.say(walker.message(c, "chatbot.resume"));
      turn.out.add(walker.prompt(c, node));
      return Optional.of(Future.succeededFuture());
    }
    JsonObject saved = c.variables.copy();
    String at = c.currentNode;
    turn.detour = true;
    return Optional.of(walker.walk(turn, entry.get().next()).eventually(() -> {
      turn.detour = false;
      c.variables = saved;
      c.currentNode = at;
      turn.say(walker.message(c, "chatbot.resume"));
      turn.out.add(walker.prompt(c, node));
      return Future.succeededFuture();
    }));
  }

  /**
   * A day typed at the free times («الاحد», "thursday instead") without a clock time: back to the question that asked
   * the day, which that day answers at once (its free times follow), instead of «ما فهمت». The question is the date
   * question of the flow from which the walk reaches this node through actions and conditions.
   */
  Optional<Future<Void>> anotherDay(Turn turn, JsonObject node, String input) {
    Conversation c = turn.c;
    if (!"slot".equals(node.getString("variable")) || turn.understanding == null
        || turn.understanding.entities().day() == null || turn.understanding.entities().time() != null) {
      return Optional.empty();
    }
    return dateQuestionBefore(turn.flow, c.currentNode).map(question -> {
      SlotFilling.remember(c, input); // the day it names answers the day question when the walk reaches it
      return walker.walk(turn, question);
    });
  }

  /**
   * A side question, or another service or doctor: «عندكم تخطيط قلب؟» mid-booking (read as a question about services)
   * is taken as the change when it names another service; a price, an address or the hours asked stay side questions.
   */
  Optional<Future<Void>> sideQuestionOrChange(Turn turn, JsonObject node, String input) {
    boolean services = turn.understanding != null && turn.understanding.intent().orElse(null) == Intent.SERVICES;
    return services ? changedMind(turn, node, input).or(() -> sideQuestion(turn, node))
        : sideQuestion(turn, node).or(() -> changedMind(turn, node, input));
  }

  /**
   * Another service or doctor named after one was chosen («لا ابي تخطيط قلب بدال», "actually with dr faisal"), or asked
   * for without a name («ابي اغير الخدمة», "a different doctor"): the booking starts again from the menu's booking
   * entry with this message and what still holds — the chosen day (and part of it) unless the message names one, and the service when
   * only the doctor changes — so what it names is filled and the rest asked, instead of «ما فهمت».
   */
  Optional<Future<Void>> changedMind(Turn turn, JsonObject node, String input) {
    Conversation c = turn.c;
    String variable = node.getString("variable");
    Optional<ChangeOfMind.What> again = ChangeOfMind.of(input);
    if (again.isPresent() && again.get().name().equalsIgnoreCase(variable)) {
      turn.out.add(walker.prompt(c, node)); // "another doctor" at the doctor list: this list is where one is chosen
      return Optional.of(Future.succeededFuture());
    }
    Optional<Change> change = change(turn, variable, again);
    Optional<ChoiceOptions.Choice> booking = menuEntry(turn, Intent.BOOK);
    if (change.isEmpty() || !change.get().service() && !change.get().doctor() || booking.isEmpty()) {
      return Optional.empty();
    }
    Entities said = turn.understanding.entities();
    StringBuilder kept = new StringBuilder(change.get().service() ? "" : c.variables.getString("serviceLabel") + " ");
    if (said.day() == null && c.variables.getValue("dateLabel") instanceof String day) {
      kept.append(day).append(' ');
      if (said.dayPart() == null && c.variables.getValue(SlotFilling.DAY_PART) instanceof String part) {
        kept.append(part).append(' '); // «بكرة العصر» kept whole: the part is read from its English name
      }
    }
    c.forgetTask();
    SlotFilling.remember(c, kept + input);
    return Optional.of(walker.walk(turn, booking.get().next()));
  }

  /** What a message mid-booking changes: another service than the chosen one, another doctor than the chosen one. */
  private record Change(boolean service, boolean doctor) {}

  /**
   * Mid-booking (a service chosen, not being asked), whether the message names — or, {@code again}, asks for — another
   * service or doctor than the ones chosen; empty outside booking.
   */
  private Optional<Change> change(Turn turn, String variable, Optional<ChangeOfMind.What> again) {
    Conversation c = turn.c;
    if (turn.understanding == null || !(c.variables.getValue("serviceLabel") instanceof String)
        || "service".equals(variable)) {
      return Optional.empty();
    }
    Entities said = turn.understanding.entities();
    boolean doctorChosen = c.variables.getValue("doctorLabel") instanceof String;
    Entities chosen = ListedOptions.chosen(c, turn.clinic, zone, clock);
    boolean otherService = said.service() != null && !said.service().equals(chosen.service())
        || again.orElse(null) == ChangeOfMind.What.SERVICE;
    boolean otherDoctor = doctorChosen && !"doctor".equals(variable) && (said.doctor() != null
        && !said.doctor().equals(chosen.doctor()) || again.orElse(null) == ChangeOfMind.What.DOCTOR);
    return Optional.of(new Change(otherService, otherDoctor));
  }

  /**
   * Whether an "abort" read mid-booking names what to book instead: another service or doctor than the chosen ones, or
   * a doctor at the doctor list («لا، خليه مع د. فيصل»). «خلاص ما ابي الكشف» names the chosen service: an abort.
   */
  boolean namesAnother(Turn turn, JsonObject node) {
    String variable = node.getString("variable");
    Optional<Change> change = change(turn, variable, Optional.empty());
    return change.isPresent() && (change.get().service() || change.get().doctor()
        || "doctor".equals(variable) && turn.understanding.entities().doctor() != null);
  }

  private static Optional<ChoiceOptions.Choice> menuEntry(Turn turn, Intent intent) {
    return turn.flow.node(FlowWalker.menu(turn.flow)).map(m -> ChoiceOptions.of(m, turn.c.scope(), turn.c.locale))
        .orElse(List.of()).stream().filter(o -> o.intents().contains(intent.name()) && o.next() != null).findFirst();
  }

  /** The date question whose answer leads, through actions and conditions only, to the node {@code target}. */
  static Optional<String> dateQuestionBefore(Flow flow, String target) {
    for (String id : flow.nodes().fieldNames()) {
      JsonObject n = flow.nodes().getJsonObject(id);
      if (Flow.type(n).orElse(null) == NodeType.QUESTION
          && "date".equals(n.getString("input")) && leadsTo(flow, n.getString("next"), target, 6)) {
        return Optional.of(id);
      }
    }
    return Optional.empty();
  }

  private static boolean leadsTo(Flow flow, String from, String target, int hops) {
    if (from == null || hops == 0) {
      return false;
    }
    if (from.equals(target)) {
      return true;
    }
    JsonObject n = flow.node(from).orElse(null);
    NodeType type = n == null ? null : Flow.type(n).orElse(null);
    if (type == NodeType.ACTION) {
      return leadsTo(flow, n.getString("next"), target, hops - 1);
    }
    if (type == NodeType.CONDITION) {
      boolean any = leadsTo(flow, n.getString("otherwise"), target, hops - 1);
      for (Object b : n.getJsonArray("branches", new JsonArray())) {
        any = any || b instanceof JsonObject branch && leadsTo(flow, branch.getString("next"), target, hops - 1);
      }
      return any;
    }
    return false;
  }
}
