package io.moeen;

import io.moeen.api.ApiVerticle;
import io.moeen.api.PrincipalCache;
import io.moeen.common.auth.AccessTokens;
import io.moeen.common.auth.SigningKeys;
import io.moeen.common.config.AppConfig;
import io.moeen.common.db.DatabaseServer;
import io.moeen.common.db.EmbeddedDatabaseServer;
import io.moeen.common.db.ExternalDatabaseServer;
import io.moeen.common.db.Migrations;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.kv.KeyValueStore;
import io.moeen.common.kv.KeyValueStores;
import io.moeen.crm.CrmVerticle;
import io.moeen.identity.IdentityVerticle;
import io.moeen.notifications.NotificationsVerticle;
import io.moeen.notifications.preferences.PreferencesVerticle;
import io.moeen.notifications.admin.NotificationAdminVerticle;
import io.moeen.notifications.dispatch.DispatchVerticle;
import io.moeen.notifications.channels.whatsapp.WhatsAppWebhookVerticle;
import io.moeen.patients.PatientsVerticle;
import io.moeen.identity.admin.AccessAdminVerticle;
import io.moeen.reference.ReferenceVerticle;
import io.moeen.scheduling.catalogue.CatalogueVerticle;
import io.moeen.scheduling.booking.BookingVerticle;
import io.moeen.scheduling.slots.SlotsVerticle;
import io.moeen.scheduling.appointments.AppointmentsVerticle;
import io.vertx.core.DeploymentOptions;
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

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The whole service, in start-up order: database (embedded or external) → migrations →
 * pool and store → domain verticles → API. {@link #stop()} undoes it in reverse, API first so
 * requests in flight can finish.
 */
public final class Application {
  private static final Logger LOG = LoggerFactory.getLogger(Application.class);

  private final AppConfig config;
  private Vertx vertx;
  private DatabaseServer database;
  private Pool pool;
  private KeyValueStore store;
  private String apiDeployment;
  private final List<String> domainDeployments = new ArrayList<>();

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

    domainDeployments.add(vertx.deployVerticle(
        new ReferenceVerticle(pool, messages, defaultLocale, config.timeZone())).await());
    domainDeployments.add(vertx.deployVerticle(new IdentityVerticle(pool, store, tokens, messages)).await());
    domainDeployments.add(vertx.deployVerticle(new PatientsVerticle(pool, config.timeZone())).await());
    domainDeployments.add(vertx.deployVerticle(new AccessAdminVerticle(pool)).await());
    domainDeployments.add(vertx.deployVerticle(new CatalogueVerticle(pool)).await());
    domainDeployments.add(vertx.deployVerticle(new SlotsVerticle(pool, config.timeZone(), java.time.Clock.systemUTC())).await());
    domainDeployments.add(vertx.deployVerticle(new BookingVerticle(pool, java.time.Clock.systemUTC())).await());
    domainDeployments.add(vertx.deployVerticle(new AppointmentsVerticle(pool, messages)).await());
    domainDeployments.add(vertx.deployVerticle(new NotificationsVerticle(pool, defaultLocale, config.timeZone())).await());
    domainDeployments.add(vertx.deployVerticle(new io.moeen.patients.PatientContactsVerticle(pool)).await());
    domainDeployments.add(vertx.deployVerticle(new io.moeen.chatbot.ChatbotVerticle(pool, store, messages,
        config.timeZone(), java.time.Clock.systemUTC())).await());
    domainDeployments.add(vertx.deployVerticle(
        new PreferencesVerticle(pool, messages, defaultLocale, config.timeZone())).await());
    domainDeployments.add(vertx.deployVerticle(new DispatchVerticle(pool, config.sms(), config.whatsapp(), config.smtp(), defaultLocale, config.timeZone(),
        config.dispatchInterval(), java.time.Clock.systemUTC(), config.dispatchSendingTimeout())).await());
    domainDeployments.add(vertx.deployVerticle(new WhatsAppWebhookVerticle(pool, config.whatsapp(), messages,
        java.time.Clock.systemUTC())).await());
    domainDeployments.add(vertx.deployVerticle(new CrmVerticle(pool, config.timeZone(), java.time.Clock.systemUTC(),
        new io.moeen.crm.assignment.MarketerRotation())).await());
    domainDeployments.add(vertx.deployVerticle(new io.moeen.crm.assignment.AssignmentVerticle(pool, java.time.Clock.systemUTC())).await());
    domainDeployments.add(vertx.deployVerticle(new io.moeen.crm.conversion.ConversionVerticle(pool, java.time.Clock.systemUTC())).await());
    domainDeployments.add(vertx.deployVerticle(new io.moeen.crm.forms.WebFormsVerticle(pool, store, config.crm())).await());
    domainDeployments.add(vertx.deployVerticle(new io.moeen.crm.imports.LeadImportVerticle(messages)).await());
    domainDeployments.add(vertx.deployVerticle(new io.moeen.crm.reports.ReportsVerticle(pool, config.timeZone(), java.time.Clock.systemUTC())).await());
    domainDeployments.add(vertx.deployVerticle(new io.moeen.crm.sla.FirstContactVerticle(pool, config.timeZone(), config.crm().slaInterval(), java.time.Clock.systemUTC())).await());
    domainDeployments.add(vertx.deployVerticle(new NotificationAdminVerticle(pool, defaultLocale, config.timeZone(),
        java.time.Clock.systemUTC())).await());

    ApiVerticle.Settings api = new ApiVerticle.Settings(config.httpHost(), config.httpPort(), defaultLocale,
        config.maxBodyBytes(), config.shutdownGrace(), config.trustedProxies(),
        config.whatsapp().appSecret().map(secret -> java.util.Map.of("whatsapp", secret)).orElse(java.util.Map.of()));
    PrincipalCache principals = new PrincipalCache(); // one for all API instances of this process
    apiDeployment = vertx.deployVerticle(() -> new ApiVerticle(api, messages, pool, store, tokens, principals),
        new DeploymentOptions().setInstances(Math.max(1, Runtime.getRuntime().availableProcessors()))).await();
  }

  private DatabaseServer openDatabase() {
    return config.externalDatabase()
        .<DatabaseServer>map(ExternalDatabaseServer::connect)
        .orElseGet(() -> EmbeddedDatabaseServer.start(config.embeddedDatabaseDir(), config.embeddedDatabaseName()));
  }

  /** Blocking and safe to call more than once or after a failed start. */
  public synchronized void stop() {
    if (vertx != null) {
      quietly("stop the API", () -> {
        if (apiDeployment != null) {
          vertx.undeploy(apiDeployment).await();
        }
      });
      quietly("stop domain verticles", () -> domainDeployments.forEach(id -> vertx.undeploy(id).await()));
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
