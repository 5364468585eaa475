package io.moeen.chatbot.language;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 2c: the training lines most like a message, and how they are labelled. A second opinion beside the linear
 * model of a different kind — the model weighs every n-gram against every label at once; this looks for whole lines
 * written like this one (cosine over tf-idf of the same words, stems, word pairs and character n-grams). Blended into
 * the model's probabilities ({@link ChatUnderstanding#NEAREST_SHARE}), it reads more lines right on every fold
 * assignment of cross-validation and gives fewer in-scope messages the fallback (docs/chatbot-language.md, eleventh
 * part). Indexed at BUILD time with the model ({@link IntentModelBuild}, {@link #RESOURCE}) and read at start —
 * indexing at start cost ~1.6 s of the start and ~90 MB of resident memory; features are numbered as the model numbers
 * them (no second dictionary of feature names: ~22 MB for 8,900 lines); immutable, so thread-safe.
 */
final class NearestLines {
  /** How many of the nearest lines vote (5-fold CV over train+dev: 5 read more lines right than 3, 10 or 20). */
  static final int K = 5;
  /**
   * A feature found in more than this share of the lines says little about which line is nearest and has the
   * longest list of lines: it is left out.
   */
  private static final double MAX_SHARE = 0.2;
  private static final List<String> LEXICAL = List.of("w:", "s:", "b:", "c:");
  /** Where the build puts the index (target/classes, so inside the jar), beside the model. */
  static final String RESOURCE = "io/moeen/chatbot/nearest-lines.bin";
  private static final String MAGIC = "moeen-nearest-lines-1";

  private final IntentModel model;
  private final String[] labels;
  /** Per feature number: its idf (0: not used), the lines that have it and its weight in each line's unit vector. */
  private final double[] idf;
  private final int[][] lines;
  private final double[][] weights;

  private NearestLines(IntentModel model, String[] labels, double[] idf, int[][] lines, double[][] weights) {
    this.model = model;
    this.labels = labels;
    this.idf = idf;
    this.lines = lines;
    this.weights = weights;
  }

  /**
   * Indexes the lines: each one's features (as the model sees them; only the lexical ones count) and label. The
   * model gives the features their numbers; a feature it never saw is not indexed.
   */
  static NearestLines index(List<IntentModel.Example> examples, IntentModel model) {
    int features = model.size();
    int[] df = new int[features];
    for (IntentModel.Example line : examples) {
      for (String f : line.features().keySet()) {
        int id = model.id(f);
        if (id >= 0 && lexical(f)) {
          df[id]++;
        }
      }
    }
    double[] idf = new double[features];
    for (int id = 0; id < features; id++) {
      if (df[id] > 0 && df[id] <= MAX_SHARE * examples.size()) {
        idf[id] = StrictMath.log((double) examples.size() / df[id]);
      }
    }
    int[][] lines = new int[features][];
    double[][] weights = new double[features][];
    for (int id = 0; id < features; id++) {
      if (idf[id] > 0) {
        lines[id] = new int[df[id]];
        weights[id] = new double[df[id]];
      }
    }
    int[] filled = new int[features];
    String[] labels = new String[examples.size()];
    for (int i = 0; i < examples.size(); i++) {
      labels[i] = examples.get(i).label();
      Vector v = vector(examples.get(i).features(), model, idf);
      for (int j = 0; j < v.ids.length; j++) {
        int id = v.ids[j];
        lines[id][filled[id]] = i;
        weights[id][filled[id]++] = v.values[j];
      }
    }
    return new NearestLines(model, labels, idf, lines, weights);
  }

  /** The share of the {@link #K} nearest lines' similarity each label has (empty when no line shares a feature). */
  Map<String, Double> vote(Map<String, Double> features) {
    double[] similarity = new double[labels.length];
    int[] touched = new int[labels.length];
    int count = 0;
    Vector v = vector(features, model, idf);
    for (int f = 0; f < v.ids.length; f++) {
      int[] having = lines[v.ids[f]];
      double[] weight = weights[v.ids[f]];
      for (int j = 0; j < having.length; j++) {
        int line = having[j];
        if (similarity[line] == 0) {
          touched[count++] = line;
        }
        similarity[line] += weight[j] * v.values[f];
      }
    }
    // the K most similar, ties to the earlier line (the same answer on every run): kept in order as the lines pass
    int[] best = new int[K];
    int kept = 0;
    for (int j = 0; j < count; j++) {
      int line = touched[j];
      int at = kept;
      while (at > 0 && before(line, best[at - 1], similarity)) {
        at--;
      }
      if (at < K) {
        System.arraycopy(best, at, best, at + 1, Math.min(kept, K - 1) - at);
        best[at] = line;
        kept = Math.min(kept + 1, K);
      }
    }
    Map<String, Double> vote = new LinkedHashMap<>();
    double total = 0;
    for (int j = 0; j < kept; j++) {
      vote.merge(labels[best[j]], similarity[best[j]], Double::sum);
      total += similarity[best[j]];
    }
    if (total > 0) {
      double sum = total;
      vote.replaceAll((label, s) -> s / sum);
    }
    return vote;
  }

  /** More similar, or as similar and earlier. */
  private static boolean before(int line, int other, double[] similarity) {
    return similarity[line] > similarity[other] || (similarity[line] == similarity[other] && line < other);
  }

  int size() {
    return labels.length;
  }

  /** Writes the index: the lines' labels, then per feature number its idf and, when used, its lines and weights. */
  void write(OutputStream target) throws IOException {
    DataOutputStream out = new DataOutputStream(new BufferedOutputStream(target, 1 << 16));
    out.writeUTF(MAGIC);
    out.writeInt(labels.length);
    for (String label : labels) {
      out.writeUTF(label);
    }
    out.writeInt(idf.length);
    for (int id = 0; id < idf.length; id++) {
      out.writeDouble(idf[id]);
      if (idf[id] > 0) {
        out.writeInt(lines[id].length);
        for (int j = 0; j < lines[id].length; j++) {
          out.writeInt(lines[id][j]);
          out.writeDouble(weights[id][j]);
        }
      }
    }
    out.flush();
  }

  /** Reads what {@link #write} wrote, for the model it was indexed with (its features' numbers). */
  static NearestLines read(InputStream source, IntentModel model) throws IOException {
    DataInputStream in = new DataInputStream(new BufferedInputStream(source, 1 << 16));
    if (!MAGIC.equals(in.readUTF())) {
      throw new IOException("Not a nearest-lines index of this version");
    }
    String[] labels = new String[in.readInt()];
    Map<String, String> once = new HashMap<>();
    for (int i = 0; i < labels.length; i++) {
      String label = in.readUTF();
      labels[i] = once.computeIfAbsent(label, l -> l);
    }
    int features = in.readInt();
    if (features != model.size()) {
      throw new IOException("The nearest-lines index was made for another intent model");
    }
    double[] idf = new double[features];
    int[][] lines = new int[features][];
    double[][] weights = new double[features][];
    for (int id = 0; id < features; id++) {
      idf[id] = in.readDouble();
      if (idf[id] > 0) {
        int n = in.readInt();
        lines[id] = new int[n];
        weights[id] = new double[n];
        for (int j = 0; j < n; j++) {
          lines[id][j] = in.readInt();
          weights[id][j] = in.readDouble();
        }
      }
    }
    return new NearestLines(model, labels, idf, lines, weights);
  }

  /** The same lines, labels, idf and weights, bit for bit. */
  boolean sameAs(NearestLines other) {
    return Arrays.equals(labels, other.labels) && Arrays.equals(idf, other.idf) && Arrays.deepEquals(lines, other.lines)
        && Arrays.deepEquals(weights, other.weights);
  }

  private static boolean lexical(String feature) {
    return feature.length() > 2 && LEXICAL.contains(feature.substring(0, 2));
  }

  /** A message's indexed features by number, weighted by tf × idf, to unit length. */
  private record Vector(int[] ids, double[] values) {}

  private static Vector vector(Map<String, Double> features, IntentModel model, double[] idf) {
    int[] ids = new int[features.size()];
    double[] values = new double[features.size()];
    int n = 0;
    double norm = 0;
    for (Map.Entry<String, Double> f : features.entrySet()) {
      int id = model.id(f.getKey());
      if (id >= 0 && idf[id] > 0) {
        double w = f.getValue() * idf[id];
        ids[n] = id;
        values[n++] = w;
        norm += w * w;
      }
    }
    double length = Math.sqrt(norm);
    for (int j = 0; j < n; j++) {
      values[j] /= length;
    }
    return new Vector(Arrays.copyOf(ids, n), Arrays.copyOf(values, n));
  }
}
