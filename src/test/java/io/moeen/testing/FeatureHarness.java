package io.moeen.testing;

import io.moeen.common.bus.BusFailures;
import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.db.DatabaseServer;
import io.moeen.common.db.Migrations;
import io.moeen.common.errors.Problem;
import io.vertx.core.Deployable;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.Tuple;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * One feature of the service without the rest: a Vert.x, a pool on a fresh cloned database (the
 * template is already migrated with demo data) acting as the service's role, and only the
 * verticles the test names. Requests go straight onto the event bus as the API verticle would
 * send them, with whatever principal the test gives; there is no HTTP, so HTTP statuses are the
 * API tests' business. Close it after the test class.
 *
 * <pre>{@code
 * FeatureHarness crm = FeatureHarness.start("crm-report",
 *     pool -> List.of(new ReportsVerticle(pool, FeatureHarness.ZONE, Clock.systemUTC())));
 * JsonObject body = (JsonObject) crm.as(crm.principalOf(DemoAccounts.SUPERVISOR))
 *     .param("from", "2026-10-01").send(CrmAddresses.REPORTS_SUMMARIZE).body();
 * }</pre>
 */
public final class FeatureHarness implements AutoCloseable {
  /** The clinic zone the service runs in by default. */
  public static final ZoneId ZONE = ZoneId.of("Asia/Riyadh");

  private final Vertx vertx;
  private final DatabaseServer database;
  private final Pool pool;

  private FeatureHarness(Vertx vertx, DatabaseServer database, Pool pool) {
    this.vertx = vertx;
    this.database = database;
    this.pool = pool;
  }

  /** Blocking; call from the test thread. {@code verticles} are deployed in the order given. */
  public static FeatureHarness start(String purpose, Function<Pool, List<? extends Deployable>> verticles) {
    DatabaseServer database = TestDatabases.fresh(purpose);
    Vertx vertx = Vertx.vertx();
    // as Application builds it: the pool acts as moeen_app, so row-level security applies
    Pool pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(4).setName("moeen-" + purpose).setShared(false))
        .connectingTo(database.connectOptions().addProperty("role", Migrations.APP_ROLE))
        .using(vertx)
        .build();
    FeatureHarness harness = new FeatureHarness(vertx, database, pool);
    try {
      for (Deployable verticle : verticles.apply(pool)) {
        vertx.deployVerticle(verticle).await();
      }
      return harness;
    } catch (RuntimeException e) {
      harness.close();
      throw e;
    }
  }

  /** A caller signed in as {@code principal} (the JSON the API resolves from a token). */
  public Caller as(JsonObject principal) {
    return new Caller(principal, null, "en", new JsonObject(), null);
  }

  /** A caller with no principal, as a request to a public operation arrives. */
  public Caller anonymous() {
    return new Caller(null, null, "en", new JsonObject(), null);
  }

  /** The principal of an account, resolved by the database's own {@code principal_of} as at sign-in. */
  public JsonObject principalOf(UUID userId) {
    Object value = pool.preparedQuery("SELECT principal_of($1) AS principal").execute(Tuple.of(userId)).await()
        .iterator().next().getValue("principal");
    if (!(value instanceof JsonObject principal)) {
      throw new IllegalArgumentException("No account " + userId);
    }
    return principal;
  }

  /** The principal of the account signed in with {@code email} (see {@link DemoAccounts}). */
  public JsonObject principalOf(String email) {
    try (Connection c = ownerConnection();
         PreparedStatement s = c.prepareStatement("SELECT id FROM users WHERE email = ?")) {
      s.setString(1, email);
      try (ResultSet rows = s.executeQuery()) {
        if (!rows.next()) {
          throw new IllegalArgumentException("No account " + email);
        }
        return principalOf((UUID) rows.getObject(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs SQL as the tables' owner (not the service's moeen_app role): fixtures and DDL. */
  public void asOwner(String sql) {
    try (Connection c = ownerConnection()) {
      c.createStatement().execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Connection ownerConnection() throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
  }

  public Pool pool() {
    return pool;
  }

  public Vertx vertx() {
    return vertx;
  }

  public DatabaseServer database() {
    return database;
  }

  @Override
  public void close() {
    try {
      pool.close().await();
    } finally {
      vertx.close().await();
    }
  }

  /** One caller's requests: the envelope the API verticle would build, minus HTTP. */
  public final class Caller {
    private final JsonObject principal;
    private final String operation;
    private final String locale;
    private final JsonObject params;
    private final Object body;

    private Caller(JsonObject principal, String operation, String locale, JsonObject params, Object body) {
      this.principal = principal;
      this.operation = operation;
      this.locale = locale;
      this.params = params;
      this.body = body;
    }

    public Caller locale(String tag) {
      return new Caller(principal, operation, tag, params, body);
    }

    /** The contract's operationId, for the few handlers that read it; the address stands in otherwise. */
    public Caller operation(String operationId) {
      return new Caller(principal, operationId, locale, params, body);
    }

    /** A path, query or header parameter, by the name the contract gives it. */
    public Caller param(String name, Object value) {
      return new Caller(principal, operation, locale, params.copy().put(name, value), body);
    }

    public Caller body(Object json) {
      return new Caller(principal, operation, locale, params, json);
    }

    /** The reply of the verticle serving {@code address}; a refusal fails the test with the problem. */
    public Reply send(String address) {
      try {
        return request(address);
      } catch (Problem problem) {
        throw new AssertionError(address + " refused: " + problem.toJson().encode(), problem);
      }
    }

    /** The reply's body as a JSON object. */
    public JsonObject sendForObject(String address) {
      return (JsonObject) send(address).body();
    }

    /** The problem the verticle serving {@code address} refused with; a success fails the test. */
    public Problem refusal(String address) {
      try {
        Reply reply = request(address);
        throw new AssertionError(address + " answered instead of refusing: " + reply.toJson().encode());
      } catch (Problem problem) {
        return problem;
      }
    }

    private Reply request(String address) {
      RequestEnvelope envelope = new RequestEnvelope(operation == null ? address : operation, params, body, principal, locale,
          "test-" + UUID.randomUUID());
      try {
        return vertx.eventBus().<JsonObject>request(address, envelope.toJson())
            .recover(BusFailures::recover)
            .map(message -> Reply.fromJson(message.body()))
            .await();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException cause ? cause : e;
      }
    }
  }
}
