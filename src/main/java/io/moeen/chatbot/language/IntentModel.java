package io.moeen.chatbot.language;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
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
 * corpus ({@link LabelledCorpus#TRAIN}) at BUILD time ({@link IntentModelBuild}, a fixed seed and
 * {@link StrictMath}: the same weights bit for bit on every machine), is shipped as
 * {@link #RESOURCE} and {@link #read read} at start; it answers a probability per label.
 */
public final class IntentModel {
  /**
   * How training runs; {@link #SHIPPED} is what the build uses, each setting chosen by 5-fold cross-validation over
   * train+dev on three fold assignments (bench/chat-model-cv.sh, docs/chatbot-language.md): rate 1.2 instead of 0.4
   * read 0.6-0.8 points more lines right (sixth part); starting from naive Bayes' weights times {@code bayes}
   * (smoothed by {@code smoothing}) instead of zero read 0.8 points more (seventh part: 92.1 → 92.9 %).
   */
  record Settings(int epochs, double rate, double l2, boolean average, double bayes, double smoothing) {
    static Settings fromProperties(Settings base) {
      return new Settings(Integer.getInteger("epochs", base.epochs),
          Double.parseDouble(System.getProperty("rate", "" + base.rate)),
          Double.parseDouble(System.getProperty("l2", "" + base.l2)),
          Boolean.parseBoolean(System.getProperty("average", "" + base.average)),
          Double.parseDouble(System.getProperty("bayes", "" + base.bayes)),
          Double.parseDouble(System.getProperty("smoothing", "" + base.smoothing)));
    }
  }

  static final Settings SHIPPED = new Settings(40, 1.2, 1e-5, false, 0.5, 0.5);
  /** Where the build puts the trained weights (target/classes, so inside the jar). */
  static final String RESOURCE = "io/moeen/chatbot/intent-model.bin";
  private static final String MAGIC = "moeen-intent-model-1";

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
    return train(examples, SHIPPED);
  }

  /** Learns from the examples with these settings; deterministic. */
  static IntentModel train(List<Example> examples, Settings settings) {
    List<String> labels = examples.stream().map(Example::label).distinct().sorted().toList();
    Map<String, Integer> index = new HashMap<>();
    for (Example e : examples) {
      e.features().keySet().forEach(f -> index.putIfAbsent(f, index.size()));
    }
    double[][] w = new double[labels.size()][index.size() + 1];
    if (settings.bayes() > 0) {
      bayes(examples, labels, index, w, settings);
    }
    // averaged SGD: u sums every update times its step, so the mean of w over all steps is w - u / step
    double[][] u = settings.average() ? new double[labels.size()][index.size() + 1] : null;
    long step = 1;
    List<Example> order = new ArrayList<>(examples);
    Random random = new Random(17);
    double[] p = new double[labels.size()];
    for (int epoch = 0; epoch < settings.epochs(); epoch++) {
      Collections.shuffle(order, random);
      double rate = settings.rate() / (1 + epoch * 0.1);
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
          double[] uk = u == null ? null : u[k];
          for (int j = 0; j < n; j++) {
            double d = rate * (g * values[j] - settings.l2() * wk[ids[j]]);
            wk[ids[j]] += d;
            if (uk != null) {
              uk[ids[j]] += step * d;
            }
          }
          wk[wk.length - 1] += rate * g;
          if (uk != null) {
            uk[wk.length - 1] += step * rate * g;
          }
        }
        step++;
      }
    }
    if (u != null) {
      for (int k = 0; k < w.length; k++) {
        for (int j = 0; j < w[k].length; j++) {
          w[k][j] -= u[k][j] / step;
        }
      }
    }
    return new IntentModel(labels, index, w);
  }

  /**
   * Multinomial naive Bayes is a linear model too: log P(label) + sum of value × log P(feature | label). Its weights,
   * times {@code settings.bayes()}, are where gradient descent starts — it then learns what naive Bayes gets wrong
   * (naive Bayes counts rare words well from few lines; the regression weighs features that go together).
   */
  private static void bayes(List<Example> examples, List<String> labels, Map<String, Integer> index, double[][] w,
      Settings settings) {
    int features = index.size();
    double[][] counts = new double[labels.size()][features];
    double[] totals = new double[labels.size()];
    int[] lines = new int[labels.size()];
    for (Example e : examples) {
      int k = labels.indexOf(e.label());
      lines[k]++;
      for (Map.Entry<String, Double> f : e.features().entrySet()) {
        counts[k][index.get(f.getKey())] += f.getValue();
        totals[k] += f.getValue();
      }
    }
    for (int k = 0; k < labels.size(); k++) {
      double denominator = StrictMath.log(totals[k] + settings.smoothing() * features);
      for (int j = 0; j < features; j++) {
        w[k][j] = settings.bayes() * (StrictMath.log(counts[k][j] + settings.smoothing()) - denominator);
      }
      w[k][features] = settings.bayes() * StrictMath.log((double) lines[k] / examples.size());
    }
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
      p[k] = StrictMath.exp(p[k] - max);
      sum += p[k];
    }
    for (int k = 0; k < p.length; k++) {
      p[k] /= sum;
    }
  }

  /** The probability of every label, best first. */
  Map<String, Double> predict(Map<String, Double> features) {
    int[] ids = new int[features.size()];
    double[] values = new double[ids.length];
    int n = 0;
    for (Map.Entry<String, Double> f : features.entrySet()) {
      Integer id = index.get(f.getKey());
      if (id != null) {
        ids[n] = id;
        values[n++] = f.getValue();
      }
    }
    double[] p = new double[labels.size()];
    scores(weights, Arrays.copyOf(ids, n), Arrays.copyOf(values, n), p);
    Integer[] order = new Integer[p.length];
    for (int k = 0; k < p.length; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
    Map<String, Double> out = new LinkedHashMap<>();
    for (int k : order) {
      out.put(labels.get(k), p[k]);
    }
    return out;
  }

  /** Writes the model: labels, feature names in index order, then every weight (doubles, exact). */
  void write(OutputStream target) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, 1 << 16));
    out.writeUTF(MAGIC);
    out.writeInt(labels.size());
    for (String label : labels) {
      out.writeUTF(label);
    }
    String[] names = new String[index.size()];
    index.forEach((name, id) -> names[id] = name);
    out.writeInt(names.length);
    for (String name : names) {
      out.writeUTF(name);
    }
    for (double[] row : weights) {
      for (double w : row) {
        out.writeDouble(w);
      }
    }
    out.flush();
  }

  /** Reads what {@link #write} wrote. */
  static IntentModel read(InputStream source) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
    if (!MAGIC.equals(in.readUTF())) {
      throw new IOException("Not an intent model of this version");
    }
    List<String> labels = new ArrayList<>();
    for (int k = in.readInt(); k > 0; k--) {
      labels.add(in.readUTF());
    }
    int features = in.readInt();
    Map<String, Integer> index = new HashMap<>(features * 2);
    for (int i = 0; i < features; i++) {
      index.put(in.readUTF(), i);
    }
    double[][] weights = new double[labels.size()][features + 1];
    for (double[] row : weights) {
      for (int j = 0; j < row.length; j++) {
        row[j] = in.readDouble();
      }
    }
    return new IntentModel(List.copyOf(labels), index, weights);
  }

  /** The same labels, features and weights, bit for bit. */
  boolean sameAs(IntentModel other) {
    return labels.equals(other.labels) && index.equals(other.index) && Arrays.deepEquals(weights, other.weights);
  }

  int size() {
    return index.size();
  }

  /** The feature's number in this model, or -1 when the model never saw it ({@link NearestLines} shares the numbering). */
  int id(String feature) {
    Integer id = index.get(feature);
    return id == null ? -1 : id;
  }
}
