package io.moeen.testing;

import io.moeen.Application;
import io.moeen.common.config.ConfigReader;
import io.moeen.common.db.DatabaseServer;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.sqlclient.Pool;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

/**
 * The real service, started the way Main starts it, against its own cloned database, on a
 * free loopback port; with an HTTP client pointed at it. Close it after the test class. A test of
 * one feature's behaviour that needs no HTTP boots faster with {@link FeatureHarness}.
 */
public final class RunningApp implements AutoCloseable {
  private final Application app;
  private final Vertx clientVertx;
  private final WebClient client;
  private final int port;
  private final DatabaseServer database;

  private RunningApp(Application app, DatabaseServer database, int port) {
    this.app = app;
    this.database = database;
    this.port = port;
    this.clientVertx = Vertx.vertx();
    this.client = WebClient.create(clientVertx, new WebClientOptions()
        .setDefaultHost("127.0.0.1").setDefaultPort(port).setFollowRedirects(false));
  }

  public static RunningApp start(String purpose) {
    return start(purpose, Map.of());
  }

  /** {@code env} adds to or overrides the environment the service would read. */
  public static RunningApp start(String purpose, Map<String, String> env) {
    DatabaseServer database = TestDatabases.fresh(purpose);
    int port = freePort();
    Map<String, String> vars = new HashMap<>();
    vars.put("HTTP_HOST", "127.0.0.1");
    vars.put("HTTP_PORT", String.valueOf(port));
    vars.put("DB_HOST", database.host());
    vars.put("DB_PORT", String.valueOf(database.port()));
    vars.put("DB_NAME", database.database());
    vars.put("DB_USER", database.user());
    vars.put("MOEEN_DATA_DIR", tempDir());
    vars.put("MOEEN_SHUTDOWN_GRACE_SECONDS", "5");
    // the cloned template holds the demo clinic and its changelog fingerprint for "main,demo": say so, or
    // every start (demo data is off by default against an external database) fingerprints "main" only and
    // runs Liquibase over the whole changelog to find nothing to do, 1-4 s per test class
    vars.put("MOEEN_DEMO_DATA", "true");
    // the outbox timer is off unless a test turns it on: tests drive a dispatcher themselves
    vars.put("MOEEN_DISPATCH_INTERVAL_MS", "0");
    // likewise the CRM first-contact sweep: SLA tests run rounds with a fixed clock
    vars.put("MOEEN_CRM_SLA_INTERVAL_MS", "0");
    vars.putAll(env);
    return new RunningApp(Application.start(ConfigReader.read(vars)), database, port);
  }

  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String tempDir() {
    return Scratch.dir("moeen-test-data").toString();
  }

  public HttpResponse<Buffer> get(String path, String acceptLanguage) {
    return send(client.get(path), acceptLanguage, null, null);
  }

  public HttpResponse<Buffer> post(String path, String acceptLanguage, String contentType, String body) {
    return send(client.post(path), acceptLanguage, contentType, body);
  }

  public HttpResponse<Buffer> send(HttpRequest<Buffer> request, String acceptLanguage, String contentType, String body) {
    if (acceptLanguage != null) {
      request.putHeader("Accept-Language", acceptLanguage);
    }
    if (contentType != null) {
      request.putHeader("Content-Type", contentType);
    }
    return (body == null ? request.send() : request.sendBuffer(Buffer.buffer(body))).await();
  }

  /** Runs SQL as the tables' owner (not the service's moeen_app role): for DDL in tests. */
  public void asOwner(String sql) {
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password())) {
      c.createStatement().execute(sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Signs in through the API; the access token, ready for an Authorization header. */
  public String login(String identifier, String password) {
    var response = post("/v1/auth/login", "en", "application/json",
        new io.vertx.core.json.JsonObject().put("identifier", identifier).put("password", password).encode());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("login as " + identifier + " failed: " + response.bodyAsString());
    }
    return response.bodyAsJsonObject().getString("accessToken");
  }

  /** Signs in a demo account (all share the documented demo password). */
  public String loginAs(String email) {
    return login(email, DemoAccounts.PASSWORD);
  }

  public HttpResponse<Buffer> get(String path, String acceptLanguage, String accessToken) {
    HttpRequest<Buffer> request = client.get(path);
    if (accessToken != null) {
      request.putHeader("Authorization", "Bearer " + accessToken);
    }
    return send(request, acceptLanguage, null, null);
  }

  public WebClient client() {
    return client;
  }

  /** The client side's Vert.x, for tests that need a raw HttpClient (e.g. a chunked upload). */
  public Vertx clientVertx() {
    return clientVertx;
  }

  public int port() {
    return port;
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  public Application application() {
    return app;
  }

  public Pool pool() {
    return app.pool();
  }

  public DatabaseServer database() {
    return database;
  }

  @Override
  public void close() {
    client.close();
    clientVertx.close().await();
    app.stop();
  }
}
