package io.moeen.api;

import io.moeen.common.auth.AccessTokens;
import io.moeen.common.files.FileStore;
import io.moeen.common.files.LocalFileStore;
import io.moeen.common.http.PageRoutes;
import io.moeen.identity.IdentityAddresses;
import io.moeen.common.i18n.LocaleNegotiator;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.moeen.common.kv.KeyValueStore;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.openapi.router.OpenAPIRoute;
import io.vertx.ext.web.openapi.router.RouterBuilder;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.sqlclient.Pool;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * HTTP in front of the event bus. Builds its router from {@code openapi.yaml}: validation,
 * language, request ids and problem+json here; every operation is forwarded to the verticle
 * at its {@code x-moeen-address}. Holds no domain logic.
 */
public final class ApiVerticle extends VerticleBase {
  public static final String CONTRACT = "openapi.yaml";
  private static final long BUS_TIMEOUT_MS = 30_000;

  private final Settings settings;
  private final Future<Void> othersUp;
  private final ContractLoader.Loaded contract;
  private final Messages messages;
  private final Pool pool;
  private final KeyValueStore store;
  private final AccessTokens tokens;
  private final PrincipalCache principals;
  private final List<PageRoutes> pages;
  private final java.nio.file.Path filesDir;
  private FileStore files;
  private final LiveStreams streams = new LiveStreams();
  private HttpServer server;

  /** What the API needs from the configuration. */
  public record Settings(String host, int port, SupportedLocale defaultLocale, long maxBodyBytes, Duration shutdownGrace,
                         java.util.Set<String> trustedProxies, java.util.Map<String, String> signingSecrets) {
    /** {@code signingSecrets}: the secret per {@code x-moeen-signature} scheme (a scheme left out refuses every request). */
    public Settings {
      signingSecrets = java.util.Map.copyOf(signingSecrets);
    }
  }

  /**
   * {@code principals}: one cache for every instance of the process; {@code pages}: what features serve to browsers;
   * {@code filesDir}: where uploads are stored ({@code MOEEN_DATA_DIR/files}); {@code othersUp}: the port
   * opens when it completes (every other feature deployed).
   */
  public ApiVerticle(Settings settings, ContractLoader.Loaded contract, Messages messages, Pool pool, KeyValueStore store,
                     AccessTokens tokens, PrincipalCache principals, List<PageRoutes> pages, java.nio.file.Path filesDir,
                     Future<Void> othersUp) {
    this.settings = settings;
    this.othersUp = othersUp;
    this.filesDir = filesDir;
    this.contract = contract;
    this.pages = List.copyOf(pages);
    this.principals = principals;
    this.tokens = tokens;
    this.messages = messages;
    this.pool = pool;
    this.store = store;
  }

  @Override
  public Future<?> start() {
    ProblemResponses problems = new ProblemResponses(messages, settings.defaultLocale(), settings.maxBodyBytes());
    LocaleNegotiator negotiator = new LocaleNegotiator(settings.defaultLocale());
    // each instance listens, so the shared cache hears every event even while one instance stops
    return vertx.eventBus().<JsonObject>consumer(IdentityAddresses.PRINCIPALS_INVALIDATED, event -> principals.invalidate(event.body()))
        .completion()
        .compose(listening -> Future.all(pages.stream().map(page -> page.load(vertx)).toList()))
        .map(loaded -> router(problems, negotiator))
        // the router is built while the other features deploy; the port opens when they are all up
        .compose(router -> othersUp.map(router))
        .compose(router -> vertx.createHttpServer(new HttpServerOptions()
                .setHost(settings.host())
                .setPort(settings.port())
                .setCompressionSupported(true))
            .invalidRequestHandler(request -> problems.invalidRequest(request, negotiator))
            .requestHandler(router)
            .listen())
        .onSuccess(listening -> server = listening);
  }

  private Router router(ProblemResponses problems, LocaleNegotiator negotiator) {
    OpenAPIContract contract = this.contract.contract();
    SupportedLocale fallback = settings.defaultLocale();
    AllowedMethods allowed = new AllowedMethods();
    List<ContractOperation> operations = ContractOperation.readAll(this.contract.raw());
    ClientAddress clients = new ClientAddress(settings.trustedProxies());
    UploadRoutes uploads = UploadRoutes.of(this.contract.raw());
    files = new LocalFileStore(vertx, filesDir);

    RouterBuilder builder = RouterBuilder.create(vertx, contract)
        .rootHandler(new HeadAsGet())
        .rootHandler(new RequestIds())
        .rootHandler(new AccessLog())
        .rootHandler(new ResponseHardening())
        .rootHandler(new LocaleSelection(negotiator))
        // after the body is read: a refusal that leaves a body unread would stall a kept-alive connection
        .rootHandler(uploads.bodyHandler(BodyHandler.create(false).setBodyLimit(settings.maxBodyBytes())))
        .rootHandler(new CanonicalPaths(problems));
    RequestValidator validator = new InlineRequestValidator(vertx, contract);
    ContractBodies bodies = new ContractBodies();
    List<ContractOperation> crossOrigin = CrossOrigin.operations(operations);
    for (ContractOperation operation : operations) {
      OpenAPIRoute route = builder.getRoute(operation.operationId())
          .setDoSecurity(false)
          .setDoValidation(false);
      if (crossOrigin.contains(operation)) {
        route.addHandler(CrossOrigin.headers());
      }
      // who may call is decided here, on the operation this route serves, before anything reads the input
      route.addHandler(new Authentication(vertx, tokens, operation, principals));
      if (operation.signature() != null) {
        route.addHandler(new WebhookSignatures(vertx, operation.signature(), settings.signingSecrets().get(operation.signature())));
      }
      OperationForwarder forwarder = new OperationForwarder(vertx, operation, fallback, BUS_TIMEOUT_MS, clients, files);
      var upload = uploads.byOperation(operation.operationId());
      route.addHandler(new ContractValidation(validator, bodies, contract.operation(operation.operationId())))
          .addHandler(new PrincipalGuard())
          .addHandler(operation.stream()
              ? new EventStreamForwarder(vertx, operation, fallback, BUS_TIMEOUT_MS, clients, streams)
              : upload.isPresent() ? new UploadForwarder(forwarder, files, upload.get()) : forwarder);
      allowed.add(operation.path(), operation.method());
    }

    Router router = builder.createRouter();
    CrossOrigin.mountPreflights(router, crossOrigin, allowed);
    OperationalRoutes.mount(router, vertx, pool, store, this.contract.yaml(), allowed);
    for (PageRoutes page : pages) {
      page.mount(router);
      page.paths().forEach(path -> allowed.add(path, "GET"));
    }
    router.route().failureHandler(problems::handleFailure);
    router.errorHandler(400, problems::handleFailure);
    router.errorHandler(404, problems::notFound);
    router.errorHandler(405, ctx -> problems.methodNotAllowed(ctx, allowed.forPath(ctx.request().path())));
    router.errorHandler(500, problems::handleFailure);
    return router;
  }

  /** Graceful: stop accepting connections, let requests in flight finish within the grace period. */
  @Override
  public Future<?> stop() {
    streams.endAll(); // a stream never finishes by itself: end it, the client reconnects elsewhere
    if (server == null) {
      return Future.succeededFuture();
    }
    return server.shutdown(settings.shutdownGrace().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** The port actually bound (useful when configured with port 0). */
  public int actualPort() {
    return server == null ? -1 : server.actualPort();
  }
}
