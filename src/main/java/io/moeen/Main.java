package io.moeen;

import io.moeen.common.config.AppConfig;
import io.moeen.common.config.ClusterConfig;
import io.moeen.common.config.ConfigException;
import io.moeen.common.config.ConfigReader;
import io.moeen.common.db.DatabaseOpening;
import io.moeen.common.db.DatabaseUnavailableException;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;

/** Boot: configuration → database → migrations → verticles. Problems an operator can fix print as plain lines. */
public final class Main {
  private Main() {
  }

  public static void main(String[] args) {
    PrintStream out = System.out;
    AppConfig config;
    ClusterConfig cluster;
    try {
      config = ConfigReader.fromEnvironment();
      cluster = ClusterConfig.fromEnvironment();
    } catch (ConfigException e) {
      System.err.println("Moeen cannot start: the configuration is invalid.");
      e.problems().forEach(problem -> System.err.println("  - " + problem));
      System.exit(2);
      return;
    }
    // PostgreSQL starts now, on a thread of its own, while the JVM loads the rest of the application
    DatabaseOpening opening = DatabaseOpening.begin(config);
    Application app;
    try {
      app = Application.start(config, cluster, opening);
    } catch (DatabaseUnavailableException e) {
      System.err.println("Moeen cannot start: " + e.getMessage());
      System.exit(3);
      return;
    } catch (RuntimeException e) {
      System.err.println("Moeen cannot start: " + rootMessage(e));
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      out.println("Moeen is stopping: finishing requests in flight…");
      app.stop();
      // the log is written by a thread of its own (logback.xml): let it write what the stop logged
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging) {
        logging.stop();
      }
      out.println("Moeen stopped.");
    }, "moeen-shutdown"));
    String host = "0.0.0.0".equals(config.httpHost()) ? "localhost" : config.httpHost();
    out.println("Moeen is listening on http://" + host + ":" + config.httpPort()
        + "  (API docs: http://" + host + ":" + config.httpPort() + "/docs)");
    out.println("Database: " + app.database().describe());
    out.println("Data directory: " + config.dataDir()
        + (config.usesEmbeddedDatabase() ? "" : " (unused: the database is external)"));
    out.println("Demo data: " + (config.demoData() ? "loaded" : "off")
        + " · default language: " + config.defaultLocale() + " · time zone: " + config.timeZone());
    if (cluster.enabled()) {
      out.println("Cluster: " + cluster.name() + " as " + cluster.host() + ":" + cluster.port() + " (event bus port "
          + cluster.busPort() + "), members " + String.join(", ", cluster.members()));
    }
  }

  /** The failure and, when it differs, its root cause: enough to act on, without a stack trace. */
  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String top = e.getMessage() == null ? e.toString() : e.getMessage();
    return root == e || root.getMessage() == null || top.contains(root.getMessage())
        ? top : top + " (" + root.getMessage() + ")";
  }
}
