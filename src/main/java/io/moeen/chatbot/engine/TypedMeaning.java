package io.moeen.chatbot.engine;

import io.moeen.chatbot.language.Intent;
import io.moeen.chatbot.language.LanguageDetector;
import io.moeen.chatbot.language.Understanding;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Optional;

/**
 * What a typed message means at a question when none of the offered options' words, numbers or intents
 * matched it — found in real conversations with the running service (issue 17, seventh part).
 */
final class TypedMeaning {
  private TypedMeaning() {}

  /** A short yes, thanks or greeting, read surely: at a question it answers nothing (and is never a name). */
  static boolean onlyCourtesy(Understanding u) {
    return u != null && u.confidence() >= 0.9
        && u.intent().map(i -> i == Intent.YES || i == Intent.THANKS || i == Intent.GREETING).orElse(false);
  }

  /**
   * At the language question, the language the message is written in («السلام عليكم» → Arabic, "hi" → English,
   * «salam» → Arabic: the conversation's language was just detected from it); where moving a chosen appointment
   * is offered, a day («الاربعاء») moves it, and that day answers the question that follows.
   */
  static Optional<ChoiceOptions.Choice> pick(Conversation c, Understanding u, List<ChoiceOptions.Choice> choices,
      String input, boolean atMenu) {
    Optional<ChoiceOptions.Choice> language = choices.stream().filter(o -> c.locale.equals(o.locale())).findFirst();
    if (language.isPresent() && LanguageDetector.detect(input).isPresent()) {
      return language;
    }
    if (u != null && u.entities().day() != null && c.variables.containsKey("appointment") && !atMenu) {
      Optional<ChoiceOptions.Choice> move = choices.stream()
          .filter(o -> o.intents().contains(Intent.RESCHEDULE.name())).findFirst();
      move.ifPresent(o -> SlotFilling.remember(c, input));
      return move;
    }
    return Optional.empty();
  }

  /** The clock time typed at the free times ("10:15", «4 العصر»), or null — «2» there is its second line, not 14:00. */
  static String clockTimeTyped(Understanding u, JsonObject node, String replyId, String input) {
    return replyId == null && u != null && "slot".equals(node.getString("variable")) && u.entities().time() != null
        && !input.strip().matches("[0-9\\u0660-\\u0669\\u06F0-\\u06F9]{1,2}") ? u.entities().time().toString() : null;
  }

  /**
   * The service of the clinic a typed answer names at the service question, or null — not when it asks about one
   * («كم سعر تنظيف الاسنان؟» there is a side question about its price, not a choice).
   */
  static String serviceNamed(Understanding u, JsonObject node, String replyId) {
    return replyId == null && u != null && "service".equals(node.getString("variable"))
        && u.intent().map(i -> !SlotFilling.SIDE.contains(i)).orElse(true) ? u.entities().service() : null;
  }

  /**
   * A price asked in the middle of a booking: the service the message names, else the one already chosen, as the
   * services list offered it («استشارة قلب — 350 SAR · 45 دقيقة»); empty when neither is in that list.
   */
  static Optional<String> priceOf(Conversation c, Understanding u) {
    if (!(c.variables.getValue("services") instanceof JsonArray services)) {
      return Optional.empty();
    }
    String named = u.entities().service();
    Object chosen = c.variables.getValue("service");
    for (Object o : services) {
      if (o instanceof JsonObject item && item.getValue("description") instanceof String price
          && (named != null ? ListedOptions.isService(item, named) : chosen != null && chosen.equals(item.getValue("value")))) {
        return Optional.of(item.getString("title") + " — " + price);
      }
    }
    return Optional.empty();
  }
}
