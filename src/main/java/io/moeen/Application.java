package io.moeen;

import io.moeen.api.ApiFeature;
import io.moeen.billing.BillingFeature;
import io.moeen.chatbot.ChatbotFeature;
import io.moeen.clinical.ClinicalFeature;
import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;
import io.moeen.common.auth.AccessTokens;
import io.moeen.common.auth.SigningKeys;
import io.moeen.common.bus.SharedReplies;
import io.moeen.common.cluster.ClusterBus;
import io.moeen.common.cluster.PgLeases;
import io.moeen.common.cluster.RunOnce;
import io.moeen.common.config.ClusterConfig;
import io.moeen.common.config.AppConfig;
import io.moeen.common.http.PageRoutes;
import io.moeen.common.db.DatabaseServer;
import io.moeen.common.db.DatabaseOpening;
import io.moeen.common.db.Migrations;
import io.moeen.common.db.SqlStatements;
import io.moeen.common.db.VerifiedStatements;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.kv.KeyValueStore;
import io.moeen.common.kv.KeyValueStores;
import io.moeen.crm.CrmFeature;
import io.moeen.dental.DentalFeature;
import io.moeen.documents.DocumentsFeature;
import io.moeen.education.EducationFeature;
import io.moeen.hospital.HospitalFeature;
import io.moeen.identity.IdentityFeature;
import io.moeen.notifications.NotificationsFeature;
import io.moeen.patients.PatientsFeature;
import io.moeen.pharmacy.PharmacyFeature;
import io.moeen.reference.ReferenceFeature;
import io.moeen.scheduling.SchedulingFeature;
import io.moeen.web.WebFeature;
import io.vertx.core.Future;
import io.vertx.core.Promise;
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
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole service, in start-up order: database (embedded or external) → migrations →
 * pool and store → the features side by side, the API last (what needs no database, each
 * feature's {@code prepare}, overlaps with the database's start). {@link #stop()} undoes it in
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
      new ClinicalFeature(),
      new PharmacyFeature(),
      new HospitalFeature(),
      new BillingFeature(),
      new DentalFeature(),
      new DocumentsFeature(),
      new EducationFeature(),
      new WebFeature(),
      new ApiFeature());

  private final AppConfig config;
  private final ClusterConfig cluster;
  private Vertx vertx;
  /** The run-once leases, in a cluster only (docs/cluster.md). */
  private PgLeases leases;
  private DatabaseServer database;
  private DatabaseOpening opening;
  private Pool pool;
  private KeyValueStore store;
  private final List<String> deployments = new ArrayList<>();
  /** What runs alongside the database's start; a failed start lets it finish before closing Vert.x under it. */
  private final List<Future<?>> alongside = new ArrayList<>();

  static {
    // Liquibase and a few libraries log through java.util.logging; send them to the JSON log too.
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
  }

  private Application(AppConfig config, ClusterConfig cluster) {
    this.config = config;
    this.cluster = cluster;
  }

  /** Blocking; call from a plain thread (main or a test), never from an event loop. One node. */
  public static Application start(AppConfig config) {
    return start(config, ClusterConfig.off());
  }

  /** As {@link #start(AppConfig)}, as one node of {@code cluster} when it is enabled. */
  public static Application start(AppConfig config, ClusterConfig cluster) {
    return start(config, cluster, DatabaseOpening.begin(config));
  }

  /** As {@link #start(AppConfig, ClusterConfig)} with the database already on its way (from {@code Main}). */
  public static Application start(AppConfig config, ClusterConfig cluster, DatabaseOpening opening) {
    Application app = new Application(config, cluster);
    app.opening = opening;
    try {
      app.boot();
      return app;
    } catch (RuntimeException e) {
      app.stop();
      throw e;
    }
  }

  private void boot() {
    long started = System.nanoTime();
    VertxOptions options = new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
        .setEnabled(true)
        .setJvmMetricsEnabled(true)
        .setLabels(EnumSet.of(Label.HTTP_METHOD, Label.HTTP_CODE, Label.HTTP_ROUTE, Label.POOL_TYPE, Label.POOL_NAME))
        .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)));
    vertx = cluster.enabled()
        // one node of several: the event bus reaches the others' verticles (docs/cluster.md)
        ? Vertx.builder().with(ClusterBus.withEventBus(options, cluster))
            .withClusterManager(ClusterBus.manager(cluster)).buildClustered().await()
        : Vertx.builder().with(options).build();
    SharedReplies.register(vertx);
    // What needs no database (each feature's own resources, the signing keys, the texts) starts now and
    // overlaps with starting PostgreSQL and migrating, which block and so run on a worker of their own.
    Map<String, Future<?>> preparing = new LinkedHashMap<>();
    for (Feature feature : FEATURES) {
      preparing.put(feature.name(), feature.prepare(vertx));
    }
    Future<SigningKeys> keys = vertx.executeBlocking(() -> SigningKeys.loadOrCreate(config.signingKeysDir()), false);
    Future<Messages> messages = vertx.executeBlocking(Messages::load, false);
    alongside.addAll(preparing.values());
    alongside.add(keys);
    alongside.add(messages);
    Future<String> changelog = vertx.executeBlocking(() -> Migrations.fingerprint(config.demoData()), false);
    alongside.add(changelog);
    database = opening.await();
    opening = null;
    long databaseStarted = System.nanoTime();
    String known = changelog.await();
    String schema = vertx.executeBlocking(() -> {
      String fingerprint = Migrations.apply(database, config.demoData(), known);
      try {
        SqlStatements.alreadyVerified(VerifiedStatements.read(database));
      } catch (RuntimeException e) {
        // only a saving: without the record every statement is prepared, as a first start does
        LOG.warn("Could not read which statements were already prepared; preparing them all: {}", e.getMessage());
      }
      return fingerprint;
    }, false).await();
    long migrated = System.nanoTime();
    AccessTokens tokens = new AccessTokens(vertx, keys.await());
    pool = PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(16).setName("moeen").setShared(false))
        // the pool acts as moeen_app, which owns nothing: row-level security applies to every query
        .connectingTo(database.connectOptions().addProperty("role", Migrations.APP_ROLE))
        .using(vertx)
        .build();
    SqlStatements.schemaOf(pool, schema);
    if (cluster.enabled()) {
      leases = new PgLeases(vertx, database.connectOptions(), cluster.host() + ":" + config.httpPort(),
          cluster.leaseCheck());
      RunOnce.install(vertx, leases);
    }
    store = KeyValueStores.create(vertx, config.redisUrl());
    Future<Void> reachable = store.ping();
    // a node joining a cluster may be starved for seconds while Hazelcast settles: ask again, up to 10 s
    for (int attempt = 1; cluster.enabled() && attempt < 10; attempt++) {
      reachable = reachable.recover(e -> vertx.timer(1000).compose(waited -> store.ping()));
    }
    reachable.recover(e -> Future.failedFuture(new IllegalStateException(
        "Cannot reach Redis at REDIS_URL: " + e.getMessage(), e))).await();
    SupportedLocale defaultLocale = SupportedLocale.fromTag(config.defaultLocale()).orElseThrow();
    long storeReady = System.nanoTime();
    Map<String, Object> prepared = new LinkedHashMap<>();
    preparing.forEach((name, result) -> {
      Object value = result.await();
      if (value != null) {
        prepared.put(name, value);
      }
    });

    long preparedAt = System.nanoTime();
    List<PageRoutes> pages = FEATURES.stream().flatMap(feature -> feature.pages().stream()).toList();
    Promise<Void> othersUp = Promise.promise();
    FeatureContext context = new FeatureContext(pool, store, config, messages.await(), defaultLocale,
        Clock.systemUTC(), tokens, pages, prepared, othersUp.future());
    String deployed = deployFeatures(context, othersUp);
    // every feature's SQL prepared (or known good) against this schema: the next start prepares none of it
    vertx.executeBlocking(() -> {
      try {
        VerifiedStatements.record(database, SqlStatements.verifiedAgainst(schema));
      } catch (RuntimeException e) {
        LOG.warn("Could not record which statements were prepared; the next start prepares them again: {}", e.getMessage());
      }
      return null;
    }, false).await();
    LOG.info("Started in {} ms: database {} ms, migrations {} ms, pool and store {} ms, waiting for what was prepared {} ms, "
            + "features {} ms ({})", millisSince(started),
        (databaseStarted - started) / 1_000_000, (migrated - databaseStarted) / 1_000_000,
        (storeReady - migrated) / 1_000_000, (preparedAt - storeReady) / 1_000_000, millisSince(preparedAt), deployed);
  }

  /**
   * The features only call one another over the bus when a request comes, so they all deploy side by side
   * (each one's verticles in its order), the last, the API, too: it builds its router meanwhile and opens the
   * port once {@code othersUp} says the others are all up. Whatever did deploy is recorded, in
   * {@link #FEATURES}' order, before a failure is reported.
   */
  private String deployFeatures(FeatureContext context, Promise<Void> othersUp) {
    long started = System.nanoTime();
    List<List<String>> ids = new ArrayList<>();
    List<Future<?>> side = new ArrayList<>();
    Map<String, Long> took = new java.util.concurrent.ConcurrentHashMap<>();
    for (Feature feature : FEATURES.subList(0, FEATURES.size() - 1)) {
      List<String> featureIds = Collections.synchronizedList(new ArrayList<>());
      ids.add(featureIds);
      side.add(deployInOrder(feature.deployments(context), featureIds)
          .onComplete(done -> took.put(feature.name(), millisSince(started))));
    }
    Feature api = FEATURES.get(FEATURES.size() - 1);
    List<String> apiIds = Collections.synchronizedList(new ArrayList<>());
    Future<?> apiUp = deployInOrder(api.deployments(context), apiIds);
    Future.join(side).otherwiseEmpty().await();
    long last = System.nanoTime();
    ids.forEach(deployments::addAll);
    Optional<Future<?>> failed = side.stream().filter(Future::failed).findFirst();
    if (failed.isPresent()) {
      othersUp.fail(failed.get().cause());
    } else {
      othersUp.complete();
    }
    apiUp.otherwiseEmpty().await();
    deployments.addAll(apiIds);
    failed.ifPresent(feature -> {
      throw asRuntime(feature.cause());
    });
    if (apiUp.failed()) {
      throw asRuntime(apiUp.cause());
    }
    // each feature's time to be up (side by side, so they overlap), then the API's after the last of them
    StringBuilder times = new StringBuilder();
    FEATURES.subList(0, FEATURES.size() - 1).forEach(feature -> times.append(feature.name()).append(' ')
        .append(took.get(feature.name())).append(", "));
    return times.append(api.name()).append(' ').append(millisSince(last)).append(" after them").toString();
  }

  private Future<?> deployInOrder(List<Deployment> featureDeployments, List<String> ids) {
    Future<?> chain = Future.succeededFuture();
    for (Deployment deployment : featureDeployments) {
      chain = chain.compose(previous -> vertx.deployVerticle(deployment.verticle(), deployment.options())
          .onSuccess(ids::add));
    }
    return chain;
  }

  private static RuntimeException asRuntime(Throwable cause) {
    return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** Blocking and safe to call more than once or after a failed start. */
  public synchronized void stop() {
    if (!alongside.isEmpty()) {
      quietly("finish what started alongside the database", () -> Future.join(alongside).otherwiseEmpty().await());
      alongside.clear();
    }
    if (vertx != null) {
      // reverse order: the API first (its HTTP server drains gracefully), then each feature before those it uses
      for (int i = deployments.size() - 1; i >= 0; i--) {
        String id = deployments.get(i);
        quietly("stop deployment " + id, () -> vertx.undeploy(id).await());
      }
      deployments.clear();
      quietly("give up the run-once leases", () -> {
        if (leases != null) {
          leases.close().await();
        }
      });
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
    if (opening != null) { // the start failed before it took the database
      opening.abandon();
      opening = null;
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
