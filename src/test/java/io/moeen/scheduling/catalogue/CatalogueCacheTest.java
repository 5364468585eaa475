package io.moeen.scheduling.catalogue;

import io.moeen.scheduling.SchedulingAddresses;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public catalogue is answered from memory, and a committed write is seen by the very next
 * read: every write drops the cached answers and announces it on the bus for other nodes.
 */
class CatalogueCacheTest {
  static final String RIYADH = PublicCatalogueTest.RIYADH;
  static final String JEDDAH = ClinicHoursTest.JEDDAH;
  static final String MAHA = PublicCatalogueTest.MAHA;
  static final String GENERAL = PublicCatalogueTest.GENERAL;

  static RunningApp app;
  static CatalogueApi admin;
  static final List<JsonObject> announced = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() {
    app = RunningApp.start("catalogue-cache");
    admin = new CatalogueApi(app, app.loginAs(DemoAccounts.ADMIN));
    app.application().vertx().eventBus().<JsonObject>consumer(SchedulingAddresses.CATALOGUE_INVALIDATED,
        event -> announced.add(event.body())).completion().await();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static HttpResponse<Buffer> get(String path, String lang) {
    return admin.call("GET", path, lang, null);
  }

  private static JsonObject service(HttpResponse<Buffer> list, String id) {
    return admin.ok(200, list).getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("a renamed service is answered renamed on the next read, with a new ETag, in each language")
  void a_renamed_service_is_seen_on_the_next_read() {
    HttpResponse<Buffer> first = get("/v1/services", "en");
    HttpResponse<Buffer> again = get("/v1/services", "en");
    assertThat(again.getHeader("ETag")).isEqualTo(first.getHeader("ETag"));
    get("/v1/services/" + GENERAL, "ar"); // cached in Arabic too
    int before = announced.size();

    admin.ok(200, admin.call("PATCH", "/v1/services/" + GENERAL, "en",
        new JsonObject().put("nameEn", "General consultation (renamed)").put("nameAr", "استشارة عامة معدلة")));

    HttpResponse<Buffer> after = get("/v1/services", "en");
    assertThat(service(after, GENERAL).getString("name")).isEqualTo("General consultation (renamed)");
    assertThat(after.getHeader("ETag")).isNotEqualTo(first.getHeader("ETag"));
    assertThat(admin.ok(200, get("/v1/services/" + GENERAL, "ar")).getString("name")).isEqualTo("استشارة عامة معدلة");
    assertThat(announced.size()).isGreaterThan(before);
  }

  @Test
  @DisplayName("replaced hours, a new holiday and its removal are each seen on the next read")
  void hours_and_holidays_are_seen_on_the_next_read() {
    String holidays = "/v1/holidays?locationId=" + JEDDAH + "&from=2026-08-01&to=2026-08-31";
    assertThat(admin.ok(200, get(holidays, "en")).getJsonArray("items")).isEmpty();
    admin.ok(200, get("/v1/doctors/" + MAHA + "/availability", "en"));

    JsonObject holiday = admin.ok(201, admin.call("POST", "/v1/holidays", "en", new JsonObject().put("locationId", JEDDAH)
        .put("startsOn", "2026-08-10").put("endsOn", "2026-08-11").put("nameAr", "صيانة").put("nameEn", "Maintenance")));
    assertThat(admin.ok(200, get(holidays, "en")).getJsonArray("items")).hasSize(1);
    admin.ok(204, admin.call("DELETE", "/v1/holidays/" + holiday.getString("id"), "en", null));
    assertThat(admin.ok(200, get(holidays, "en")).getJsonArray("items")).isEmpty();

    admin.ok(200, admin.call("PUT", "/v1/doctors/" + MAHA + "/availability", "en", new JsonObject()
        .put("blocks", new JsonArray().add(new JsonObject().put("locationId", RIYADH).put("dayOfWeek", 2)
            .put("startsAt", "08:00").put("endsAt", "11:30")))));
    JsonArray blocks = admin.ok(200, get("/v1/doctors/" + MAHA + "/availability", "en")).getJsonArray("blocks");
    assertThat(blocks).hasSize(1);
    assertThat(blocks.getJsonObject(0).getString("endsAt")).isEqualTo("11:30");
  }

  @Test
  @DisplayName("a change made straight in the database waits for an invalidation on the bus (what another node's write sends)")
  void an_unannounced_change_waits_for_the_bus() {
    String path = "/v1/locations/" + JEDDAH;
    String before = admin.ok(200, get(path, "en")).getString("phone");
    app.asOwner("UPDATE clinic_locations SET phone = '+966120000000' WHERE id = '" + JEDDAH + "'");
    assertThat(admin.ok(200, get(path, "en")).getString("phone")).as("served from memory").isEqualTo(before);

    app.application().vertx().eventBus().publish(SchedulingAddresses.CATALOGUE_INVALIDATED, new JsonObject());

    assertThat(admin.ok(200, get(path, "en")).getString("phone")).isEqualTo("+966120000000");
  }
}
