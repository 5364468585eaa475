package io.moeen.common.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * One Moeen node in a JVM of its own, started from the test's class path the way {@code java -jar} would
 * start it (io.moeen.Main and its environment), its output in {@code target/cluster-nodes/<name>.log}.
 */
final class ClusterNode implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final String name;
  final int httpPort;
  final Path log;
  private final Process process;

  private ClusterNode(String name, int httpPort, Path log, Process process) {
    this.name = name;
    this.httpPort = httpPort;
    this.log = log;
    this.process = process;
  }

  static ClusterNode start(String name, int httpPort, Map<String, String> env) throws IOException {
    Path dir = Path.of("target", "cluster-nodes");
    Files.createDirectories(dir);
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    // the class path as an argument file: a long one on the command line may pass the kernel's limit
    Path args = dir.resolve(name + ".args");
    Files.writeString(args, "-cp \"" + classPath.replace("\\", "\\\\") + "\"\n");
    Path log = dir.resolve(name + ".log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1", "-Dlogback.configurationFile=logback.xml",
        // what Hazelcast asks for (docs/cluster.md); without it, it warns and runs a little slower
        "--add-modules", "java.se", "--add-exports", "java.base/jdk.internal.ref=ALL-UNNAMED",
        "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
        "--add-opens", "java.management/sun.management=ALL-UNNAMED",
        "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED", "@" + args.toAbsolutePath(),
        "io.moeen.Main"))
        .redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().putAll(env);
    builder.environment().put("HTTP_PORT", String.valueOf(httpPort));
    return new ClusterNode(name, httpPort, log, builder.start());
  }

  /** Waits for {@code /health/ready} to answer 200; fails with the end of the node's log otherwise. */
  void awaitReady(Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError(name + " exited with " + process.exitValue() + ":\n" + tail());
      }
      if (ready() == 200) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(name + " not ready within " + timeout + ":\n" + tail());
  }

  /** The status of {@code /health/ready}, or -1 when nothing answers. */
  int ready() {
    try {
      return HTTP.send(HttpRequest.newBuilder(URI.create(url("/health/ready"))).timeout(Duration.ofSeconds(3)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  String url(String path) {
    return "http://127.0.0.1:" + httpPort + path;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** {@code kill -9}: no shutdown hook, no leaving the cluster, sockets closed by the kernel. */
  void kill9() throws Exception {
    new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).inheritIO().start().waitFor();
    process.waitFor();
  }

  String tail() {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }
}
