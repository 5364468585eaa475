package io.moeen.reference;

import io.moeen.common.bus.Reply;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.bus.ServiceVerticle;
import io.moeen.common.errors.Problem;
import io.moeen.common.i18n.Messages;
import io.moeen.common.i18n.SupportedLocale;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.ZoneId;
import java.util.Map;

/**
 * What every client needs first: public settings, languages, the interface texts and the
 * Gregorian/Hijri calendar conversion. Settings and languages are served from memory
 * ({@link ReferenceCache}); the texts are read from the jar once.
 */
public final class ReferenceVerticle extends ServiceVerticle {
  private final Pool pool;
  private final Messages messages;
  private final SupportedLocale defaultLocale;
  private final ZoneId timeZone;

  public ReferenceVerticle(Pool pool, Messages messages, SupportedLocale defaultLocale, ZoneId timeZone) {
    this.pool = pool;
    this.messages = messages;
    this.defaultLocale = defaultLocale;
    this.timeZone = timeZone;
  }

  @Override
  public Future<?> start() {
    ReferenceStore store = new ReferenceStore(pool);
    ReferenceCache cache = new ReferenceCache();
    ClientBundles bundles = new ClientBundles(messages);
    CalendarConversion calendar = new CalendarConversion(messages);

    servePublic(ReferenceAddresses.PUBLIC_SETTINGS_GET, request -> publicSettings(store, cache, request));
    servePublic(ReferenceAddresses.LANGUAGES_LIST, request -> languages(store, cache, request));
    servePublic(ReferenceAddresses.I18N_BUNDLES_GET, request -> clientBundle(bundles, request));
    servePublic(ReferenceAddresses.CALENDAR_CONVERT, request -> Future.succeededFuture(
        Reply.of(calendar.convert(request.bodyAsObject(), locale(request)))));
    Future<?> invalidations = Future.all(
        vertx.eventBus().consumer(ReferenceAddresses.SETTINGS_CHANGED, event -> cache.settingsChanged()).completion(),
        vertx.eventBus().consumer(ReferenceAddresses.LANGUAGES_CHANGED, event -> cache.languagesChanged()).completion());
    return store.verify().compose(verified -> registered()).compose(served -> invalidations);
  }

  private Future<Reply> publicSettings(ReferenceStore store, ReferenceCache cache, RequestEnvelope request) {
    SupportedLocale locale = locale(request);
    return cache.settings(locale.tag(), defaultLocale.tag(), () -> store.publicSettings(locale.tag(), defaultLocale.tag()))
        .map(settings -> Reply.of(new JsonObject()
            .put("locale", locale.tag())
            .put("defaultLocale", defaultLocale.tag())
            .put("timeZone", timeZone.getId())
            .put("settings", settings)));
  }

  private Future<Reply> languages(ReferenceStore store, ReferenceCache cache, RequestEnvelope request) {
    SupportedLocale locale = locale(request);
    return cache.languages(store::activeLanguages).map(languages -> {
      JsonArray items = new JsonArray();
      for (ReferenceStore.Language language : languages) {
        String nameKey = "language." + language.code();
        items.add(new JsonObject()
            .put("code", language.code())
            .put("name", messages.has(locale, nameKey) ? messages.format(locale, nameKey) : language.nameEn())
            .put("nativeName", language.nativeName())
            .put("direction", language.direction()));
      }
      return Reply.of(new JsonObject().put("items", items));
    });
  }

  private Future<Reply> clientBundle(ClientBundles bundles, RequestEnvelope request) {
    String requested = request.param("locale");
    return SupportedLocale.fromTag(requested)
        .map(locale -> {
          ClientBundles.Bundle bundle = bundles.of(locale);
          return Future.succeededFuture(Reply.of(bundle.body())
              .withHeader("ETag", bundle.etag())
              .withHeader("Cache-Control", "public, max-age=300"));
        })
        .orElseGet(() -> Future.failedFuture(Problem.notFound("unsupported_locale", Map.of("locale", requested))));
  }

  private SupportedLocale locale(RequestEnvelope request) {
    return SupportedLocale.fromTag(request.locale()).orElse(defaultLocale);
  }
}
