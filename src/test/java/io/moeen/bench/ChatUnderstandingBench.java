package io.moeen.bench;

import io.moeen.chatbot.language.DateTimeParser;
import io.moeen.chatbot.language.IntentMatch;
import io.moeen.chatbot.language.IntentMatcher;
import io.moeen.chatbot.language.LabelledCorpus;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * How well the chatbot understands the held-out part of the hand-written corpus (nothing is tuned
 * on it): per-intent precision/recall/F1, the confusion pairs, entity exact match, fallback
 * precision and recall, and messages per second — today's reader (the synonym matcher alone and
 * the date/time parser) first, then the new pipeline. Usage: bench/chat-understanding.sh [dev|heldout|heldout2|heldout3|heldout4|heldout5|both]
 */
public final class ChatUnderstandingBench {
  static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
  /** Sunday 1 November 2026, 09:00 in Riyadh: what "tomorrow" and "Thursday" in the corpus mean. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-01T06:00:00Z"), RIYADH);

  /** What a reader made of one message: a label (an intent name, INFORM or NONE) and entities. */
  public record Reading(String label, Map<String, String> entities) {}

  private ChatUnderstandingBench() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("both")) {
      // dev first (where thresholds are chosen), then held-out, in one run
      main(new String[] {"dev"});
      main(new String[] {"heldout"});
      return;
    }
    String part = switch (args.length > 0 ? args[0] : "heldout") {
      case "dev" -> LabelledCorpus.DEV;
      case "heldout2" -> LabelledCorpus.HELD_OUT_2;
      case "heldout3" -> LabelledCorpus.HELD_OUT_3;
      case "heldout4" -> LabelledCorpus.HELD_OUT_4;
      case "heldout5" -> LabelledCorpus.HELD_OUT_5;
      case "heldout" -> LabelledCorpus.HELD_OUT;
      default -> {
        if (!args[0].endsWith(".tsv")) {
          throw new IllegalArgumentException("Which part? dev, heldout, heldout2 … heldout5, both, "
              + "or a class-path resource ending .tsv: " + args[0]);
        }
        yield args[0];
      }
    };
    List<LabelledCorpus.Message> corpus = LabelledCorpus.load(part);
    System.out.printf("corpus: %s, %d messages (train %d, dev %d)%n%n", part, corpus.size(),
        LabelledCorpus.load(LabelledCorpus.TRAIN).size(), LabelledCorpus.load(LabelledCorpus.DEV).size());
    report("TODAY: synonym matcher (IntentMatcher) + DateTimeParser", corpus, ChatUnderstandingBench::today);
    for (Map.Entry<String, Function<String, Reading>> reader : NewReaders.all(RIYADH, CLOCK).entrySet()) {
      report(reader.getKey(), corpus, reader.getValue());
    }
  }

  /** The understanding the engine had before this work: the synonym matcher, dates and times. */
  static Reading today(String text) {
    String label = IntentMatcher.match(text).map(IntentMatch::intent).map(Enum::name).orElse("NONE");
    Map<String, String> entities = new TreeMap<>();
    DateTimeParser.parseDate(text, RIYADH, CLOCK).ifPresent(d -> entities.put("day", d.toString()));
    DateTimeParser.parseTime(text).ifPresent(t -> entities.put("time", t.toString()));
    return new Reading(label, entities);
  }

  /** The gold entities with days resolved against {@link #CLOCK}, names folded and phones in E.164. */
  static Map<String, String> gold(Map<String, String> entities) {
    Map<String, String> out = new TreeMap<>();
    LocalDate today = LocalDate.now(CLOCK);
    entities.forEach((k, v) -> {
      if (k.equals("day")) {
        v = switch (v) {
          case "today" -> today.toString();
          case "tomorrow" -> today.plusDays(1).toString();
          case "after_tomorrow" -> today.plusDays(2).toString();
          case "sun", "mon", "tue", "wed", "thu", "fri", "sat" -> next(today, v).toString();
          default -> {
            LocalDate d = LocalDate.parse(today.getYear() + "-" + v);
            yield (d.isBefore(today) ? d.plusYears(1) : d).toString();
          }
        };
      }
      if (k.equals("phone")) {
        // a number as written («٠٥٥٨٨٧٦٥٤٣», "055 888 7654") is the number the reader gives in E.164
        String written = v;
        v = io.moeen.identity.LoginIdentifier.normalizePhone(
            io.moeen.common.i18n.Digits.toAscii(v).replaceAll("[ -]", "")).orElse(written);
      }
      out.put(k, k.equals("name") ? fold(v) : v);
    });
    return out;
  }

  static String fold(String name) {
    return io.moeen.chatbot.language.ArabicText.foldForSearch(name).strip();
  }

  private static LocalDate next(LocalDate today, String day) {
    List<String> names = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    DayOfWeek wanted = DayOfWeek.of(names.indexOf(day) + 1);
    LocalDate d = today.plusDays(1);
    while (d.getDayOfWeek() != wanted) {
      d = d.plusDays(1);
    }
    return d;
  }

  static void report(String title, List<LabelledCorpus.Message> corpus, Function<String, Reading> reader) {
    for (int i = 0; i < 3; i++) {
      corpus.forEach(m -> reader.apply(m.text()));
    }
    List<Reading> readings = new ArrayList<>();
    long start = System.nanoTime();
    int rounds = 20;
    for (int r = 0; r < rounds; r++) {
      readings.clear();
      corpus.forEach(m -> readings.add(reader.apply(m.text())));
    }
    double perSecond = rounds * corpus.size() / ((System.nanoTime() - start) / 1e9);

    Map<String, int[]> counts = new TreeMap<>(); // tp, fp, fn
    Map<String, Integer> confusions = new LinkedHashMap<>();
    int correct = 0;
    int withEntities = 0;
    int entityExact = 0;
    int allExact = 0;
    Map<String, int[]> perEntity = new TreeMap<>(); // tp, fp, fn
    List<String> misses = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      LabelledCorpus.Message m = corpus.get(i);
      Reading r = readings.get(i);
      String gold = m.label();
      counts.computeIfAbsent(gold, k -> new int[3]);
      counts.computeIfAbsent(r.label(), k -> new int[3]);
      if (gold.equals(r.label())) {
        correct++;
        counts.get(gold)[0]++;
      } else {
        counts.get(r.label())[1]++;
        counts.get(gold)[2]++;
        confusions.merge(gold + " → " + r.label(), 1, Integer::sum);
        misses.add(gold + " → " + r.label() + ": " + m.text());
      }
      Map<String, String> want = gold(m.entities());
      Map<String, String> got = new TreeMap<>(r.entities());
      if (got.containsKey("time")) {
        got.remove("part");
      }
      if (got.containsKey("name")) {
        got.put("name", fold(got.get("name")));
      }
      boolean exact = want.equals(got);
      allExact += exact ? 1 : 0;
      if (!want.isEmpty()) {
        withEntities++;
        entityExact += exact ? 1 : 0;
        if (!exact) {
          misses.add("entities " + want + " ≠ " + got + ": " + m.text());
        }
      }
      for (String key : new TreeSet<>(List.of("service", "doctor", "day", "part", "time", "branch", "name", "phone"))) {
        int[] c = perEntity.computeIfAbsent(key, k -> new int[3]);
        String w = want.get(key);
        String g = got.get(key);
        if (w != null && w.equals(g)) {
          c[0]++;
        } else {
          if (g != null) {
            c[1]++;
          }
          if (w != null) {
            c[2]++;
          }
        }
      }
    }
    System.out.println("== " + title);
    System.out.printf("%-16s %9s %7s %7s %7s%n", "label", "precision", "recall", "F1", "gold");
    double macro = 0;
    int labels = 0;
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double rc = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
      double f = p + rc == 0 ? 0 : 2 * p * rc / (p + rc);
      int goldCount = c[0] + c[2];
      if (goldCount > 0) {
        macro += f;
        labels++;
      }
      System.out.printf("%-16s %9.2f %7.2f %7.2f %7d%n", e.getKey(), p, rc, f, goldCount);
    }
    int[] none = counts.getOrDefault("NONE", new int[3]);
    System.out.println("confusion pairs (gold → read), most frequent first:");
    confusions.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(15)
        .forEach(e -> System.out.printf("  %3d  %s%n", e.getValue(), e.getKey()));
    System.out.println("entities (precision / recall):");
    perEntity.forEach((k, c) -> System.out.printf("  %-8s %5.2f / %5.2f  (gold %d)%n", k,
        c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]), c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]), c[0] + c[2]));
    System.out.printf("SUMMARY %s%n  intent accuracy %.1f %% (%d/%d)   macro-F1 %.3f%n", title,
        100.0 * correct / corpus.size(), correct, corpus.size(), macro / labels);
    System.out.printf("  entity exact match %.1f %% of the %d messages with entities (%.1f %% of all)%n",
        100.0 * entityExact / withEntities, withEntities, 100.0 * allExact / corpus.size());
    System.out.printf("  fallback precision %.1f %% (%d/%d read as NONE are out of scope)   fallback recall %.1f %%%n",
        none[0] + none[1] == 0 ? 0 : 100.0 * none[0] / (none[0] + none[1]), none[0], none[0] + none[1],
        none[0] + none[2] == 0 ? 0 : 100.0 * none[0] / (none[0] + none[2]));
    System.out.printf("  %,.0f messages/s (single thread, whole reading)%n%n", perSecond);
    if (System.getProperty("misses") != null) {
      misses.stream().sorted(Comparator.naturalOrder()).forEach(s -> System.out.println("  miss " + s));
    }
  }
}
