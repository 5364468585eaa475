package io.moeen.patients;

import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FamilyMembersTest {
  static RunningApp app;
  static PatientApi api;
  static final String AHMED_FAMILY = "/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID + "/family-members";
  static final String FATIMAH_FAMILY = "/v1/patients/" + DemoAccounts.FATIMAH_PATIENT_ID + "/family-members";
  static final String REEM_FAMILY = "/v1/patients/" + DemoAccounts.REEM_PATIENT_ID + "/family-members";

  @BeforeAll
  static void start() {
    app = RunningApp.start("family-members");
    api = new PatientApi(app);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  private static JsonObject grant(String identifierField, String identifier, String... scopes) {
    return new JsonObject().put(identifierField, identifier).put("relationship", "sibling")
        .put("scopes", new JsonArray(List.of(scopes)));
  }

  @Test
  void ahmed_and_reception_see_that_yousef_may_read_his_profile_and_appointments() {
    for (String account : List.of(DemoAccounts.PATIENT_AHMED, DemoAccounts.RECEPTIONIST)) {
      var response = api.get(account, AHMED_FAMILY, "en");
      assertThat(response.statusCode()).isEqualTo(200);
      JsonObject yousef = response.bodyAsJsonObject().getJsonArray("items").getJsonObject(0);
      assertThat(yousef.getString("userId")).isEqualTo(DemoAccounts.YOUSEF_USER_ID.toString());
      assertThat(yousef.getString("relationship")).isEqualTo("child");
      assertThat(yousef.getJsonArray("scopes").getList())
          .containsExactlyInAnyOrder("patients.read", "appointments.read", "appointments.write");
    }
  }

  @Test
  void another_patient_and_the_family_member_himself_cannot_list_ahmeds_family() {
    for (String account : List.of(DemoAccounts.PATIENT_FATIMAH, DemoAccounts.FAMILY_YOUSEF)) {
      var response = api.get(account, AHMED_FAMILY, "ar");
      assertThat(response.statusCode()).as(account).isIn(403, 404);
    }
    var fatimah = api.get(DemoAccounts.PATIENT_FATIMAH, AHMED_FAMILY, "ar");
    assertThat(fatimah.statusCode()).isEqualTo(404);
    assertThat(fatimah.bodyAsJsonObject().getString("code")).isEqualTo("patient_not_found");
    assertThat(api.get(DemoAccounts.MARKETER, AHMED_FAMILY, "en").statusCode()).isEqualTo(403);
  }

  @Test
  void reem_lets_her_sister_fatimah_in_then_changes_scopes_then_revokes_and_access_stops_at_once() {
    String reem = "/v1/patients/" + DemoAccounts.REEM_PATIENT_ID;
    assertThat(api.get(DemoAccounts.PATIENT_FATIMAH, reem, "en").statusCode()).isEqualTo(404);

    var added = api.post(DemoAccounts.PATIENT_REEM, REEM_FAMILY, "en",
        grant("phone", "٠٥٥٠٠٠٠٠٠٨", "patients.read", "medical_records.read"));
    assertThat(added.statusCode()).as(added.bodyAsString()).isEqualTo(201);
    String memberId = added.bodyAsJsonObject().getString("id");
    assertThat(added.bodyAsJsonObject().getJsonObject("name").getString("en")).isEqualTo("Fatimah Al-Zahrani");

    // her next request already carries the grant, and she gained the family_member role
    var read = api.get(DemoAccounts.PATIENT_FATIMAH, reem, "en");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.bodyAsJsonObject().containsKey("medicalHistory")).isTrue();
    assertThat(api.count("user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.code = 'family_member' "
        + "AND ur.user_id = '00000000-0000-4000-8000-000000000008'")).isEqualTo(1);

    var narrowed = api.patch(DemoAccounts.PATIENT_REEM, REEM_FAMILY + "/" + memberId, "en",
        new JsonObject().put("scopes", new JsonArray().add("patients.read")));
    assertThat(narrowed.statusCode()).isEqualTo(200);
    assertThat(narrowed.bodyAsJsonObject().getJsonArray("scopes").getList()).containsExactly("patients.read");
    assertThat(api.get(DemoAccounts.PATIENT_FATIMAH, reem, "en").bodyAsJsonObject().containsKey("medicalHistory")).isFalse();

    assertThat(api.delete(DemoAccounts.PATIENT_REEM, REEM_FAMILY + "/" + memberId, "en").statusCode()).isEqualTo(204);
    assertThat(api.get(DemoAccounts.PATIENT_FATIMAH, reem, "en").statusCode()).isEqualTo(404);
    assertThat(api.count("family_members WHERE id = '" + memberId + "' AND revoked_at IS NOT NULL")).isEqualTo(1);

    var again = api.delete(DemoAccounts.PATIENT_REEM, REEM_FAMILY + "/" + memberId, "ar");
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(again.bodyAsJsonObject().getString("code")).isEqualTo("family_member_not_found");
    assertThat(again.bodyAsJsonObject().getString("title")).isEqualTo("فرد العائلة غير موجود");
  }

  @Test
  void adding_someone_already_let_in_is_409_in_both_languages() {
    long before = api.count("family_members");
    var en = api.post(DemoAccounts.PATIENT_AHMED, AHMED_FAMILY, "en", grant("email", "Yousef@Patients.example", "patients.read"));
    var ar = api.post(DemoAccounts.RECEPTIONIST, AHMED_FAMILY, "ar", grant("email", "yousef@patients.example", "patients.read"));
    assertThat(en.statusCode()).isEqualTo(409);
    assertThat(en.bodyAsJsonObject().getString("code")).isEqualTo("family_member_exists");
    assertThat(ar.bodyAsJsonObject().getString("title")).isEqualTo("فرد العائلة مضاف مسبقًا");
    assertThat(api.count("family_members")).isEqualTo(before);
  }

  @Test
  void unknown_accounts_missing_identifiers_and_bad_scopes_are_refused_and_change_nothing() {
    long before = api.count("family_members");
    var unknown = api.post(DemoAccounts.PATIENT_AHMED, AHMED_FAMILY, "ar", grant("email", "nobody@example.com", "patients.read"));
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(unknown.bodyAsJsonObject().getString("code")).isEqualTo("family_account_not_found");
    assertThat(unknown.bodyAsJsonObject().getString("title")).isEqualTo("الحساب غير موجود");

    var himself = api.post(DemoAccounts.PATIENT_AHMED, AHMED_FAMILY, "en", grant("email", DemoAccounts.PATIENT_AHMED, "patients.read"));
    assertThat(himself.statusCode()).isEqualTo(422);

    var neither = api.post(DemoAccounts.PATIENT_AHMED, AHMED_FAMILY, "en",
        new JsonObject().put("relationship", "spouse").put("scopes", new JsonArray()));
    assertThat(neither.statusCode()).isEqualTo(400);
    assertThat(neither.bodyAsJsonObject().getString("code")).isEqualTo("family_identifier_required");

    var badPhone = api.post(DemoAccounts.PATIENT_AHMED, AHMED_FAMILY, "en", grant("phone", "12", "patients.read"));
    assertThat(badPhone.bodyAsJsonObject().getString("code")).isEqualTo("invalid_phone");

    var badScope = api.post(DemoAccounts.PATIENT_AHMED, AHMED_FAMILY, "en", grant("email", DemoAccounts.PATIENT_MOHAMMED, "billing.write"));
    assertThat(badScope.statusCode()).isEqualTo(400);
    assertThat(badScope.bodyAsJsonObject().getString("code")).isEqualTo("validation_failed");

    var badRelationship = api.post(DemoAccounts.PATIENT_AHMED, AHMED_FAMILY, "en",
        grant("email", DemoAccounts.PATIENT_MOHAMMED, "patients.read").put("relationship", "friend"));
    assertThat(badRelationship.statusCode()).isEqualTo(400);
    assertThat(api.count("family_members")).isEqualTo(before);
  }

  @Test
  void a_patient_cannot_manage_someone_elses_family_and_a_doctor_cannot_either() {
    var fatimah = api.post(DemoAccounts.PATIENT_FATIMAH, AHMED_FAMILY, "en", grant("email", DemoAccounts.PATIENT_MOHAMMED, "patients.read"));
    assertThat(fatimah.statusCode()).isEqualTo(404);
    var yousef = api.post(DemoAccounts.FAMILY_YOUSEF, AHMED_FAMILY, "en", grant("email", DemoAccounts.PATIENT_MOHAMMED, "patients.read"));
    assertThat(yousef.statusCode()).isEqualTo(403);
    assertThat(api.post(DemoAccounts.DOCTOR, AHMED_FAMILY, "en", grant("email", DemoAccounts.PATIENT_MOHAMMED)).statusCode())
        .isEqualTo(403);
    String someMember = AHMED_FAMILY + "/" + UUID.randomUUID();
    assertThat(api.delete(DemoAccounts.PATIENT_FATIMAH, someMember, "en").statusCode()).isEqualTo(404);
    assertThat(api.delete(DemoAccounts.PATIENT_AHMED, AHMED_FAMILY + "/not-a-uuid", "en").statusCode()).isEqualTo(400);
  }

  @Test
  void a_family_member_may_not_be_moved_to_another_patient_by_its_id() {
    String yousefGrant = api.get(DemoAccounts.PATIENT_AHMED, AHMED_FAMILY, "en").bodyAsJsonObject()
        .getJsonArray("items").getJsonObject(0).getString("id");
    // Fatimah names Yousef's grant under her own record: it is not hers, so it is not found
    var response = api.delete(DemoAccounts.PATIENT_FATIMAH, FATIMAH_FAMILY + "/" + yousefGrant, "en");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(api.count("family_members WHERE id = '" + yousefGrant + "' AND revoked_at IS NULL")).isEqualTo(1);
  }
}
