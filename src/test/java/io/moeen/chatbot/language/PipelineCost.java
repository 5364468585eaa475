package io.moeen.chatbot.language;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What one message costs, stage by stage (bench/chat-pipeline-cost.sh; not a test: no timing is
 * asserted anywhere). Every stage runs over the same messages (dev and held-out texts, only their
 * text: nothing is scored here), warmed up first, then timed in rounds; the figure is the mean
 * per message, single thread, in this thread's CPU time (the machine is shared: wall time mostly
 * measures the other builds) with wall time beside it. Also times getting the model ready: loading the shipped weights
 * versus training them from the corpus.
 */
public final class PipelineCost {
  private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

  private PipelineCost() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    ZoneId zone = ZoneId.of("Asia/Riyadh");
    Clock clock = Clock.fixed(Instant.parse("2026-11-01T06:00:00Z"), zone);
    ClinicCatalogue clinic = ClinicCatalogue.corpusClinic();
    List<String> texts = new ArrayList<>();
    LabelledCorpus.load(LabelledCorpus.DEV).forEach(m -> texts.add(m.text()));
    LabelledCorpus.load(LabelledCorpus.HELD_OUT).forEach(m -> texts.add(m.text()));

    long t0 = THREADS.getCurrentThreadCpuTime();
    IntentModel loaded = ChatUnderstanding.shipped().orElseThrow();
    double loadMs = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
    t0 = THREADS.getCurrentThreadCpuTime();
    ChatUnderstanding.warm();
    double warmMs = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
    t0 = THREADS.getCurrentThreadCpuTime();
    IntentModel trained = ChatUnderstanding.train(LabelledCorpus.load(LabelledCorpus.TRAIN));
    double trainMs = (THREADS.getCurrentThreadCpuTime() - t0) / 1e6;
    System.out.printf("model ready, CPU of this thread: loading the shipped weights (what the service does at start) %.0f ms;"
        + " training them from the corpus (what it did before) %.0f ms; %d features%n", loadMs, trainMs, trained.size());
    System.out.printf("ready to read, CPU of this thread: the shipped weights and the shipped index of the %d training lines"
        + " for the nearest-lines vote loaded (ChatUnderstanding.warm, what the service does at start) %.0f ms%n",
        ChatUnderstanding.classifier().nearest().size(), warmMs);

    int n = texts.size();
    String[] normalized = new String[n];
    String[] views = new String[n];
    List<List<IntentMatch>> rules = new ArrayList<>();
    Entities[] entities = new Entities[n];
    List<Map<String, Double>> features = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      normalized[i] = ChatNormalizer.normalize(texts.get(i));
      views[i] = ChatNormalizer.arabizi(normalized[i]);
      rules.add(ChatUnderstanding.rules(normalized[i], views[i]));
      entities[i] = EntityReader.read(normalized[i], views[i], clinic, zone, clock);
      features.add(ChatUnderstanding.features(texts.get(i), normalized[i], views[i], rules.get(i), entities[i]));
    }
    Object[] sink = new Object[1];
    Map<String, Runnable> stages = new java.util.LinkedHashMap<>();
    stages.put("1 normalise (ChatNormalizer.normalize)", () -> { for (int i = 0; i < n; i++) sink[0] = ChatNormalizer.normalize(texts.get(i)); });
    stages.put("1b Arabizi reading (ChatNormalizer.arabizi)", () -> { for (int i = 0; i < n; i++) sink[0] = ChatNormalizer.arabizi(normalized[i]); });
    stages.put("2a rules (IntentMatcher.rank, both readings)", () -> { for (int i = 0; i < n; i++) sink[0] = ChatUnderstanding.rules(normalized[i], views[i]); });
    stages.put("3 entities (EntityReader.read)", () -> { for (int i = 0; i < n; i++) sink[0] = EntityReader.read(normalized[i], views[i], clinic, zone, clock); });
    stages.put("2b features (n-grams, stems, pairs)", () -> { for (int i = 0; i < n; i++) sink[0] = ChatUnderstanding.features(texts.get(i), normalized[i], views[i], rules.get(i), entities[i]); });
    stages.put("2b model (IntentModel.predict)", () -> { for (int i = 0; i < n; i++) sink[0] = loaded.predict(features.get(i)); });
    NearestLines nearest = ChatUnderstanding.classifier().nearest();
    stages.put("2c nearest lines (NearestLines.vote)", () -> { for (int i = 0; i < n; i++) sink[0] = nearest.vote(features.get(i)); });
    stages.put("whole reading (ChatUnderstanding.read)", () -> { for (int i = 0; i < n; i++) sink[0] = ChatUnderstanding.read(texts.get(i), clinic, zone, clock); });
    for (Map.Entry<String, Runnable> s : stages.entrySet()) {
      for (int w = 0; w < 5; w++) {
        s.getValue().run();
      }
      long start = System.nanoTime();
      long cpu = THREADS.getCurrentThreadCpuTime();
      for (int r = 0; r < rounds; r++) {
        s.getValue().run();
      }
      double cpuUs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e3 / rounds / n;
      double wallUs = (System.nanoTime() - start) / 1e3 / rounds / n;
      System.out.printf("  %-48s %8.1f µs CPU/message  (%8.1f µs wall)%n", s.getKey(), cpuUs, wallUs);
    }
    System.out.printf("(%d messages × %d rounds, single thread, %d cores, load %s)%n", n, rounds,
        Runtime.getRuntime().availableProcessors(), loadAverage());
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).strip();
    } catch (Exception e) {
      return "?";
    }
  }
}
