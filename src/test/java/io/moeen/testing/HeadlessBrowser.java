package io.moeen.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real Chromium, headless, for checking pages we serve. CI installs it (.ci/run); on a
 * developer machine without it the browser tests are skipped, under CI they fail.
 */
public final class HeadlessBrowser {
  private static final List<String> CANDIDATES = List.of("/usr/bin/chromium", "/usr/bin/chromium-browser",
      "/usr/bin/google-chrome");

  private HeadlessBrowser() {
  }

  public static Path require() {
    Optional<Path> found = CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    if (found.isEmpty() && System.getenv("CI") != null) {
      throw new IllegalStateException("Chromium is required under CI; .ci/run installs the Debian package");
    }
    assumeTrue(found.isPresent(), "Chromium is not installed; install the Debian package 'chromium' to run browser tests");
    return found.get();
  }

  /** The page's DOM after its scripts ran (within a virtual time budget). */
  public static String renderedDom(String url) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", url));
  }

  /** Saves a screenshot of the page for a person to look at. */
  public static void screenshot(String url, Path png, int width, int height) throws IOException, InterruptedException {
    run(List.of("--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height, url));
  }

  private static String run(List<String> args) throws IOException, InterruptedException {
    Path chromium = require();
    Path profile = Scratch.dir("moeen-chromium");
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--virtual-time-budget=15000"));
    command.addAll(args);
    // the output goes to a file, not a pipe read here: reading a pipe would wait for a hung Chromium
    // forever, before the time limit below could start
    try {
      Path out = Files.createTempFile(profile, "out", ".txt");
      Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD)
          .redirectOutput(out.toFile()).start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new IllegalStateException("Chromium did not finish within 60 s");
      }
      return Files.readString(out, StandardCharsets.UTF_8);
    } finally {
      Scratch.delete(profile);
    }
  }
}
