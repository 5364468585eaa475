package io.moeen.chatbot.language;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where the intent model goes wrong, measured WITHOUT the held-out split: k-fold cross-validation
 * over the train split (each fold's model learns from the other folds) and the dev split read by a
 * model trained on all of train. Prints accuracy, macro-F1, fallback precision/recall at several
 * thresholds, the confusion pairs and (-Dmisses=true) every misread message. Model settings come
 * from system properties (-Depochs, -Drate, -Dl2, -Daverage, -Dbayes, -Dsmoothing), so a setting is chosen here, on train
 * and dev, never on held-out. A plain main (test scope): bench/chat-model-cv.sh.
 */
public final class IntentModelCrossValidation {
  private static final int FOLDS = Integer.getInteger("folds", 5);

  private IntentModelCrossValidation() {}

  public static void main(String[] args) {
    IntentModel.Settings settings = IntentModel.Settings.fromProperties(IntentModel.SHIPPED);
    double[] thresholds = {0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5};
    List<LabelledCorpus.Message> train = new ArrayList<>(LabelledCorpus.load(LabelledCorpus.TRAIN));
    List<LabelledCorpus.Message> dev = LabelledCorpus.load(LabelledCorpus.DEV);
    if (Boolean.getBoolean("withDev")) {
      // -DwithDev=true: the folds are over train AND dev (2,200+ lines: dev alone is too small to choose by)
      train.addAll(dev);
    }
    ClinicCatalogue clinic = ClinicCatalogue.corpusClinic();
    ZoneId zone = ZoneId.of("Asia/Riyadh");
    Clock clock = Clock.fixed(java.time.Instant.parse("2026-11-01T06:00:00Z"), zone);
    // -Dextra=file.tsv: candidate lines added to every fold's training part and never read, so a batch of new
    // lines is judged on the SAME lines as before it (accuracy over train(+dev) only)
    List<IntentModel.Example> extra = new ArrayList<>();
    if (System.getProperty("extra") != null) {
      try {
        for (LabelledCorpus.Message m : LabelledCorpus.parse(java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("extra"))))) {
          extra.add(new IntentModel.Example(ChatUnderstanding.reading(m.text(), clinic, zone, clock).features(), m.label()));
        }
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      System.out.printf("extra training lines (never read): %d%n", extra.size());
    }
    List<ChatUnderstanding.Reading> trainReadings = train.stream().map(m -> ChatUnderstanding.reading(m.text(), clinic, zone, clock)).toList();
    List<ChatUnderstanding.Reading> devReadings = dev.stream().map(m -> ChatUnderstanding.reading(m.text(), clinic, zone, clock)).toList();
    System.out.printf("settings %s, %d-fold cross-validation over %s (%d), then dev (%d)%n", settings, FOLDS,
        Boolean.getBoolean("withDev") ? "train+dev" : "train", train.size(), dev.size());

    // cross-validation: fold = position in a fixed shuffle, so every label is spread over the folds
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      order.add(i);
    }
    java.util.Collections.shuffle(order, new java.util.Random(Long.getLong("seed", 5)));  // -Dseed: another fold assignment
    int[] fold = new int[train.size()];
    for (int i = 0; i < order.size(); i++) {
      fold[order.get(i)] = i % FOLDS;
    }
    long start = System.nanoTime();
    String[][] predicted = new String[thresholds.length][train.size()];
    for (int f = 0; f < FOLDS; f++) {
      List<IntentModel.Example> examples = new ArrayList<>(extra);
      for (int i = 0; i < train.size(); i++) {
        if (fold[i] != f) {
          examples.add(new IntentModel.Example(trainReadings.get(i).features(), train.get(i).label()));
        }
      }
      ChatUnderstanding.Classifier model = classifier(examples, settings);
      for (int i = 0; i < train.size(); i++) {
        if (fold[i] == f) {
          for (int t = 0; t < thresholds.length; t++) {
            Understanding u = ChatUnderstanding.decide(trainReadings.get(i), model, thresholds[t]);
            predicted[t][i] = u.label();
          }
        }
      }
    }
    System.out.printf("cross-validation trained %d models in %.1f s%n", FOLDS, (System.nanoTime() - start) / 1e9);
    for (int t = 0; t < thresholds.length; t++) {
      report(String.format("CV threshold %.2f", thresholds[t]), train, trainReadings, List.of(predicted[t]),
          thresholds[t] == ChatUnderstanding.MIN_CONFIDENCE);
    }
    if (System.getProperty("variants") != null) {
      // -Dvariants="runnerUp:ruleScore:entity;…": ChatUnderstanding.Rescue variants at the shipped threshold, same folds
      // (2:2:false = none)
      List<ChatUnderstanding.Classifier> models = new ArrayList<>();
      for (int f = 0; f < FOLDS; f++) {
        List<IntentModel.Example> examples = new ArrayList<>(extra); // the candidate lines join every fold, as above
        for (int i = 0; i < train.size(); i++) {
          if (fold[i] != f) {
            examples.add(new IntentModel.Example(trainReadings.get(i).features(), train.get(i).label()));
          }
        }
        models.add(classifier(examples, settings));
      }
      for (String v : System.getProperty("variants").split(";")) {
        String[] p = v.split(":");
        ChatUnderstanding.Rescue x = new ChatUnderstanding.Rescue(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
            Boolean.parseBoolean(p[2]), p.length > 3 ? Double.parseDouble(p[3]) : 0);
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < train.size(); i++) {
          labels.add(ChatUnderstanding.decide(trainReadings.get(i), models.get(fold[i]), ChatUnderstanding.MIN_CONFIDENCE, x).label());
        }
        report("CV variant " + v, train, trainReadings, labels, Boolean.getBoolean("variantDetails"));
      }
    }
    List<IntentModel.Example> all = new ArrayList<>();
    for (int i = 0; i < train.size(); i++) {
      all.add(new IntentModel.Example(trainReadings.get(i).features(), train.get(i).label()));
    }
    ChatUnderstanding.Classifier full = classifier(all, settings);
    for (double t : thresholds) {
      List<String> labels = devReadings.stream().map(r -> ChatUnderstanding.decide(r, full, t).label()).toList();
      report(String.format("DEV threshold %.2f", t), dev, devReadings, labels, t == ChatUnderstanding.MIN_CONFIDENCE);
    }
  }

  /**
   * What the service reads with, learnt from these lines: the model trained on them and the nearest of them
   * (-Dmoeen.chat.nearestShare=0: the model alone, as before the eleventh part).
   */
  static ChatUnderstanding.Classifier classifier(List<IntentModel.Example> examples, IntentModel.Settings settings) {
    IntentModel model = IntentModel.train(examples, settings);
    return new ChatUnderstanding.Classifier(model, NearestLines.index(examples, model));
  }

  static void report(String title, List<LabelledCorpus.Message> corpus, List<ChatUnderstanding.Reading> readings,
      List<String> read, boolean details) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Integer> confusions = new LinkedHashMap<>();
    List<String> misses = new ArrayList<>();
    int correct = 0;
    for (int i = 0; i < corpus.size(); i++) {
      String gold = corpus.get(i).label();
      String got = read.get(i);
      counts.computeIfAbsent(gold, k -> new int[3]);
      counts.computeIfAbsent(got, k -> new int[3]);
      if (gold.equals(got)) {
        correct++;
        counts.get(gold)[0]++;
      } else {
        counts.get(got)[1]++;
        counts.get(gold)[2]++;
        confusions.merge(gold + " → " + got, 1, Integer::sum);
        List<IntentMatch> rules = readings.get(i).rules();
        String rule = rules.isEmpty() ? "-" : String.format("%s %.2f", rules.get(0).intent(), rules.get(0).score());
        misses.add(gold + " → " + got + "\t" + corpus.get(i).variety() + "\t" + corpus.get(i).text() + "\t(rules: " + rule + ")");
      }
    }
    double macro = 0;
    int labels = 0;
    StringBuilder perLabel = new StringBuilder();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] c = e.getValue();
      double p = c[0] + c[1] == 0 ? 0 : (double) c[0] / (c[0] + c[1]);
      double r = c[0] + c[2] == 0 ? 0 : (double) c[0] / (c[0] + c[2]);
      double f = p + r == 0 ? 0 : 2 * p * r / (p + r);
      if (c[0] + c[2] > 0) {
        macro += f;
        labels++;
      }
      perLabel.append(String.format("  %-16s P %.2f R %.2f F1 %.2f (gold %d)%n", e.getKey(), p, r, f, c[0] + c[2]));
    }
    int[] none = counts.getOrDefault("NONE", new int[3]);
    System.out.printf("%-22s accuracy %5.1f %% (%d/%d)  macro-F1 %.3f  fallback P %5.1f %% (%d/%d) R %5.1f %%%n", title,
        100.0 * correct / corpus.size(), correct, corpus.size(), macro / labels,
        100.0 * none[0] / Math.max(1, none[0] + none[1]), none[0], none[0] + none[1], 100.0 * none[0] / Math.max(1, none[0] + none[2]));
    if (details && Boolean.getBoolean("details")) {
      System.out.print(perLabel);
      confusions.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .forEach(e -> System.out.printf("    %3d  %s%n", e.getValue(), e.getKey()));
      if (Boolean.getBoolean("misses")) {
        misses.stream().sorted(Comparator.naturalOrder()).forEach(s -> System.out.println("    miss " + s));
      }
    }
  }
}
