package io.moeen.patients;

import io.moeen.common.i18n.PersonNames;
import io.moeen.common.time.Timestamps;
import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.identity.PrincipalInvalidations;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;
import io.moeen.identity.LoginIdentifier;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The people a patient lets see parts of their record (seed 004): parents, children, spouses.
 * The patient manages them (family.manage.own), and so may staff who edit patients. A revoked
 * grant stops at once: each change invalidates the member's cached principals.
 */
final class FamilyMembers {
  private final PatientStore store;
  private final PrincipalInvalidations principals;

  FamilyMembers(PatientStore store, PrincipalInvalidations principals) {
    this.store = store;
    this.principals = principals;
  }

  Future<JsonObject> list(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = PatientRecords.patientId(request);
    requireManager(principal, patientId, "patients.read.any");
    return store.as(PatientRecords.actor(request, principal), conn -> store.byId(conn, patientId)
        .map(row -> PatientRecords.found(row, patientId))
        .compose(patient -> store.family(conn, patientId)))
        .map(rows -> new JsonObject().put("items", new JsonArray(rows.stream().map(FamilyMembers::view).toList())));
  }

  Future<JsonObject> add(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = PatientRecords.patientId(request);
    requireManager(principal, patientId, "patients.write.any");
    JsonObject body = request.bodyAsObject();
    String email = body.getString("email") == null ? null : body.getString("email").strip().toLowerCase(Locale.ROOT);
    String phone = body.getString("phone") == null ? null : LoginIdentifier.normalizePhone(body.getString("phone"))
        .orElseThrow(() -> Problem.invalid("invalid_phone", "phone", Map.of("value", body.getString("phone"))));
    if ((email == null) == (phone == null)) {
      throw Problem.invalid("family_identifier_required", "email", Map.of());
    }
    String[] scopes = scopes(body.getJsonArray("scopes"));
    return store.as(PatientRecords.actor(request, principal), conn -> store.byId(conn, patientId)
        .map(row -> PatientRecords.found(row, patientId))
        .compose(patient -> store.account(conn, email, phone)
            .map(account -> account.filter(id -> !id.equals(patient.getUUID("user_id")))
                .orElseThrow(() -> new Problem(ProblemKind.UNPROCESSABLE, "family_account_not_found", Map.of(),
                    email != null ? "email" : "phone"))))
        .compose(userId -> store.addFamilyMember(conn, patientId, userId, body.getString("relationship"), scopes))
        .compose(memberId -> store.familyMember(conn, memberId, patientId))
        .map(row -> view(row.orElseThrow())))
        .map(this::invalidateMember);
  }

  Future<JsonObject> change(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = PatientRecords.patientId(request);
    UUID memberId = UUID.fromString(request.param("memberId"));
    requireManager(principal, patientId, "patients.write.any");
    JsonObject body = request.bodyAsObject();
    String[] scopes = body.containsKey("scopes") ? scopes(body.getJsonArray("scopes")) : null;
    return store.as(PatientRecords.actor(request, principal), conn -> store
        .updateFamilyMember(conn, memberId, patientId, scopes, body.getString("relationship"))
        .compose(updated -> store.familyMember(conn, memberId, patientId))
        .map(row -> view(row.orElseThrow(() -> notFound(memberId)))))
        .map(this::invalidateMember);
  }

  Future<Void> revoke(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID patientId = PatientRecords.patientId(request);
    UUID memberId = UUID.fromString(request.param("memberId"));
    requireManager(principal, patientId, "patients.write.any");
    return store.as(PatientRecords.actor(request, principal), conn -> store.revokeFamilyMember(conn, memberId, patientId)
        .compose(member -> member.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(notFound(memberId)))))
        .map(member -> principals.<Void>user(member, null));
  }

  /** The member's principal lists the patients and scopes granted to them. */
  private JsonObject invalidateMember(JsonObject member) {
    return principals.user(UUID.fromString(member.getString("userId")), member);
  }

  /** Staff holding {@code staffPermission}, or the patient themself; anyone else is told there is no such patient. */
  private static void requireManager(Principal principal, UUID patientId, String staffPermission) {
    if (!principal.has(staffPermission) && !Access.mayActOnPatient(principal, patientId, "family", "manage")) {
      throw Problem.notFound("patient_not_found", Map.of("id", patientId.toString()));
    }
  }

  private static Problem notFound(UUID memberId) {
    return Problem.notFound("family_member_not_found", Map.of("id", memberId.toString()));
  }

  private static String[] scopes(JsonArray requested) {
    TreeSet<String> scopes = new TreeSet<>();
    if (requested != null) {
      requested.forEach(s -> scopes.add((String) s));
    }
    return scopes.toArray(String[]::new);
  }

  private static JsonObject view(Row row) {
    return new JsonObject()
        .put("id", row.getUUID("id").toString())
        .put("patientId", row.getUUID("patient_id").toString())
        .put("userId", row.getUUID("user_id").toString())
        .put("name", new JsonObject()
            .put("ar", PersonNames.full(row.getString("first_name_ar"), row.getString("last_name_ar")))
            .put("en", PersonNames.full(row.getString("first_name_en"), row.getString("last_name_en"))))
        .put("email", row.getString("email"))
        .put("phone", row.getString("phone"))
        .put("relationship", row.getString("relationship"))
        .put("scopes", new JsonArray(List.of(row.getArrayOfStrings("scopes"))))
        .put("grantedAt", Timestamps.iso(row.getOffsetDateTime("granted_at")));
  }
}
