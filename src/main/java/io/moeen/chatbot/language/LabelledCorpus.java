package io.moeen.chatbot.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hand-written chat corpus: one message a line, {@code intent \t variety \t text \t entities}
 * where entities are {@code key=value;…}. The train split ships with the service (the intent model
 * learns from it at start); dev and held-out live under {@code src/test/resources}. Labels are the
 * {@link Intent} names plus {@code INFORM} (only details: a day, a time, a name) and {@code NONE}
 * (out of scope: the fallback).
 */
public final class LabelledCorpus {
  public static final String TRAIN = "io/moeen/chatbot/corpus/train.tsv";
  public static final String DEV = "io/moeen/chatbot/corpus/dev.tsv";
  public static final String HELD_OUT = "io/moeen/chatbot/corpus/heldout.tsv";
  /** A second held-out set, written by hand before the sixth part's changes (never tuned on either). */
  public static final String HELD_OUT_2 = "io/moeen/chatbot/corpus/heldout2.tsv";
  /** A third held-out set, written by a fresh hand before the seventh part changed anything (test scope). */
  public static final String HELD_OUT_3 = "io/moeen/chatbot/corpus/heldout3.tsv";
  /** A fourth, by another fresh hand, before the eighth part changed anything (test scope). */
  public static final String HELD_OUT_4 = "io/moeen/chatbot/corpus/heldout4.tsv";
  /** A fifth, by another fresh hand, written in the ninth part and read once at its end (test scope). */
  public static final String HELD_OUT_5 = "io/moeen/chatbot/corpus/heldout5.tsv";

  /** One labelled message. */
  public record Message(String label, String variety, String text, Map<String, String> entities) {}

  private LabelledCorpus() {}

  public static List<Message> load(String resource) {
    try (InputStream in = LabelledCorpus.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("No corpus " + resource);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Message> parse(String tsv) {
    List<Message> messages = new ArrayList<>();
    for (String line : tsv.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t", -1);
      if (f.length != 4) {
        throw new IllegalStateException("A corpus line needs 4 tab-separated fields: " + line);
      }
      Map<String, String> entities = new LinkedHashMap<>();
      for (String pair : f[3].split(";")) {
        if (!pair.isBlank()) {
          int eq = pair.indexOf('=');
          entities.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
      }
      messages.add(new Message(f[0], f[1], f[2], entities));
    }
    return messages;
  }
}
