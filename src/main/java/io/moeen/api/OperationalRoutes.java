package io.moeen.api;

import io.moeen.common.kv.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.StaticHandler;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.sqlclient.Pool;

import java.util.function.Supplier;

/**
 * The routes outside the contract: health for orchestrators, metrics for Prometheus, and the
 * contract itself, as one document and rendered for people.
 */
final class OperationalRoutes {
  static final String SWAGGER_UI = "META-INF/resources/webjars/swagger-ui/5.20.0";
  private static final long CHECK_TIMEOUT_MS = 2_000;

  private OperationalRoutes() {
  }

  /** {@code contract}: the merged contract as YAML (made once, when first asked for), served as it is. */
  static void mount(Router router, Vertx vertx, Pool pool, KeyValueStore store, Supplier<Future<Buffer>> contract,
                    AllowedMethods allowed) {
    HealthChecks live = HealthChecks.create(vertx).register("process", p -> p.complete(Status.OK()));
    HealthChecks ready = HealthChecks.create(vertx)
        .register("database", CHECK_TIMEOUT_MS, p -> pool.query("SELECT 1").execute()
            .onSuccess(rows -> p.complete(Status.OK()))
            .onFailure(p::fail));
    if ("redis".equals(store.kind())) {
      ready.register("redis", CHECK_TIMEOUT_MS, p -> store.ping()
          .onSuccess(ok -> p.complete(Status.OK()))
          .onFailure(p::fail));
    }
    router.get("/health/live").handler(HealthCheckHandler.createWithHealthChecks(live));
    router.get("/health/ready").handler(HealthCheckHandler.createWithHealthChecks(ready));
    router.get("/metrics").handler(PrometheusScrapingHandler.create());
    // the entry point names its parts by path; readers (swagger-ui, generators) get one document
    router.get("/openapi.yaml").handler(ctx -> contract.get()
        .onSuccess(yaml -> ctx.response()
            .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml; charset=utf-8")
            .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
            .end(yaml))
        .onFailure(ctx::fail));
    router.get("/docs/assets/*").handler(StaticHandler.create(SWAGGER_UI));
    router.get("/docs/*").handler(StaticHandler.create("docs-ui").setCachingEnabled(false));
    for (String path : new String[] {"/health/live", "/health/ready", "/metrics", "/openapi.yaml", "/docs/*"}) {
      allowed.add(path, "GET");
    }
  }
}
