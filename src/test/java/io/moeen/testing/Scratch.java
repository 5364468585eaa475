package io.moeen.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Scratch directories for tests that are gone when the test JVM ends: a suite leaves nothing in
 * the temporary directory behind it (a machine whose disk filled with test leftovers failed a CI
 * run). Delete earlier with {@link #delete(Path)} when a test is done with a large one.
 */
public final class Scratch {
  private static final List<Path> DIRECTORIES = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Scratch::deleteAll, "moeen-test-scratch"));
  }

  private Scratch() {
  }

  public static Path dir(String prefix) {
    try {
      Path dir = Files.createTempDirectory(prefix);
      synchronized (DIRECTORIES) {
        DIRECTORIES.add(dir);
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A file in a scratch directory of its own. */
  public static Path file(String prefix, String suffix) {
    try {
      return Files.createTempFile(dir(prefix), prefix, suffix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Removes a directory and everything under it; missing is fine. */
  public static void delete(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort: a file still open by a process that is going away
    }
  }

  private static void deleteAll() {
    List<Path> all;
    synchronized (DIRECTORIES) {
      all = new ArrayList<>(DIRECTORIES);
    }
    all.forEach(Scratch::delete);
  }
}
