package io.moeen.common.db;

import io.moeen.common.config.AppConfig;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A PostgreSQL server named by DB_HOST; we only check that it answers. */
public final class ExternalDatabaseServer implements DatabaseServer {
  private final AppConfig.ExternalDatabase settings;

  private ExternalDatabaseServer(AppConfig.ExternalDatabase settings) {
    this.settings = settings;
  }

  /** Blocking: connects once so a wrong host or password is reported plainly at start-up. */
  public static ExternalDatabaseServer connect(AppConfig.ExternalDatabase settings) {
    ExternalDatabaseServer server = new ExternalDatabaseServer(settings);
    Properties props = new Properties();
    props.setProperty("user", settings.user());
    props.setProperty("password", settings.password());
    props.setProperty("connectTimeout", "10");
    try (var ignored = DriverManager.getConnection(server.jdbcUrl(), props)) {
      return server;
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Cannot reach PostgreSQL at " + server.describe() + ": "
          + firstLine(e.getMessage()) + ". Check DB_HOST, DB_PORT, DB_NAME, DB_USER and DB_PASSWORD.", e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "no answer";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  @Override
  public String host() {
    return settings.host();
  }

  @Override
  public int port() {
    return settings.port();
  }

  @Override
  public String database() {
    return settings.database();
  }

  @Override
  public String user() {
    return settings.user();
  }

  @Override
  public String password() {
    return settings.password();
  }

  @Override
  public String describe() {
    return settings.user() + "@" + settings.host() + ":" + settings.port() + "/" + settings.database();
  }

  @Override
  public void close() {
    // not ours to stop
  }
}
