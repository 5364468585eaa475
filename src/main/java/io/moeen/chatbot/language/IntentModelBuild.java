package io.moeen.chatbot.language;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build step that trains the intent model (pom.xml, exec at process-classes, like the contract
 * merge): reads the train split from the compiled resources, trains, writes the weights to
 * {@code target/classes/}{@link IntentModel#RESOURCE}, and beside them the training lines indexed for the
 * nearest-lines vote ({@link NearestLines#RESOURCE}). The service then loads them at start instead of
 * spending seconds of CPU on its critical path; {@code ShippedIntentModelTest} holds the shipped file
 * equal to what training and indexing produce. Usage: {@code IntentModelBuild <output file>}.
 */
public final class IntentModelBuild {
  private IntentModelBuild() {}

  public static void main(String[] args) throws IOException {
    Path target = Path.of(args[0]);
    long start = System.nanoTime();
    IntentModel model = ChatUnderstanding.train(LabelledCorpus.load(LabelledCorpus.TRAIN));
    Files.createDirectories(target.getParent());
    try (OutputStream out = Files.newOutputStream(target)) {
      model.write(out);
    }
    System.out.printf("intent model: %d features, trained in %.1f s, written to %s (%,d bytes)%n", model.size(),
        (System.nanoTime() - start) / 1e9, target, Files.size(target));
    // the training lines indexed for the nearest-lines vote, numbered as this model numbers features, beside it
    start = System.nanoTime();
    Path index = target.resolveSibling(Path.of(NearestLines.RESOURCE).getFileName());
    NearestLines nearest = ChatUnderstanding.indexTraining(model);
    try (OutputStream out = Files.newOutputStream(index)) {
      nearest.write(out);
    }
    System.out.printf("nearest lines: %d lines indexed in %.1f s, written to %s (%,d bytes)%n", nearest.size(),
        (System.nanoTime() - start) / 1e9, index, Files.size(index));
  }
}
