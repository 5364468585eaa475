package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.moeen.chatbot.flow.NodeType;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flow side of a turn: from a node, through message, condition and action nodes, to the next node that waits
 * for input — filling it from what the message already said (slot filling) or asking it — and what a waiting
 * node says. {@link ChatEngine} decides what the contact's message answers; this walks on from there.
 */
final class FlowWalker {
  private static final Logger LOG = LoggerFactory.getLogger(FlowWalker.class);
  private static final int MAX_STEPS = 60;

  private final ChatActions actions;
  private final Messages messages;
  private final Answers answers;
  private final ZoneId zone;
  private final Clock clock;

  FlowWalker(ChatActions actions, Messages messages, Answers answers, ZoneId zone, Clock clock) {
    this.actions = actions;
    this.messages = messages;
    this.answers = answers;
    this.zone = zone;
    this.clock = clock;
  }

  /** Walks message, condition and action nodes from {@code id} to the next node that waits, and asks it. */
  Future<Void> walk(Turn turn, String id) {
    Conversation c = turn.c;
    if (++turn.steps > MAX_STEPS) {
      LOG.warn("Flow {} v{} loops without waiting for input at node {}", c.flowKey, c.flowVersion, id);
      turn.say(message(c, "chatbot.action_failed"));
      c.currentNode = null;
      return Future.succeededFuture();
    }
    Optional<JsonObject> found = turn.flow.node(id);
    if (found.isEmpty()) {
      LOG.warn("Flow {} v{} has no node {}", c.flowKey, c.flowVersion, id);
      turn.say(message(c, "chatbot.action_failed"));
      c.currentNode = null;
      return Future.succeededFuture();
    }
    JsonObject node = found.get();
    switch (Flow.type(node).orElse(NodeType.END)) {
      case MESSAGE -> {
        sayUnderstood(turn); // what was understood, before what follows from it («للأسف هذي الخدمة…»)
        turn.say(Flow.fill(Flow.text(node.getValue("text"), c.locale), c.scope()));
        return walk(turn, node.getString("next"));
      }
      case CONDITION -> {
        return walk(turn, Conditions.next(node, c.scope()));
      }
      case ACTION -> {
        return actions.run(node.getString("action"), c, c.scope(), turn.requestId)
            .compose(sets -> {
              sets.forEach(e -> c.variables.put(e.getKey(), e.getValue()));
              return walk(turn, node.getString("next"));
            }, failure -> {
              ChatActions.ActionFailure af = failure instanceof ChatActions.ActionFailure f ? f
                  : new ChatActions.ActionFailure("internal", null);
              if (!(failure instanceof ChatActions.ActionFailure)) {
                LOG.error("Chat action {} failed", node.getString("action"), failure);
              }
              af.sets().forEach(e -> c.variables.put(e.getKey(), e.getValue()));
              c.variables.put("errorCode", af.code());
              if (node.getString("onError") != null) {
                return walk(turn, node.getString("onError"));
              }
              turn.say(message(c, "chatbot.action_failed"));
              return walk(turn, menu(turn.flow));
            });
      }
      case QUESTION, CHOICE -> {
        if (turn.detour) {
          return Future.succeededFuture();
        }
        Optional<SlotFilling.Filled> filled = SlotFilling.fill(c, node, zone, clock, answers, turn.clinic);
        if (filled.isPresent()) {
          turn.understood.add(filled.get().label());
          return walk(turn, filled.get().next());
        }
        Optional<SlotFilling.Filled> sole = Flow.type(node).orElse(null) == NodeType.CHOICE
            ? SlotFilling.sole(c, node) : Optional.empty();
        if (sole.isPresent()) {
          sayUnderstood(turn);
          turn.say(sole.get().label());
          return walk(turn, sole.get().next());
        }
        c.currentNode = id;
        sayUnderstood(turn);
        notGiving(turn, node);
        turn.out.add(prompt(c, node));
        return Future.succeededFuture();
      }
      case HANDOFF -> {
        if (turn.detour) {
          return Future.succeededFuture();
        }
        turn.say(Flow.fill(Flow.text(node.getValue("text"), c.locale), c.scope()));
        handOff(turn, c.handedOffBy != null ? c.handedOffBy : "bot");
        return Future.succeededFuture();
      }
      case END -> {
        if (turn.detour) {
          return Future.succeededFuture();
        }
        turn.say(Flow.fill(Flow.text(node.getValue("text"), c.locale), c.scope()));
        c.currentNode = null;
        c.forgetTask();
        return Future.succeededFuture();
      }
      default -> throw new IllegalStateException();
    }
  }

  /**
   * At the doctor list, a doctor of the clinic the message named who does not give the chosen service: said so
   * (««متابعة» ما هي من خدمات هدى القرني عندنا…»), before the doctors who do. Whether it was said.
   */
  boolean notGiving(Turn turn, JsonObject node) {
    Optional<String> doctor = ListedOptions.doctorNotListed(turn.c, node, turn.input, turn.understanding, turn.clinic,
        zone, clock);
    doctor.ifPresent(d -> turn.say(messages.format(SupportedLocale.fromTag(turn.c.locale).orElse(SupportedLocale.AR),
        "chatbot.doctor_not_for_service", Map.of("doctor", d, "service", turn.c.variables.getString("serviceLabel", "")))));
    return doctor.isPresent();
  }

  /** What the message already answered, said once before the bot says or asks the next thing. */
  void sayUnderstood(Turn turn) {
    if (!turn.understood.isEmpty()) {
      turn.say(messages.format(SupportedLocale.fromTag(turn.c.locale).orElse(SupportedLocale.AR), "chatbot.understood",
          Map.of("summary", String.join(" · ", turn.understood))));
      turn.understood.clear();
    }
  }

  static void handOff(Turn turn, String by) {
    Conversation c = turn.c;
    c.status = "handed_off";
    c.handedOffBy = by;
    c.silentNoticeSent = false;
    // after release the bot picks up at the menu
    c.currentNode = menu(turn.flow);
    c.forgetTask();
  }

  static String menu(Flow flow) {
    String menu = flow.definition().getString("menu");
    return menu != null && flow.node(menu).isPresent() ? menu : flow.start();
  }

  /** What a waiting node says: a question's text, or a choice's text with its buttons or list. */
  BotReply prompt(Conversation c, JsonObject node) {
    JsonObject scope = c.scope();
    String text = Flow.fill(Flow.text(node.getValue("text"), c.locale), scope);
    if (Flow.type(node).orElse(NodeType.END) != NodeType.CHOICE) {
      return BotReply.text(text);
    }
    List<BotReply.Option> options = ChoiceOptions.of(node, scope, c.locale).stream()
        .map(o -> new BotReply.Option(o.id(), o.title(), o.description())).toList();
    String listButton = node.containsKey("listButton") ? Flow.text(node.getValue("listButton"), c.locale)
        : message(c, "chatbot.list_button");
    return BotReply.choice(text, options, listButton);
  }

  String message(Conversation c, String key) {
    return messages.format(SupportedLocale.fromTag(c.locale).orElse(SupportedLocale.AR), key, Map.of());
  }
}
