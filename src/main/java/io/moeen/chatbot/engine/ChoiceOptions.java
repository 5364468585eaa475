package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.moeen.chatbot.language.ArabicText;
import io.moeen.chatbot.language.Intent;
import io.moeen.chatbot.language.IntentMatch;
import io.moeen.common.i18n.Digits;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The options of a choice node, static (from the flow) or from a variable an action set, and
 * which of them a message picks: by button id, by number, by label, or by intent.
 */
final class ChoiceOptions {
  // compiled once: fold runs for every option of a node on every typed answer (String.replaceAll compiles each time)
  private static final java.util.regex.Pattern NOT_LETTER_OR_DIGIT = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final java.util.regex.Pattern ONE_OR_TWO_DIGITS = java.util.regex.Pattern.compile("[0-9]{1,2}");

  /** One option as the engine sees it; {@code value} is what the node's variable receives. */
  record Choice(String id, String title, String description, Object value, String next, JsonObject set,
                String locale, Set<String> intents, List<String> aliases) {
  }

  private ChoiceOptions() {
  }

  static List<Choice> of(JsonObject node, JsonObject scope, String language) {
    List<Choice> choices = new ArrayList<>();
    if (node.getValue("optionsFrom") instanceof String from) {
      JsonArray items = scope.getValue(from) instanceof JsonArray a ? a : new JsonArray();
      for (Object o : items) {
        if (o instanceof JsonObject item) {
          choices.add(new Choice(item.getString("id"), Flow.text(item.getValue("title"), language),
              item.getValue("description") == null ? null : Flow.text(item.getValue("description"), language),
              item.getValue("value"), null, new JsonObject(), null, Set.of(), aliases(item)));
        }
      }
      return choices;
    }
    JsonArray options = node.getValue("options") instanceof JsonArray a ? a : new JsonArray();
    for (Object o : options) {
      if (o instanceof JsonObject option) {
        choices.add(new Choice(option.getString("id"), Flow.fill(Flow.text(option.getValue("label"), language), scope),
            null, option.getValue("value", option.getString("id")), option.getString("next"),
            option.getValue("set") instanceof JsonObject set ? set : new JsonObject(), option.getString("locale"),
            intents(option.getValue("intent")), List.of()));
      }
    }
    return choices;
  }

  /** What a static option sets when the message's intent chose it ({@code setByIntent: {INTENT: {variable: value}}}). */
  static JsonObject setByIntent(JsonObject node, String optionId, String intent) {
    if (node.getValue("options") instanceof JsonArray options) {
      for (Object o : options) {
        if (o instanceof JsonObject option && optionId.equals(option.getString("id"))
            && option.getValue("setByIntent") instanceof JsonObject byIntent
            && byIntent.getValue(intent) instanceof JsonObject set) {
          return set;
        }
      }
    }
    return new JsonObject();
  }

  /**
   * Other ids and words that also pick a listed option (the one doctor of a service answers "any
   * doctor" too: a person who asks for any doctor gets the only one).
   */
  private static List<String> aliases(JsonObject item) {
    JsonArray aliases = item.getValue("aliases") instanceof JsonArray a ? a : new JsonArray();
    return aliases.stream().map(String::valueOf).toList();
  }

  private static Set<String> intents(Object intent) {
    Set<String> names = new TreeSet<>();
    if (intent instanceof String s) {
      names.add(s);
    } else if (intent instanceof JsonArray a) {
      a.forEach(i -> names.add(String.valueOf(i)));
    }
    // a menu entry for services also answers a question about prices
    if (names.contains(Intent.SERVICES.name())) {
      names.add(Intent.PRICES.name());
    }
    return names;
  }

  static boolean offersIntent(List<Choice> choices, Intent intent) {
    return choices.stream().anyMatch(c -> c.intents().contains(intent.name()));
  }

  /** What a message picks: one choice, or the candidates when it fits several equally («تقصد …؟»). */
  record Pick(Optional<Choice> chosen, List<Choice> candidates) {
    static final Pick NOTHING = new Pick(Optional.empty(), List.of());
  }

  /** The one matcher for buttons, lists and typed answers: id, then the intent's option, then {@link io.moeen.chatbot.language.OptionMatcher}. */
  static Pick resolve(List<Choice> choices, String replyId, String input, Optional<IntentMatch> intent) {
    Optional<Choice> exact = pick(choices, replyId, input, intent);
    if (exact.isPresent() || replyId != null || input.isBlank()) {
      return new Pick(exact, List.of());
    }
    List<Integer> found = io.moeen.chatbot.language.OptionMatcher.candidates(input,
        choices.stream().map(Choice::title).toList());
    if (found.size() == 1) {
      return new Pick(Optional.of(choices.get(found.get(0))), List.of());
    }
    if (found.isEmpty()) {
      List<Choice> byAlias = choices.stream().filter(c -> !c.aliases().isEmpty()
          && !io.moeen.chatbot.language.OptionMatcher.candidates(input, c.aliases()).isEmpty()).toList();
      if (byAlias.size() == 1) {
        return new Pick(Optional.of(byAlias.get(0)), List.of());
      }
    }
    return found.size() > 1 && found.size() <= BotReply.MAX_BUTTONS
        ? new Pick(Optional.empty(), found.stream().map(choices::get).toList()) : Pick.NOTHING;
  }

  static Optional<Choice> pick(List<Choice> choices, String replyId, String input, Optional<IntentMatch> intent) {
    if (replyId != null) {
      Optional<Choice> byId = choices.stream().filter(c -> replyId.equals(c.id()) || c.aliases().contains(replyId))
          .findFirst();
      if (byId.isPresent()) {
        return byId;
      }
    }
    String text = input.strip();
    Optional<Choice> byId = choices.stream().filter(c -> text.equals(c.id())).findFirst();
    if (byId.isPresent()) {
      return byId;
    }
    String ascii = Digits.toAscii(text);
    if (ONE_OR_TWO_DIGITS.matcher(ascii).matches()) {
      int n = Integer.parseInt(ascii);
      return n >= 1 && n <= choices.size() ? Optional.of(choices.get(n - 1)) : Optional.empty();
    }
    String typed = fold(text);
    if (!typed.isEmpty()) {
      for (Choice c : choices) {
        if (fold(c.title()).equals(typed)) {
          return Optional.of(c);
        }
      }
    }
    if (intent.isPresent()) {
      String name = intent.get().intent().name();
      Optional<Choice> byIntent = choices.stream().filter(c -> c.intents().contains(name)).findFirst();
      if (byIntent.isPresent()) {
        return byIntent;
      }
    }
    if (typed.length() >= 3) {
      List<Choice> containing = choices.stream()
          .filter(c -> fold(c.title()).contains(typed) || typed.contains(fold(c.title()))).toList();
      if (containing.size() == 1) {
        return Optional.of(containing.get(0));
      }
    }
    return Optional.empty();
  }

  private static String fold(String text) {
    return NOT_LETTER_OR_DIGIT.matcher(ArabicText.normalize(text == null ? "" : text).toLowerCase(java.util.Locale.ROOT))
        .replaceAll(" ").strip();
  }
}
