package io.moeen.chatbot.engine;

import io.moeen.chatbot.flow.Flow;
import io.moeen.chatbot.language.ClinicCatalogue;
import io.moeen.chatbot.language.Understanding;

import java.util.ArrayList;
import java.util.List;

/** What one turn has said so far. */
final class Turn {
  final Conversation c;
  final Flow flow;
  final String requestId;
  final List<BotReply> out = new ArrayList<>();
  int steps;
  boolean menuTried;
  /** Answering a side question: stop at the first node that waits, without prompting. */
  boolean detour;
  Understanding understanding;
  /** What the contact typed this turn (empty for a tapped button). */
  String input = "";
  /** The clinic's services, doctors and branches the typed message was read against (empty for a tapped one). */
  ClinicCatalogue clinic = ClinicCatalogue.empty();
  final List<String> understood = new ArrayList<>();

  Turn(Conversation c, Flow flow, String requestId) {
    this.c = c;
    this.flow = flow;
    this.requestId = requestId;
  }

  void say(String text) {
    out.add(BotReply.text(text));
  }
}
