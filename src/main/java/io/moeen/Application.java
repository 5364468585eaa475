package io.moeen;

import io.moeen.api.ApiFeature;
import io.moeen.chatbot.ChatbotFeature;
import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;
import io.moeen.common.auth.AccessTokens;
import io.moeen.common.auth.SigningKeys;
import io.moeen.common.config.AppConfig;
import io.moeen.common.http.PageRoutes;
import io.moeen.common.db.DatabaseServer;
import io.moeen.common.db.EmbeddedDatabaseServer;
import io.moeen.common.db.ExternalDatabaseServer;
import io.moeen.common.db.Migrations;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.kv.KeyValueStore;
import io.moeen.common.kv.KeyValueStores;
import io.moeen.crm.CrmFeature;
import io.moeen.identity.IdentityFeature;
import io.moeen.notifications.NotificationsFeature;
import io.moeen.patients.PatientsFeature;
import io.moeen.reference.ReferenceFeature;
import io.moeen.scheduling.SchedulingFeature;
import io.moeen.web.WebFeature;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The whole service, in start-up order: database (embedded or external) → migrations →
 * pool and store → the features in dependency order, the API last. {@link #stop()} undoes it in
 * reverse, API first so requests in flight can finish.
 */
public final class Application {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);
  /**
   * Every feature, in dependency order: each may use (import, or call over the bus) only those before it;
   * {@code common} comes before them all. {@code FeatureDependenciesTest} holds the code to this order.
   */
  public static final List<Feature> FEATURES = List.of(
      new ReferenceFeature(),
      new IdentityFeature(),
      new PatientsFeature(),
      new SchedulingFeature(),
      new NotificationsFeature(),
      new CrmFeature(),
      new ChatbotFeature(),
      new WebFeature(),
      new ApiFeature());

  private final AppConfig config;
  private Vertx vertx;
  private DatabaseServer database;
  private Pool pool;
  private KeyValueStore store;
  private final List<String> deployments = new ArrayList<>();

  static {
    // Liquibase and a few libraries log through java.util.logging; send them to the JSON log too.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  private Application(AppConfig config) {
    this.config = config;
  }

  /** Blocking; call from a plain thread (main or a test), never from an event loop. */
  public static Application start(AppConfig config) {
    Application app = new Application(config);
    try {
      app.boot();
      return app;
    } catch (RuntimeException e) {
      app.stop();
      throw e;
    }
  }

  private void boot() {
    vertx = Vertx.builder()
        .with(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true)
            .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE, Label.POOL_NAME))
            .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true))))
        .build();
    // Starting PostgreSQL, connecting over JDBC and migrating all block: they run on a worker.
    database = vertx.executeBlocking(this::openDatabase).await();
    vertx.executeBlocking(() -> {
      Migrations.apply(database, config.demoData());
      return null;
    }).await();
    SigningKeys keys = vertx.executeBlocking(() -> SigningKeys.loadOrCreate(config.signingKeysDir())).await();
    AccessTokens tokens = new AccessTokens(vertx, keys);
    pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(16).setName("moeen").setShared(false))
        // the pool acts as moeen_app, which owns nothing: row-level security applies to every query
        .connectingTo(database.connectOptions().addProperty("role", Migrations.APP_ROLE))
        .using(vertx)
        .build();
    store = KeyValueStores.create(vertx, config.redisUrl());
    store.ping().recover(e -> Future.failedFuture(new IllegalStateException(
        "Cannot reach Redis at REDIS_URL: " + e.getMessage(), e))).await();
    Messages messages = Messages.load();
    SupportedLocale defaultLocale = SupportedLocale.fromTag(config.defaultLocale()).orElseThrow();

    List<PageRoutes> pages = FEATURES.stream().flatMap(feature -> feature.pages().stream()).toList();
    FeatureContext context = new FeatureContext(pool, store, config, messages, defaultLocale, Clock.systemUTC(), tokens, pages);
    for (Feature feature : FEATURES) {
      for (Deployment deployment : feature.deployments(context)) {
        deployments.add(vertx.deployVerticle(deployment.verticle(), deployment.options()).await());
      }
    }
  }

  private DatabaseServer openDatabase() {
    return config.externalDatabase()
        .<DatabaseServer>map(ExternalDatabaseServer::connect)
        .orElseGet(() -> EmbeddedDatabaseServer.start(config.embeddedDatabaseDir(), config.embeddedDatabaseName()));
  }

  /** Blocking and safe to call more than once or after a failed start. */
  public synchronized void stop() {
    if (vertx != null) {
      // reverse order: the API first (its HTTP server drains gracefully), then each feature before those it uses
      for (int i = deployments.size() - 1; i >= 0; i--) {
        String id = deployments.get(i);
        quietly("stop deployment " + id, () -> vertx.undeploy(id).await());
      }
      deployments.clear();
      quietly("close the pool", () -> {
        if (pool != null) {
          pool.close().await();
        }
      });
      quietly("close the store", () -> {
        if (store != null) {
          store.close().await();
        }
      });
      quietly("close Vert.x", () -> vertx.close().await());
      vertx = null;
    }
    if (database != null) {
      quietly("stop the database", database::close);
      database = null;
    }
  }

  private static void quietly(String what, Runnable step) {
    try {
      step.run();
    } catch (RuntimeException e) {
      LOG.warn("Could not {} cleanly: {}", what, e.toString());
    }
  }

  public AppConfig config() {
    return config;
  }

  public DatabaseServer database() {
    return database;
  }

  public Vertx vertx() {
    return vertx;
  }

  public Pool pool() {
    return pool;
  }
}
