package io.moeen;

import io.moeen.testing.RunningApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs {@code io.moeen.Main} as a real process, the way an operator does. */
class MainProcessTest {

  private static ProcessBuilder main(Map<String, String> env) {
    ProcessBuilder builder = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        "-Dliquibase.analytics.enabled=false",
        "io.moeen.Main");
    builder.environment().keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("MOEEN_") || k.startsWith("HTTP_")
        || k.equals("REDIS_URL"));
    builder.environment().putAll(env);
    // Run where an operator would, not in the source tree (whose db/ would shadow the packaged changelog).
    builder.directory(Path.of(System.getProperty("java.io.tmpdir")).toFile());
    return builder;
  }

  private static String readAll(Process process, boolean stderr) throws IOException {
    return new String((stderr ? process.getErrorStream() : process.getInputStream()).readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void a_bad_setting_stops_start_up_with_exit_code_2_and_one_plain_line_per_problem() throws Exception {
    Process process = main(Map.of("HTTP_PORT", "abc", "MOEEN_TIMEZONE", "Asia/Riyad")).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = readAll(process, true);
    assertThat(process.exitValue()).isEqualTo(2);
    assertThat(err).contains("Moeen cannot start: the configuration is invalid.")
        .contains("  - HTTP_PORT=abc is not valid: expected a whole number from 0 to 65535.")
        .contains("  - MOEEN_TIMEZONE=Asia/Riyad is not valid: expected an IANA time zone")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void an_unreachable_database_exits_with_code_3_and_no_stack_trace() throws Exception {
    int closed = RunningApp.freePort();
    Process process = main(Map.of("DB_HOST", "127.0.0.1", "DB_PORT", String.valueOf(closed))).start();
    assertThat(process.waitFor(90, TimeUnit.SECONDS)).isTrue();
    String err = readAll(process, true);
    assertThat(process.exitValue()).isEqualTo(3);
    assertThat(err).contains("Moeen cannot start: Cannot reach PostgreSQL at moeen@127.0.0.1:" + closed + "/moeen")
        .doesNotContain("\tat ");
  }

  @Test
  void it_says_where_it_listens_and_where_its_data_lives_and_stops_gracefully_on_sigterm(@TempDir Path dataDir)
      throws Exception {
    int port = RunningApp.freePort();
    Process process = main(Map.of("HTTP_PORT", String.valueOf(port), "MOEEN_DATA_DIR", dataDir.toString()))
        .redirectErrorStream(true).start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException ignored) {
        // the process ended
      }
    });
    reader.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
      while (lines.stream().noneMatch(l -> l.startsWith("Demo data:")) && process.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(lines).contains("Moeen is listening on http://localhost:" + port
          + "  (API docs: http://localhost:" + port + "/docs)");
      assertThat(lines).anyMatch(l -> l.equals("Data directory: " + dataDir));
      assertThat(lines).anyMatch(l -> l.startsWith("Database: embedded PostgreSQL on localhost:"));
      HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create("http://127.0.0.1:" + port + "/v1/nope")).header("Accept-Language", "ar")
          .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.body()).contains("المورد غير موجود");
    } finally {
      // SIGTERM (through the handle: Process.destroy() would also close our end of its output)
      process.toHandle().destroy();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      reader.join(5_000);
    }
    assertThat(lines).as("exit %s, output %s", process.exitValue(), lines).contains("Moeen stopped.");
    assertThat(lines).noneMatch(l -> l.contains("\"level\":\"ERROR\""));
  }
}
