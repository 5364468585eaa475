package io.moeen.identity;

import io.moeen.common.i18n.PersonNames;
import io.moeen.common.time.Timestamps;
import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The signed-in person's own account: who they are, what they may do. */
final class Profiles {
  private final Vertx vertx;
  private final IdentityStore store;
  private final ProfileCache cache = new ProfileCache();

  Profiles(Vertx vertx, IdentityStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  /** After the caller changed their own account: read past the cache (whose event may not have arrived yet). */
  Future<JsonObject> fresh(RequestEnvelope request) {
    cache.invalidate(new JsonObject().put("userId", Access.principal(request).userId().toString()));
    return me(request);
  }

  /** Applies an {@code identity.principals.invalidated} event to the cached account fields. */
  void invalidate(JsonObject event) {
    cache.invalidate(event);
  }

  Future<JsonObject> me(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    return cache.get(vertx, principal.userId(), () -> account(principal.userId()))
        .map(account -> account
            .put("roles", new JsonArray(principal.roles()))
            .put("permissions", new JsonArray(List.copyOf(principal.permissions())))
            .put("patientId", principal.patientId().map(Object::toString).orElse(null))
            .put("family", family(principal)));
  }

  /** The reply's fields that the account row holds; an account that is gone (or inactive) is an invalid token. */
  private Future<JsonObject> account(UUID userId) {
    return store.pool().preparedQuery(IdentityStore.SQL.get("profile")).execute(Tuple.of(userId))
        .map(rows -> {
          if (!rows.iterator().hasNext()) {
            throw new Problem(ProblemKind.UNAUTHENTICATED, "invalid_token");
          }
          return toJson(rows.iterator().next());
        });
  }

  private static JsonObject toJson(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("email", row.getString("email"))
        .put("phone", row.getString("phone"))
        .put("name", new JsonObject()
            .put("ar", PersonNames.full(row.getString("first_name_ar"), row.getString("last_name_ar")))
            .put("en", PersonNames.full(row.getString("first_name_en"), row.getString("last_name_en"))))
        .put("firstNameAr", row.getString("first_name_ar"))
        .put("lastNameAr", row.getString("last_name_ar"))
        .put("firstNameEn", row.getString("first_name_en"))
        .put("lastNameEn", row.getString("last_name_en"))
        .put("languagePreference", row.getString("language_preference"))
        .put("twoFactorEnabled", row.getBoolean("totp_enabled"))
        .put("lastLogin", Timestamps.iso(row.getOffsetDateTime("last_login")));
  }

  /** The patients who let this account in, with what they granted, so a client knows whose appointments it may show. */
  private static JsonArray family(Principal principal) {
    JsonArray grants = new JsonArray();
    principal.family().forEach((patient, scopes) -> grants.add(new JsonObject()
        .put("patientId", patient.toString())
        .put("scopes", new JsonArray(scopes.stream().sorted().toList()))));
    return grants;
  }
}
