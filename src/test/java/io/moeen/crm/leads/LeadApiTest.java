package io.moeen.crm.leads;

import io.moeen.crm.CrmAddresses;
import io.moeen.crm.CrmFixtures;
import io.moeen.crm.LeadApi;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The staff API over HTTP against the real database: create, read, change, list, search, export, merge. */
class LeadApiTest {
  static RunningApp app;
  static CrmFixtures crm;
  static LeadApi api;
  static String marketer;
  static String supervisor;
  static final AtomicInteger PHONES = new AtomicInteger(1000);

  @BeforeAll
  static void start() {
    app = RunningApp.start("crm-api");
    crm = new CrmFixtures(app);
    api = new LeadApi(app);
    marketer = app.loginAs(DemoAccounts.MARKETER);
    supervisor = app.loginAs(DemoAccounts.SUPERVISOR);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static String phone() {
    return "0553" + String.format("%06d", PHONES.incrementAndGet());
  }

  static JsonObject newLead(String name) {
    return new JsonObject().put("fullName", name).put("phone", phone()).put("source", "walk_in");
  }

  @Test
  void a_marketer_creates_a_lead_they_own_and_a_second_entry_attaches_to_it() {
    var created = api.call("POST", "/v1/crm/leads", marketer, new JsonObject().put("fullName", "هند القحطاني")
        .put("phone", "0554443322").put("source", "walk_in").put("tags", new JsonArray().add("vip")));
    assertThat(created.statusCode()).isEqualTo(201);
    JsonObject lead = created.bodyAsJsonObject();
    assertThat(lead.getBoolean("attached")).isFalse();
    assertThat(lead.getString("phone")).isEqualTo("+966554443322");
    assertThat(lead.getString("ownerId")).isEqualTo(CrmFixtures.MARKETER_ID.toString());
    assertThat(lead.getJsonArray("scoreBreakdown")).isNotEmpty();
    assertThat(created.getHeader("Location")).isEqualTo("/v1/crm/leads/" + lead.getString("id"));

    var again = api.call("POST", "/v1/crm/leads", marketer, new JsonObject().put("fullName", "Hind")
        .put("phone", "٠٥٥٤٤٤٣٣٢٢").put("source", "phone_call"));
    assertThat(again.statusCode()).isEqualTo(201);
    assertThat(again.bodyAsJsonObject().getBoolean("attached")).isTrue();
    assertThat(again.bodyAsJsonObject().getString("id")).isEqualTo(lead.getString("id"));
  }

  @Test
  void bad_input_is_refused_with_the_field_and_nothing_is_written() {
    var badPhone = api.call("POST", "/v1/crm/leads", marketer, new JsonObject().put("fullName", "X").put("phone", "123")
        .put("source", "walk_in"));
    assertThat(badPhone.statusCode()).isEqualTo(400);
    assertThat(badPhone.bodyAsJsonObject().getString("field")).isEqualTo("phone");
    assertThat(badPhone.bodyAsJsonObject().getString("code")).isEqualTo("invalid_phone");
    var owner = api.call("POST", "/v1/crm/leads", marketer, newLead("X").put("ownerId", CrmFixtures.MARKETER_ID.toString()));
    assertThat(owner.statusCode()).isEqualTo(403);
    var notMarketer = api.call("POST", "/v1/crm/leads", supervisor, newLead("X").put("ownerId", DemoAccounts.ADMIN_ID.toString()));
    assertThat(notMarketer.statusCode()).isEqualTo(422);
    assertThat(notMarketer.bodyAsJsonObject().getString("code")).isEqualTo("unknown_owner");
    assertThat(crm.count("SELECT count(*) FROM crm_leads WHERE full_name = 'X'")).isZero();
  }

  @Test
  void an_update_needs_the_current_version_and_owner_changes_need_leads_assign() {
    JsonObject lead = api.create(marketer, newLead("Update Me"));
    String path = "/v1/crm/leads/" + lead.getString("id");
    var stale = api.call("PATCH", path, marketer, new JsonObject().put("notes", "x"), "If-Match", "\"99\"");
    assertThat(stale.statusCode()).isEqualTo(412);
    assertThat(stale.bodyAsJsonObject().getString("code")).isEqualTo("lead_version_mismatch");
    var ok = api.call("PATCH", path, marketer, new JsonObject().put("notes", "يفضل الاتصال مساءً")
        .put("email", "Update@Example.com").put("tags", new JsonArray().add("evening")),
        "If-Match", "\"" + lead.getInteger("version") + "\"");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.bodyAsJsonObject().getString("email")).isEqualTo("update@example.com");
    assertThat(ok.bodyAsJsonObject().getInteger("version")).isEqualTo(lead.getInteger("version") + 1);
    assertThat(ok.getHeader("ETag")).isEqualTo("\"" + (lead.getInteger("version") + 1) + "\"");

    assertThat(api.call("PATCH", path, marketer, new JsonObject().put("ownerId", null)).statusCode()).isEqualTo(403);
    assertThat(api.call("PATCH", path, supervisor, new JsonObject().put("ownerId", DemoAccounts.ADMIN_ID.toString()))
        .statusCode()).isEqualTo(422);
    assertThat(api.call("PATCH", path, marketer, new JsonObject().put("phone", "12")).statusCode()).isEqualTo(400);
  }

  @Test
  void a_supervisor_reassigns_and_the_new_owner_is_told() {
    crm.addSecondMarketerOnce();
    JsonObject lead = api.create(marketer, newLead("Reassign"));
    var moved = api.call("PATCH", "/v1/crm/leads/" + lead.getString("id"), supervisor,
        new JsonObject().put("ownerId", CrmFixtures.SECOND_MARKETER_ID.toString()));
    assertThat(moved.statusCode()).isEqualTo(200);
    assertThat(crm.count("SELECT count(*) FROM notifications WHERE event_type = 'lead_assigned' AND recipient_user_id = '"
        + CrmFixtures.SECOND_MARKETER_ID + "' AND payload ->> 'leadId' = '" + lead.getString("id") + "'")).isEqualTo(1);
    // the first marketer no longer sees it
    assertThat(api.call("GET", "/v1/crm/leads/" + lead.getString("id"), marketer, null).statusCode()).isEqualTo(404);
  }

  @ParameterizedTest(name = "{0} finds {1}")
  @MethodSource("spellings")
  void arabic_search_ignores_spelling_variants(String query, String stored) {
    JsonObject lead = api.create(marketer, newLead(stored).put("source", "social"));
    var found = api.call("GET", "/v1/crm/leads?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8), marketer, null);
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(ids(found.bodyAsJsonObject())).contains(lead.getString("id"));
  }

  static Stream<Arguments> spellings() {
    return Stream.of(
        Arguments.of("احمد الشمري", "أحمد الشمري"), Arguments.of("إحمد الشمري", "أحمد الشمري"),
        Arguments.of("أحمد الشمري", "احمد الشمري"), Arguments.of("فاطمه العنزي", "فاطمة العنزي"),
        Arguments.of("فاطمة العنزي", "فاطمه العنزي"), Arguments.of("مصطفي البقمي", "مصطفى البقمي"),
        Arguments.of("مُصْطَفَى البقمي", "مصطفي البقمي"), Arguments.of("مصطفى البقمي", "مصـــطفى البقمي"),
        Arguments.of("آمنة", "امنه السهلي"));
  }

  @Test
  void search_by_phone_works_in_any_script_and_form() {
    JsonObject lead = api.create(marketer, new JsonObject().put("fullName", "Phone Search").put("phone", "0557654321")
        .put("source", "social"));
    for (String q : List.of("0557654321", "+966 55 765 4321", "٠٥٥٧٦٥٤٣٢١", "765 4321", "phone search")) {
      var found = api.call("GET", "/v1/crm/leads?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8), marketer, null);
      assertThat(ids(found.bodyAsJsonObject())).as(q).contains(lead.getString("id"));
    }
    var nothing = api.call("GET", "/v1/crm/leads?q=0551111111", marketer, null);
    assertThat(ids(nothing.bodyAsJsonObject())).doesNotContain(lead.getString("id"));
  }

  @Test
  void filters_and_cursor_pages_cover_every_matching_lead_once() {
    for (int i = 0; i < 5; i++) {
      api.create(marketer, newLead("Page " + i).put("source", "referral")
          .put("utm", new JsonObject().put("campaign", "pages")).put("tags", new JsonArray().add("paged")));
    }
    java.util.Set<String> seen = new java.util.LinkedHashSet<>();
    String cursor = null;
    int pages = 0;
    do {
      var page = api.call("GET", "/v1/crm/leads?campaign=pages&tag=paged&source=referral&status=new&owner=me&limit=2"
          + (cursor == null ? "" : "&cursor=" + cursor), marketer, null).bodyAsJsonObject();
      for (String id : ids(page)) {
        assertThat(seen.add(id)).isTrue();
      }
      cursor = page.getString("nextCursor");
      pages++;
    } while (cursor != null);
    assertThat(seen).hasSize(5);
    assertThat(pages).isEqualTo(3);
    String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Riyadh")).toString();
    var dated = api.call("GET", "/v1/crm/leads?campaign=pages&createdFrom=" + today + "&createdTo=" + today, marketer, null);
    assertThat(ids(dated.bodyAsJsonObject())).hasSize(5);
    var yesterday = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Riyadh")).minusDays(1).toString();
    assertThat(ids(api.call("GET", "/v1/crm/leads?campaign=pages&createdTo=" + yesterday, marketer, null).bodyAsJsonObject()))
        .isEmpty();
    assertThat(api.call("GET", "/v1/crm/leads?cursor=nonsense", marketer, null).statusCode()).isEqualTo(400);
  }

  @Test
  void the_csv_export_has_a_bom_keeps_arabic_and_defuses_formulas() {
    api.create(marketer, newLead("عبدالرحمن الدوسري").put("utm", new JsonObject().put("campaign", "csv")));
    api.create(marketer, newLead("=HYPERLINK(\"http://evil\")").put("utm", new JsonObject().put("campaign", "csv")));
    var csv = api.call("GET", "/v1/crm/leads.csv?campaign=csv", marketer, null);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.getHeader("Content-Type")).startsWith("text/csv");
    byte[] bytes = csv.body().getBytes();
    assertThat(new byte[] {bytes[0], bytes[1], bytes[2]}).containsExactly(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8);
    assertThat(text).contains("عبدالرحمن الدوسري");
    assertThat(text).contains("\"'=HYPERLINK(\"\"http://evil\"\")\"");
    assertThat(text).contains(",'+966553");
    assertThat(text.lines().count()).isEqualTo(3);
  }

  @Test
  void activities_make_a_timeline_newest_first_and_tasks_are_completed_once() {
    JsonObject lead = api.create(marketer, newLead("Timeline"));
    String path = "/v1/crm/leads/" + lead.getString("id") + "/activities";
    assertThat(api.call("POST", path, marketer, new JsonObject().put("type", "call").put("body", "لم يرد")
        .put("outcome", "no_answer")).statusCode()).isEqualTo(201);
    assertThat(api.call("POST", path, marketer, new JsonObject().put("type", "task").put("body", "x")).statusCode())
        .isEqualTo(400);
    var task = api.call("POST", path, marketer, new JsonObject().put("type", "task").put("body", "اتصل غدًا")
        .put("dueAt", "2030-01-02T10:00:00+03:00"));
    assertThat(task.statusCode()).isEqualTo(201);
    String taskId = task.bodyAsJsonObject().getString("id");
    assertThat(crm.one("SELECT not_before::text FROM notifications WHERE event_type = 'lead_follow_up_due'"
        + " AND payload ->> 'activityId' = '" + taskId + "'")).startsWith("2030-01-02 07:00:00");

    var done = api.call("POST", path + "/" + taskId + "/complete", marketer, new JsonObject().put("outcome", "booked"));
    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(done.bodyAsJsonObject().getString("doneAt")).isNotNull();
    assertThat(api.call("POST", path + "/" + taskId + "/complete", marketer, new JsonObject()).statusCode()).isEqualTo(409);

    var page1 = api.call("GET", path + "?limit=2", marketer, null).bodyAsJsonObject();
    assertThat(page1.getJsonArray("items")).extracting(o -> ((JsonObject) o).getString("type"))
        .containsExactly("task", "call");
    var page2 = api.call("GET", path + "?limit=2&cursor=" + page1.getString("nextCursor"), marketer, null).bodyAsJsonObject();
    assertThat(page2.getJsonArray("items")).extracting(o -> ((JsonObject) o).getString("type")).containsExactly("system");
    assertThat(page2.getString("nextCursor")).isNull();
    JsonObject rescored = api.call("GET", "/v1/crm/leads/" + lead.getString("id"), marketer, null).bodyAsJsonObject();
    assertThat(rescored.getInteger("score")).isGreaterThan(lead.getInteger("score"));
    assertThat(rescored.getJsonArray("scoreBreakdown").encode()).contains("engagement.touches");
  }

  @Test
  void a_merge_keeps_every_activity_and_closes_the_other_lead() {
    JsonObject survivor = api.create(marketer, newLead("Merge A").put("tags", new JsonArray().add("a")));
    JsonObject other = api.create(marketer, new JsonObject().put("fullName", "Merge B").put("email", "mergeb@example.com")
        .put("source", "referral").put("tags", new JsonArray().add("b")));
    api.call("POST", "/v1/crm/leads/" + other.getString("id") + "/activities", marketer,
        new JsonObject().put("type", "note").put("body", "from B"));
    var merged = api.call("POST", "/v1/crm/leads/" + survivor.getString("id") + "/merge", marketer,
        new JsonObject().put("leadId", other.getString("id")));
    assertThat(merged.statusCode()).isEqualTo(200);
    JsonObject lead = merged.bodyAsJsonObject();
    assertThat(lead.getString("email")).isEqualTo("mergeb@example.com");
    assertThat(lead.getJsonArray("tags").getList()).containsExactly("a", "b");
    assertThat(crm.count("SELECT count(*) FROM crm_activities WHERE lead_id = '" + survivor.getString("id")
        + "' AND body = 'from B'")).isEqualTo(1);
    assertThat(crm.one("SELECT merged_into_id FROM crm_leads WHERE id = '" + other.getString("id") + "'"))
        .isEqualTo(survivor.getString("id"));
    assertThat(crm.one("SELECT details ->> 'event' FROM crm_activities WHERE lead_id = '" + other.getString("id") + "'"))
        .isEqualTo("merged_into");
    assertThat(api.call("POST", "/v1/crm/leads/" + survivor.getString("id") + "/merge", marketer,
        new JsonObject().put("leadId", other.getString("id"))).statusCode()).isEqualTo(409);
    assertThat(api.call("POST", "/v1/crm/leads/" + survivor.getString("id") + "/merge", marketer,
        new JsonObject().put("leadId", survivor.getString("id"))).statusCode()).isEqualTo(422);
    // the merged lead's e-mail is free again: a new capture attaches to the survivor
    assertThat(crm.capture(new JsonObject().put("fullName", "B again").put("email", "MergeB@example.com")
        .put("source", "social")).getString("leadId")).isEqualTo(survivor.getString("id"));
  }

  @Test
  void a_task_over_the_bus_lands_on_the_lead_of_that_phone_or_a_new_one() {
    JsonObject lead = api.create(marketer, newLead("Bus Task"));
    JsonObject reply = app.application().vertx().eventBus().<JsonObject>request(CrmAddresses.TASKS_CREATE,
        new JsonObject().put("phone", lead.getString("phone")).put("body", "يريد موعدًا")).await().body();
    assertThat(reply.getString("leadId")).isEqualTo(lead.getString("id"));
    assertThat(reply.getString("assigneeId")).isEqualTo(CrmFixtures.MARKETER_ID.toString());
    assertThat(crm.one("SELECT type FROM crm_activities WHERE id = '" + reply.getString("activityId") + "'")).isEqualTo("task");

    JsonObject fresh = app.application().vertx().eventBus().<JsonObject>request(CrmAddresses.TASKS_CREATE,
        new JsonObject().put("phone", "0556667788").put("body", "call back")).await().body();
    assertThat(crm.one("SELECT phone FROM crm_leads WHERE id = '" + fresh.getString("leadId") + "'")).isEqualTo("+966556667788");
  }

  static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").stream().map(o -> ((JsonObject) o).getString("id")).toList();
  }
}
