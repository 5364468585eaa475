package io.moeen.common.db;

import io.vertx.pgclient.PgConnectOptions;

/** Where the service's PostgreSQL is: one we run ourselves, or one we were pointed at. */
public interface DatabaseServer extends AutoCloseable {

  String host();

  int port();

  String database();

  String user();

  String password();

  /** A human-readable line for the start-up banner (never the password). */
  String describe();

  default String jdbcUrl() {
    return "jdbc:postgresql://" + host() + ":" + port() + "/" + database() + "?ApplicationName=moeen";
  }

  /** Blocking: a JDBC connection as the configured user, the database's owner (migrations and their records). */
  default java.sql.Connection connectAsOwner() throws java.sql.SQLException {
    java.util.Properties props = new java.util.Properties();
    props.setProperty("user", user());
    props.setProperty("password", password());
    return java.sql.DriverManager.getConnection(jdbcUrl(), props);
  }

  default PgConnectOptions connectOptions() {
    return new PgConnectOptions()
        .setHost(host())
        .setPort(port())
        .setDatabase(database())
        .setUser(user())
        .setPassword(password())
        // Every statement prepared once per connection and its plan kept. The client's defaults (256
        // statements, only those under 2,048 characters) left the largest and most used ones out — the
        // slot search and the booking statement were parsed and planned on every call, 4–5 ms of the
        // database's CPU each (bench/results/scheduling.md); all of ours together are a few hundred.
        .setCachePreparedStatements(true)
        .setPreparedStatementCacheMaxSize(1024)
        .setPreparedStatementCacheSqlLimit(65_536)
        .addProperty("application_name", "moeen")
        // Sessions compute in UTC; zones are applied explicitly in code, never by the server.
        .addProperty("TimeZone", "UTC");
  }

  @Override
  void close();
}
