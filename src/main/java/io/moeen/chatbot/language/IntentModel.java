package io.moeen.chatbot.language;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Stage 2b: a linear model (multinomial logistic regression) over what a message looks like —
 * character 2–4-grams of every word, whole words, Lucene light stems, word pairs, of the
 * normalised text and of its Arabizi reading — plus what the other stages found: the synonym
 * matcher's best intents and which entities are present. It learns from the train split of the
 * corpus ({@link LabelledCorpus#TRAIN}) when first used (a few hundred milliseconds, no network,
 * a fixed seed: the same model every time), and answers a probability per label.
 */
public final class IntentModel {
  private static final int EPOCHS = 40;
  private static final double RATE = 0.4;
  private static final double L2 = 1e-5;

  private final List<String> labels;
  private final Map<String, Integer> index;
  private final double[][] weights;

  private IntentModel(List<String> labels, Map<String, Integer> index, double[][] weights) {
    this.labels = labels;
    this.index = index;
    this.weights = weights;
  }

  /** One example: its features (name → value) and label. */
  record Example(Map<String, Double> features, String label) {}

  /** Learns from the examples; deterministic. */
  static IntentModel train(List<Example> examples) {
    List<String> labels = examples.stream().map(Example::label).distinct().sorted().toList();
    Map<String, Integer> index = new HashMap<>();
    for (Example e : examples) {
      e.features().keySet().forEach(f -> index.putIfAbsent(f, index.size()));
    }
    double[][] w = new double[labels.size()][index.size() + 1];
    List<Example> order = new ArrayList<>(examples);
    Random random = new Random(17);
    double[] p = new double[labels.size()];
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      Collections.shuffle(order, random);
      double rate = RATE / (1 + epoch * 0.1);
      for (Example e : order) {
        int[] ids = new int[e.features().size()];
        double[] values = new double[ids.length];
        int n = 0;
        for (Map.Entry<String, Double> f : e.features().entrySet()) {
          ids[n] = index.get(f.getKey());
          values[n++] = f.getValue();
        }
        scores(w, ids, values, p);
        int gold = labels.indexOf(e.label());
        for (int k = 0; k < labels.size(); k++) {
          double g = (k == gold ? 1 : 0) - p[k];
          double[] wk = w[k];
          for (int j = 0; j < n; j++) {
            wk[ids[j]] += rate * (g * values[j] - L2 * wk[ids[j]]);
          }
          wk[wk.length - 1] += rate * g;
        }
      }
    }
    return new IntentModel(labels, index, w);
  }

  private static void scores(double[][] w, int[] ids, double[] values, double[] p) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < w.length; k++) {
      double s = w[k][w[k].length - 1];
      for (int j = 0; j < ids.length; j++) {
        s += w[k][ids[j]] * values[j];
      }
      p[k] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int k = 0; k < p.length; k++) {
      p[k] = Math.exp(p[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= sum;
    }
  }

  /** The probability of every label, best first. */
  Map<String, Double> predict(Map<String, Double> features) {
    List<Integer> ids = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    features.forEach((f, v) -> {
      Integer id = index.get(f);
      if (id != null) {
        ids.add(id);
        values.add(v);
      }
    });
    double[] p = new double[labels.size()];
    scores(weights, ids.stream().mapToInt(Integer::intValue).toArray(),
        values.stream().mapToDouble(Double::doubleValue).toArray(), p);
    List<Integer> order = new ArrayList<>();
    for (int k = 0; k < p.length; k++) {
      order.add(k);
    }
    order.sort((a, b) -> Double.compare(p[b], p[a]));
    Map<String, Double> out = new LinkedHashMap<>();
    order.forEach(k -> out.put(labels.get(k), p[k]));
    return out;
  }

  int size() {
    return index.size();
  }
}
