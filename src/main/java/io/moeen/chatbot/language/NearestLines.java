package io.moeen.chatbot.language;

import java.util.ArrayList;
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
 * part). Built from the training lines when the model loads; immutable, so thread-safe.
 */
final class NearestLines {
  /** How many of the nearest lines vote (5-fold CV over train+dev: 5 read more lines right than 3, 10 or 20). */
  static final int K = 5;
  /**
   * A feature found in more than this share of the lines says little about which line is nearest and has the
   * longest list of lines: it is left out (the cost of a message stays about that of the model).
   */
  private static final double MAX_SHARE = 0.2;
  private static final List<String> LEXICAL = List.of("w:", "s:", "b:", "c:");

  private record Posting(int[] lines, double[] weights) {}

  private final List<String> labels;
  private final Map<String, Double> idf;
  private final Map<String, Posting> postings;

  private NearestLines(List<String> labels, Map<String, Double> idf, Map<String, Posting> postings) {
    this.labels = labels;
    this.idf = idf;
    this.postings = postings;
  }

  /** Indexes the lines: each one's features (as the model sees them; only the lexical ones count) and label. */
  static NearestLines index(List<IntentModel.Example> lines) {
    Map<String, Integer> df = new HashMap<>();
    for (IntentModel.Example line : lines) {
      line.features().keySet().stream().filter(NearestLines::lexical).forEach(f -> df.merge(f, 1, Integer::sum));
    }
    Map<String, Double> idf = new HashMap<>();
    df.forEach((feature, count) -> {
      if (count <= MAX_SHARE * lines.size()) {
        idf.put(feature, StrictMath.log((double) lines.size() / count));
      }
    });
    Map<String, List<int[]>> lineLists = new HashMap<>();
    Map<String, List<Double>> weightLists = new HashMap<>();
    List<String> labels = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      labels.add(lines.get(i).label());
      final int line = i;
      vector(lines.get(i).features(), idf).forEach((feature, weight) -> {
        lineLists.computeIfAbsent(feature, f -> new ArrayList<>()).add(new int[] {line});
        weightLists.computeIfAbsent(feature, f -> new ArrayList<>()).add(weight);
      });
    }
    Map<String, Posting> postings = new HashMap<>(lineLists.size() * 2);
    lineLists.forEach((feature, list) -> {
      List<Double> weights = weightLists.get(feature);
      int[] ids = new int[list.size()];
      double[] values = new double[list.size()];
      for (int j = 0; j < ids.length; j++) {
        ids[j] = list.get(j)[0];
        values[j] = weights.get(j);
      }
      postings.put(feature, new Posting(ids, values));
    });
    return new NearestLines(List.copyOf(labels), idf, postings);
  }

  /** The share of the {@link #K} nearest lines' similarity each label has (empty when no line shares a feature). */
  Map<String, Double> vote(Map<String, Double> features) {
    double[] similarity = new double[labels.size()];
    int[] touched = new int[labels.size()];
    int count = 0;
    for (Map.Entry<String, Double> f : vector(features, idf).entrySet()) {
      Posting posting = postings.get(f.getKey());
      if (posting == null) {
        continue;
      }
      for (int j = 0; j < posting.lines.length; j++) {
        int line = posting.lines[j];
        if (similarity[line] == 0) {
          touched[count++] = line;
        }
        similarity[line] += posting.weights[j] * f.getValue();
      }
    }
    // the K most similar, ties to the earlier line (the same answer on every run)
    Integer[] order = new Integer[count];
    for (int j = 0; j < count; j++) {
      order[j] = touched[j];
    }
    Arrays.sort(order, (a, b) -> similarity[a] != similarity[b] ? Double.compare(similarity[b], similarity[a]) : Integer.compare(a, b));
    Map<String, Double> vote = new LinkedHashMap<>();
    double total = 0;
    for (int j = 0; j < Math.min(K, count); j++) {
      vote.merge(labels.get(order[j]), similarity[order[j]], Double::sum);
      total += similarity[order[j]];
    }
    if (total > 0) {
      double sum = total;
      vote.replaceAll((label, s) -> s / sum);
    }
    return vote;
  }

  int size() {
    return labels.size();
  }

  private static boolean lexical(String feature) {
    return feature.length() > 2 && LEXICAL.contains(feature.substring(0, 2));
  }

  /** The lexical features weighted by tf × idf, to unit length. */
  private static Map<String, Double> vector(Map<String, Double> features, Map<String, Double> idf) {
    Map<String, Double> v = new HashMap<>();
    double norm = 0;
    for (Map.Entry<String, Double> f : features.entrySet()) {
      Double weight = idf.get(f.getKey());
      if (weight != null) {
        double w = f.getValue() * weight;
        v.put(f.getKey(), w);
        norm += w * w;
      }
    }
    double length = Math.sqrt(norm);
    if (length > 0) {
      v.replaceAll((feature, w) -> w / length);
    }
    return v;
  }
}
