package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.moeen.chatbot.flow.InputType;
import io.moeen.chatbot.flow.NodeType;
import io.moeen.chatbot.language.Intent;
import io.moeen.chatbot.language.IntentMatch;
import io.moeen.chatbot.language.IntentMatcher;
import io.moeen.chatbot.language.ChatNormalizer;
import io.moeen.chatbot.language.ChatUnderstanding;
import io.moeen.chatbot.language.ClinicCatalogue;
import io.moeen.chatbot.language.LanguageDetector;
import io.moeen.chatbot.language.Understanding;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One turn of a conversation, in this order: a handed-off conversation stays silent; an empty
 * message is re-asked; the language is detected (until the contact chose one); global intents
 * (abort, a person, a language, start over) are honoured from any node unless the node's own
 * options answer that intent; then the current node takes the input (a question validates it
 * and re-asks, a choice matches an option); then the flow is walked through message, condition
 * and action nodes to the next node that waits for input.
 */
public final class ChatEngine {
  private final ChatActions actions;
  private final Messages messages;
  private final Answers answers;
  private final ZoneId zone;
  private final Clock clock;
  private final FlowWalker walker;
  private final Detours detours;

  public ChatEngine(ChatActions actions, Messages messages, ZoneId zone, Clock clock) {
    this.actions = actions;
    this.messages = messages;
    this.answers = new Answers(zone, clock);
    this.zone = zone;
    this.clock = clock;
    this.walker = new FlowWalker(actions, messages, answers, zone, clock);
    this.detours = new Detours(walker, zone, clock);
  }

  /** What the bot says first, before the contact wrote anything (a new web session). */
  public Future<List<BotReply>> greet(Conversation c, Flow flow, String requestId) {
    Turn turn = new Turn(c, flow, requestId);
    return walker.walk(turn, flow.start()).map(turn.out);
  }

  /** The bot's replies to one inbound message; {@code conversation} is changed in place. */
  public Future<List<BotReply>> turn(Conversation c, Flow flow, String text, String replyId, String requestId) {
    Turn turn = new Turn(c, flow, requestId);
    String input = text == null ? "" : text.strip();
    turn.input = replyId == null ? input : "";
    if (c.handedOff()) {
      if (!c.silentNoticeSent) {
        c.silentNoticeSent = true;
        turn.say(walker.message(c, "chatbot.handed_off_notice"));
      }
      return Future.succeededFuture(turn.out);
    }
    Optional<JsonObject> current = flow.node(c.currentNode);
    if (input.isEmpty() && replyId == null) {
      turn.say(walker.message(c, "chatbot.empty_message"));
      current.ifPresent(node -> turn.out.add(walker.prompt(c, node)));
      return current.isPresent() ? Future.succeededFuture(turn.out) : walker.walk(turn, flow.start()).map(turn.out);
    }
    if (!c.localeChosen && replyId == null) {
      // Arabizi is Arabic: «salam», «abi maw3ed» are answered in Arabic, as «3arabi» chooses it
      LanguageDetector.detect(input).map(language -> language == SupportedLocale.EN
              && ChatNormalizer.looksArabizi(ChatNormalizer.normalize(input)) ? SupportedLocale.AR : language)
          .ifPresent(language -> c.locale = language.tag());
    }
    if (current.isEmpty()) {
      return walker.walk(turn, flow.start()).map(turn.out);
    }
    JsonObject node = current.get();
    if (SlotFilling.PERSON.equals(replyId)) {
      return global(turn, Intent.HUMAN, node).map(turn.out);
    }
    if (replyId != null) {
      return understood(turn, node, input, replyId, Optional.empty()).map(turn.out);
    }
    // read against the clinic's own services, doctors and branches, as the model was trained and benched
    return actions.catalogue(requestId).otherwise(failure -> ClinicCatalogue.empty()).compose(clinic -> {
      Optional<IntentMatch> intent = IntentMatcher.match(input);
      turn.clinic = clinic;
      turn.understanding = ChatUnderstanding.read(input, clinic, zone, clock);
      Understanding u = turn.understanding;
      boolean ruleGlobal = intent.isPresent() && intent.get().intent().isGlobal();
      if (!ruleGlobal && u.intent().isPresent() && !u.intent().get().isGlobal() && u.confidence() >= 0.5) {
        intent = Optional.of(new IntentMatch(u.intent().get(), u.confidence(), "model"));
      } else if (!ruleGlobal && "INFORM".equals(u.label()) && u.confidence() >= 0.5) {
        // the model reads an answer («الاربعاء», "the second one"), not an ask: a loose rule match (a weekday
        // spelled like «الاطباء») must not turn it into a question about services
        intent = Optional.empty();
      }
      if (FlowWalker.menu(flow).equals(c.currentNode) && namesWhatIsBooked(intent, u)) {
        // at the menu, a service or doctor of this clinic named without another ask («حشوة سن بكرة», "Dr. Huda
        // on Sunday") is a wish to book it: the booking path, where the slots fill from the same words
        intent = Optional.of(new IntentMatch(Intent.BOOK, u.confidence(), "catalogue"));
      }
      return understood(turn, node, input, null, intent);
    }).map(turn.out);
  }

  /** No intent read, or only an answer (INFORM), while the message names one of the clinic's services or doctors. */
  private static boolean namesWhatIsBooked(Optional<IntentMatch> intent, Understanding u) {
    boolean named = u.entities().service() != null || u.entities().doctor() != null;
    boolean otherAsk = intent.isPresent() && intent.get().intent() != Intent.BOOK
        || u.intent().isPresent() && !"INFORM".equals(u.label()) && !"BOOK".equals(u.label());
    return named && !otherAsk;
  }

  private Future<Void> understood(Turn turn, JsonObject node, String input, String replyId, Optional<IntentMatch> intent) {
    Conversation c = turn.c;
    List<ChoiceOptions.Choice> choices = Flow.type(node).orElse(NodeType.END) == NodeType.CHOICE
        ? ChoiceOptions.of(node, c.scope(), c.locale) : List.of();
    if (intent.isPresent() && intent.get().intent() == Intent.ABORT && ChoiceOptions.offersIntent(choices, Intent.CANCEL)) {
      // «الغيه», "cancel" where the question is "move it or cancel it?": the cancel offered, not leaving the question
      intent = Optional.of(new IntentMatch(Intent.CANCEL, intent.get().score(), "offered"));
    }
    if (intent.isPresent() && intent.get().intent() == Intent.ABORT && detours.namesAnother(turn, node)) {
      intent = Optional.empty(); // «لا، خليه مع د. فيصل» mid-booking: not "stop", but another doctor (Detours.changedMind)
    }
    if (intent.isPresent() && intent.get().intent().isGlobal() && !ChoiceOptions.offersIntent(choices, intent.get().intent())) {
      return global(turn, intent.get().intent(), node);
    }
    return answer(turn, node, choices, input, replyId, intent);
  }

  private Future<Void> global(Turn turn, Intent intent, JsonObject node) {
    Conversation c = turn.c;
    switch (intent) {
      case LANGUAGE_AR, LANGUAGE_EN -> {
        c.locale = intent == Intent.LANGUAGE_AR ? "ar" : "en";
        c.localeChosen = true;
        turn.say(walker.message(c, "chatbot.language_set"));
        turn.out.add(walker.prompt(c, node));
        return Future.succeededFuture();
      }
      case HUMAN -> {
        Optional<String> handoff = turn.flow.nodes().fieldNames().stream()
            .filter(id -> turn.flow.node(id).flatMap(Flow::type).orElse(null) == NodeType.HANDOFF).sorted().findFirst();
        if (handoff.isPresent()) {
          c.handedOffBy = "user";
          return walker.walk(turn, handoff.get());
        }
        FlowWalker.handOff(turn, "user");
        turn.say(walker.message(c, "chatbot.handed_off"));
        return Future.succeededFuture();
      }
      case START_OVER -> {
        c.forgetTask();
        return walker.walk(turn, FlowWalker.menu(turn.flow));
      }
      default -> {
        c.forgetTask();
        turn.say(walker.message(c, "chatbot.aborted"));
        return walker.walk(turn, FlowWalker.menu(turn.flow));
      }
    }
  }

  private Future<Void> answer(Turn turn, JsonObject node, List<ChoiceOptions.Choice> choices, String input,
                              String replyId, Optional<IntentMatch> intent) {
    Conversation c = turn.c;
    NodeType type = Flow.type(node).orElse(NodeType.END);
    if (type == NodeType.QUESTION) {
      InputType input0 = InputType.of(node.getString("input")).orElse(InputType.TEXT);
      if (TypedMeaning.onlyCourtesy(turn.understanding) && (input0 != InputType.TEXT || "name".equals(node.getString("variable")))) {
        // «ايه» to «نكمل الحجز؟», "thanks", "hi": not a day, a phone or a name; the question again, not «ما فهمت»
        // (a free-text question of an edited flow may take any answer)
        turn.out.add(walker.prompt(c, node));
        return Future.succeededFuture();
      }
      Optional<Answers.Answer> answer = answers.read(input0, SlotFilling.nameIn(node, input, turn.understanding), c.locale);
      if (answer.isEmpty() && input0 == InputType.DATE) {
        answer = turn.understanding == null || turn.understanding.entities().day() == null ? answer
            : answers.read(input0, turn.understanding.entities().day().toString(), c.locale);
      }
      if (answer.isEmpty() && input0 == InputType.PHONE && turn.understanding != null
          && turn.understanding.entities().name() != null) {
        // «اسمي نورة» where the phone is asked: kept for the name question, and the phone asked again (not «ما ضبط»)
        SlotFilling.rememberName(c, SlotFilling.asWritten(input, turn.understanding.entities().name()));
        turn.out.add(walker.prompt(c, node));
        return Future.succeededFuture();
      }
      if (answer.isEmpty()) {
        Optional<Future<Void>> side = detours.sideQuestionOrChange(turn, node, input);
        if (side.isPresent()) {
          return side.get();
        }
        if (SlotFilling.missed(c) >= 2) {
          turn.out.add(SlotFilling.offerPerson(walker.message(c, "chatbot.offer_person"), walker.message(c, "chatbot.person_button")));
          return Future.succeededFuture();
        }
        turn.say(node.containsKey("reask") ? Flow.fill(Flow.text(node.getValue("reask"), c.locale), c.scope())
            : walker.message(c, "chatbot.reask"));
        return Future.succeededFuture();
      }
      c.variables.remove(SlotFilling.MISSES);
      String variable = node.getString("variable");
      c.variables.put(variable, answer.get().value()).put(variable + "Label", answer.get().label());
      if (input0 == InputType.DATE) {
        // «بكرة العصر», "tomorrow evening": the free times offered are those of that part of the day
        SlotFilling.rememberDayPart(c, turn.understanding == null ? null : turn.understanding.entities().dayPart());
      }
      if ("phone".equals(variable)) {
        c.phone = (String) answer.get().value();
      }
      return walker.walk(turn, node.getString("next"));
    }
    if (type == NodeType.CHOICE) {
      ChoiceOptions.Pick resolved = ChoiceOptions.resolve(choices, replyId, input, intent);
      Optional<ChoiceOptions.Choice> picked = resolved.chosen();
      String typedTime = TypedMeaning.clockTimeTyped(turn.understanding, node, replyId, input);
      // a clock time typed at the free times is that time or none: "10:15" is not "09:15" because they are spelled alike
      picked = picked.filter(p -> typedTime == null || p.title().startsWith(typedTime));
      String typedService = TypedMeaning.serviceNamed(turn.understanding, node, replyId);
      if (typedService != null) {
        // a service of this clinic named is that service, whatever other option its words resemble («تنظيف اسنان» is
        // not «حشوة سن»); one the list does not offer (no doctor gives it) is the offered one its words describe, else
        // it is taken too and the flow says the chat cannot book it
        Optional<String> offered = ListedOptions.offeredOption(c, node, typedService)
            .or(() -> ListedOptions.describedFor(c, node, typedService, input, turn.clinic)); // the offered «…وتلميعها»
        Optional<SlotFilling.Filled> taken = offered.isPresent() ? Optional.empty()
            : ListedOptions.notOffered(c, node, typedService, turn.clinic);
        if (taken.isPresent()) {
          c.variables.remove(SlotFilling.MISSES);
          return walker.walk(turn, taken.get().next());
        }
        picked = offered.isEmpty() ? picked : choices.stream().filter(o -> offered.get().equals(o.id())).findFirst();
        if (picked.isPresent() && ListedOptions.offeredOption(c, node, typedService).isEmpty()) {
          turn.understood.add(picked.get().title()); // taken under another name: say which («تمام، فهمت: …وتلميعها»)
        }
      }
      if (picked.isEmpty() && replyId == null && "doctor".equals(node.getString("variable"))) {
        // «مع د. خالد», "with dr maha please": the doctor its words name, read as the booking message is
        String named = ListedOptions.namedOption(c, node, input, zone, clock);
        picked = named == null ? picked : choices.stream().filter(o -> named.equals(o.id())).findFirst();
        if (named == null && walker.notGiving(turn, node)) {
          turn.out.add(walker.prompt(c, node)); // «مع د. هدى» where she does not give it: said so, and the list again
          return Future.succeededFuture();
        }
      }
      boolean untakenTime = typedTime != null && picked.isEmpty();
      if (picked.isEmpty() && !resolved.candidates().isEmpty() && !untakenTime) {
        // «تقصد …؟»: the options that fit equally well, as buttons that answer this very node
        // (not for a clock time that is not free: "10:30" is not "10:45" or "11:30" because they are spelled alike)
        turn.out.add(BotReply.choice(walker.message(c, "chatbot.did_you_mean"), resolved.candidates().stream()
            .map(o -> new BotReply.Option(o.id(), o.title(), o.description())).toList(), walker.message(c, "chatbot.list_button")));
        return Future.succeededFuture();
      }
      if (picked.isEmpty() && replyId == null && node.getValue("variable") instanceof String) {
        // a question about prices, hours, branches or services while a slot is being asked: answer it, then resume;
        // another service or doctor named: the booking again with it
        Optional<Future<Void>> side = detours.sideQuestionOrChange(turn, node, input);
        if (side.isPresent()) {
          return side.get();
        }
      }
      if (picked.isEmpty() && replyId == null && !turn.menuTried && !input.matches("[0-9\\u0660-\\u0669\\u06F0-\\u06F9]+")) {
        // "anything else?" answered with "I want to book": the menu's entry for those words
        Optional<JsonObject> menu = turn.flow.node(FlowWalker.menu(turn.flow));
        List<ChoiceOptions.Choice> menuChoices = menu.map(m -> ChoiceOptions.of(m, c.scope(), c.locale)).orElse(List.of());
        if (menu.isPresent() && menu.get() != node && ChoiceOptions.pick(menuChoices, null, input, intent).isPresent()) {
          turn.menuTried = true;
          c.forgetTask();
          return answer(turn, menu.get(), menuChoices, input, null, intent);
        }
      }
      if (picked.isEmpty() && replyId == null) {
        picked = TypedMeaning.pick(c, turn.understanding, choices, input, FlowWalker.menu(turn.flow).equals(c.currentNode))
            .filter(p -> typedTime == null || p.title().startsWith(typedTime));
        if (picked.isPresent() && picked.get().locale() != null && turn.understanding.intent().orElse(null) == Intent.GREETING) {
          turn.say(walker.message(c, "chatbot.greeting_back"));
        }
      }
      if (picked.isEmpty()) {
        Optional<Future<Void>> side = detours.sideQuestion(turn, node);
        if (side.isPresent()) {
          return side.get();
        }
        if (replyId == null && "slot".equals(node.getString("variable")) && turn.understanding.entities().time() != null) {
          // "5pm" where 17:00 is not among the free times: say so, instead of «ما فهمت»
          turn.say(messages.format(SupportedLocale.fromTag(c.locale).orElse(SupportedLocale.AR), "chatbot.time_not_free",
              Map.of("time", turn.understanding.entities().time().toString())));
          turn.out.add(walker.prompt(c, node));
          return Future.succeededFuture();
        }
        Optional<Future<Void>> day = replyId == null ? detours.anotherDay(turn, node, input) : Optional.empty();
        if (day.isPresent()) {
          c.variables.remove(SlotFilling.MISSES);
          return day.get(); // «الاحد» at the free times: that day's free times
        }
        if (replyId == null && TypedMeaning.onlyCourtesy(turn.understanding)) {
          turn.out.add(walker.prompt(c, node)); // «ايه» to «نكمل الحجز؟» over a list: the list again, not «ما فهمت»
          return Future.succeededFuture();
        }
        return detours.notUnderstood(turn, node, "chatbot.pick_option");
      }
      c.variables.remove(SlotFilling.MISSES);
      ChoiceOptions.Choice choice = picked.get();
      if (choice.intents().contains(Intent.BOOK.name()) && replyId == null) {
        SlotFilling.remember(c, input);
      } else if (replyId == null && intent.isPresent() && intent.get().intent() == Intent.RESCHEDULE
          && choice.intents().contains(Intent.RESCHEDULE.name())) {
        SlotFilling.rememberMove(c, input); // "move it from tomorrow to thursday": the day it goes to is not asked again
      }
      if (node.getValue("variable") instanceof String variable) {
        c.variables.put(variable, choice.value()).put(variable + "Label", choice.title());
      }
      choice.set().forEach(e -> c.variables.put(e.getKey(), e.getValue()));
      if (replyId == null && intent.isPresent()) {
        // an option reached by what the message meant may set more («ما اقدر اجي» on "reschedule": move or cancel?)
        ChoiceOptions.setByIntent(node, choice.id(), intent.get().intent().name())
            .forEach(e -> c.variables.put(e.getKey(), e.getValue()));
      }
      if (choice.locale() != null) {
        c.locale = choice.locale();
        c.localeChosen = true;
      }
      return walker.walk(turn, choice.next() != null ? choice.next() : node.getString("next"));
    }
    // a node that does not wait (the flow changed under the conversation): carry on from the start
    return walker.walk(turn, turn.flow.start());
  }
}
