package io.moeen.bench;

import io.moeen.chatbot.language.ChatUnderstanding;
import io.moeen.chatbot.language.ClinicCatalogue;
import io.moeen.chatbot.language.Understanding;
import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** The readers the bench compares with today's. */
final class NewReaders {
  private NewReaders() {}

  static Map<String, Function<String, ChatUnderstandingBench.Reading>> all(ZoneId zone, Clock clock) {
    ClinicCatalogue clinic = ClinicCatalogue.corpusClinic();
    Map<String, Function<String, ChatUnderstandingBench.Reading>> readers = new LinkedHashMap<>();
    long start = System.nanoTime();
    ChatUnderstanding.warm();
    System.out.printf("intent model trained on the train split in %.0f ms%n%n", (System.nanoTime() - start) / 1e6);
    readers.put("NEW: normalise → rules + trained model → entities (ChatUnderstanding)", text -> {
      Understanding u = ChatUnderstanding.read(text, clinic, zone, clock);
      return new ChatUnderstandingBench.Reading(u.label(), u.entities().asMap());
    });
    return readers;
  }
}
