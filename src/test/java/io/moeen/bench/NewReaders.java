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
    if (Boolean.getBoolean("sweep")) {
      // the fallback threshold chosen on dev: -Dsweep=true with the dev split
      for (double t : new double[] {0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5}) {
        readers.put(String.format("threshold %.2f", t), text -> {
          Understanding u = ChatUnderstanding.read(text, clinic, zone, clock, t);
          return new ChatUnderstandingBench.Reading(u.label(), u.entities().asMap());
        });
      }
    }
    return readers;
  }
}
