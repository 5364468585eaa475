package io.moeen.api;

import io.moeen.common.Deployment;
import io.moeen.common.Feature;
import io.moeen.common.FeatureContext;
import io.moeen.common.config.AppConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Map;

/** The HTTP API, one instance per core, last: the service takes requests once everything behind it is ready. */
public final class ApiFeature implements Feature {
  @Override
  public String name() {
    return "api";
  }

  /** The contract, read and modelled once while the database starts (seconds of YAML and schema work). */
  @Override
  public Future<?> prepare(Vertx vertx) {
    return ContractLoader.load(vertx, ApiVerticle.CONTRACT);
  }

  /** The secret per {@code x-moeen-signature} scheme: WhatsApp's app secret, the payment gateway's webhook secret. */
  static Map<String, String> signingSecrets(AppConfig config) {
    Map<String, String> secrets = new java.util.HashMap<>();
    config.whatsapp().appSecret().ifPresent(secret -> secrets.put("whatsapp", secret));
    config.paymentGateway().webhookSecret().ifPresent(secret -> secrets.put("payment_gateway", secret));
    return Map.copyOf(secrets);
  }

  @Override
  public List<Deployment> deployments(FeatureContext ctx) {
    ContractLoader.Loaded contract = ctx.prepared(this, ContractLoader.Loaded.class);
    AppConfig config = ctx.config();
    ApiVerticle.Settings api = new ApiVerticle.Settings(config.httpHost(), config.httpPort(), ctx.defaultLocale(),
        config.maxBodyBytes(), config.shutdownGrace(), config.trustedProxies(),
        signingSecrets(config));
    PrincipalCache principals = new PrincipalCache(); // one for all API instances of this process
    return List.of(new Deployment(() -> new ApiVerticle(api, contract, ctx.messages(), ctx.pool(), ctx.store(), ctx.tokens(),
        principals, ctx.pages(), config.dataDir().resolve("files"), ctx.othersUp()),
        new DeploymentOptions().setInstances(Math.max(1, Runtime.getRuntime().availableProcessors()))));
  }
}
