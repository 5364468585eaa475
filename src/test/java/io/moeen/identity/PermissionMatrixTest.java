package io.moeen.identity;

import io.moeen.scheduling.SchedulingDemo;
import io.moeen.testing.ApiCalls;
import io.moeen.testing.ContractDocument;
import io.moeen.testing.DemoAccounts;
import io.moeen.testing.RunningApp;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static io.moeen.identity.PermissionMatrixTest.Who.ADMIN;
import static io.moeen.identity.PermissionMatrixTest.Who.DOCTOR;
import static io.moeen.identity.PermissionMatrixTest.Who.FAMILY_YOUSEF;
import static io.moeen.identity.PermissionMatrixTest.Who.PATIENT_AHMED;
import static io.moeen.identity.PermissionMatrixTest.Who.RECEPTIONIST;
import static io.moeen.identity.PermissionMatrixTest.Who.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every protected operation of openapi.yaml, tried by every demo role and by
 * an anonymous caller. To cover a new operation add ONE line to {@link #MATRIX}:
 * {@code op("GET", "/v1/things/{id}").at("/v1/things/" + SOME_ID).allow(ADMIN, RECEPTIONIST).hidden(PATIENT_AHMED)}.
 * Roles not named are expected to get 403. ALLOW means 2xx or a domain 4xx other than
 * 401/403/404 (the caller got past access control); HIDDEN means 404 (object-level hiding).
 * Rows run in order: keep mutating rows at the end and aim them at the throwaway targets made
 * in {@link #start()}, so they cannot break the rows after them.
 */
class PermissionMatrixTest {
  /** The demo accounts the matrix signs in, once each. */
  enum Who {
    ADMIN(DemoAccounts.ADMIN), SUPERVISOR(DemoAccounts.SUPERVISOR), RECEPTIONIST(DemoAccounts.RECEPTIONIST),
    DOCTOR(DemoAccounts.DOCTOR), PATIENT_AHMED(DemoAccounts.PATIENT_AHMED), FAMILY_YOUSEF(DemoAccounts.FAMILY_YOUSEF),
    MARKETER(DemoAccounts.MARKETER);

    final String email;

    Who(String email) {
      this.email = email;
    }
  }

  enum Expect { ALLOW, DENY, HIDDEN }

  /** One protected operation: its contract path, the concrete request, and what each role gets. */
  record Operation(String method, String template, String path, String body, Map<Who, Expect> outcomes,
                   boolean consumesTarget) {
    Operation at(String concretePath) {
      return new Operation(method, template, concretePath, body, outcomes, consumesTarget);
    }

    Operation body(Object json) {
      return new Operation(method, template, path, json.toString(), outcomes, consumesTarget);
    }

    /** The first allowed caller uses the target up (a revoke); later allowed callers may get 404. */
    Operation once() {
      return new Operation(method, template, path, body, outcomes, true);
    }

    Operation allow(Who... who) {
      return with(Expect.ALLOW, who);
    }

    Operation hidden(Who... who) {
      return with(Expect.HIDDEN, who);
    }

    Operation everyone() {
      return with(Expect.ALLOW, Who.values());
    }

    Expect expected(Who who) {
      return outcomes.getOrDefault(who, Expect.DENY);
    }

    private Operation with(Expect expect, Who... who) {
      Map<Who, Expect> copy = new EnumMap<>(Who.class);
      copy.putAll(outcomes);
      for (Who w : who) {
        copy.put(w, expect);
      }
      return new Operation(method, template, path, body, copy, consumesTarget);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  static Operation op(String method, String template) {
    return new Operation(method, template, template, null, Map.of(), false);
  }

  // The demo hospital (db/demo/036-hospital-demo.sql): rows aim at refusals (409/400) or harmless changes.
  static final String H_ADMISSION = "00000000-0000-4021-8000-000000000501";
  static final String H_RUN = "00000000-0000-4021-8000-000000000801";
  static final String H_WARD = "00000000-0000-4021-8000-000000000101";
  static final String H_TYPE = "00000000-0000-4021-8000-000000000201";
  static final String H_FULL_ROOM = "00000000-0000-4021-8000-000000000302";
  static final String H_OCCUPIED_BED = "00000000-0000-4021-8000-000000000401";
  static final String H_BROKEN_BED = "00000000-0000-4021-8000-000000000404";
  static final String H_TASK = "00000000-0000-4021-8000-000000000901";
  static final String H_AMBULANCE = "00000000-0000-4021-8000-000000000702";
  static final String H_STAFF = "00000000-0000-4021-8000-000000000605";
  static final String H_DOCTOR = "00000000-0000-4000-c200-000000000004";
  // Throwaway targets for the mutating rows (created in start()).
  static final String TARGET_USER = "00000000-0000-4000-8000-0000000000aa";
  static final String TO_APPROVE = "00000000-0000-4000-a000-0000000000a1";
  static final String TO_REJECT = "00000000-0000-4000-a000-0000000000a2";
  static final String AHMED = DemoAccounts.AHMED_USER_ID.toString();
  static final String AHMED_PATIENT = "/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID;
  static final String FATIMAH_PATIENT = "/v1/patients/" + DemoAccounts.FATIMAH_PATIENT_ID;
  static final String MATRIX_GRANT = "00000000-0000-4000-b000-0000000000a1";
  static final String MATRIX_REVOKE = "00000000-0000-4000-b000-0000000000a2";
  // Throwaway catalogue records for the scheduling rows.
  static final String M_LOC = "00000000-0000-4000-e000-0000000000e1";
  // The demo pharmacy (db/demo/030-pharmacy-demo.sql), one of its medicines, and a throwaway open count.
  // The demo sick-leave template (db/demo/053-documents-demo.sql) and Ahmed's prescription (025-clinical-demo.sql).
  static final String D_SICK_LEAVE = "00000000-0000-4053-8000-000000000002";
  static final String D_PRESCRIPTION = "00000000-0000-4018-8000-000000000401/pdf";
  static final String M_PHARMACY = "00000000-0000-4020-8000-000000000001";
  static final String M_MEDICINE = "00000000-0000-4020-8000-000000000101";
  static final String M_COUNT = "00000000-0000-4020-8000-0000000000c1";
  static final String M_LOC_DOOMED = "00000000-0000-4000-e000-0000000000e2";
  static final String M_ROOM = "00000000-0000-4000-e000-0000000000e3";
  static final String M_ROOM_DOOMED = "00000000-0000-4000-e000-0000000000e4";
  static final String M_DEPT = "00000000-0000-4000-e000-0000000000e5";
  static final String M_DEPT_DOOMED = "00000000-0000-4000-e000-0000000000e6";
  static final String M_SERVICE = "00000000-0000-4000-e000-0000000000e7";
  static final String M_SERVICE_DOOMED = "00000000-0000-4000-e000-0000000000e8";
  static final String M_DOCTOR = "00000000-0000-4000-e000-0000000000e9";
  static final String M_DOCTOR_DOOMED = "00000000-0000-4000-e000-0000000000ea";
  static final String M_OVERRIDE = "00000000-0000-4000-e000-0000000000eb";
  static final String M_HOLIDAY = "00000000-0000-4000-e000-0000000000ec";
  static final String M_NOTICE = "00000000-0000-4000-e000-0000000000ed";
  static final String M_OPS_LEAD = "00000000-0000-4000-e000-0000000000f1";
  static final String M_OPS_FORM = "00000000-0000-4000-e000-0000000000f2";
  static final String M_OPS_MARKETER = "00000000-0000-4000-8000-000000000011";
  static final String M_DOCTOR_USER = "00000000-0000-4000-8000-0000000000af";
  static final String M_CHAT = "00000000-0000-4000-e000-0000000000f1";
  // CRM: the demo marketer's lead (with an open task), one to merge into it, and another marketer's lead
  static final String M_LEAD = "/v1/crm/leads/00000000-0000-4000-d000-0000000000d1";
  static final String M_MERGED_LEAD_ID = "00000000-0000-4000-d000-0000000000d2";
  static final String M_OTHERS_LEAD = "/v1/crm/leads/00000000-0000-4000-d000-0000000000d3";
  static final String M_TASK = "00000000-0000-4000-d000-0000000000d4";
  static final String AHMED_APPOINTMENT = "/v1/appointments/00000000-0000-4000-c400-000000000001";
  // Clinical: Ahmed's demo visit with Dr. Khalid, a throwaway encounter in progress and a draft note in it
  static final String M_VISIT = "/v1/encounters/00000000-0000-4018-8000-000000000001";
  static final String M_ENC = "/v1/encounters/00000000-0000-4018-8000-0000000000e1";
  static final String M_RX = "00000000-0000-4018-8000-0000000000e2";
  static final String M_DX = "00000000-0000-4018-8000-0000000000e3";
  static final String M_OBS = "00000000-0000-4018-8000-0000000000e4";
  // Patient education (db/demo/054-education-demo.sql): a material given to Ahmed, and a throwaway made in start()
  static final String E_GIVEN = "00000000-0000-4023-8000-000000000001";
  static final String M_EDU = "00000000-0000-4023-8000-0000000000e1";
  /** Ahmed's file, uploaded in start() and given this id. */
  static final String M_FILE = "00000000-0000-4018-8000-0000000000f1";
  /** A PNG of Ahmed's uploaded by Dr. Khalid in start(), with its thumbnail. */
  static final String M_IMAGE = "00000000-0000-4018-8000-0000000000f2";
  static final String M_NOTE = "00000000-0000-4018-8000-0000000000e2";
  // Dental (db/demo/052-dental-plans-demo.sql): Ahmed's demo plan; a throwaway ongoing plan of Dr. Khalid's for Ahmed
  // with two steps, and a dental image on Ahmed's file M_FILE, all made in start()
  static final String D_PLAN = "/v1/dental-plans/00000000-0000-4022-8000-000000000501";
  static final String M_DENTAL_PLAN = "/v1/dental-plans/00000000-0000-4022-8000-0000000005f1";
  static final String M_DENTAL_STEP_1 = "/v1/dental-plan-steps/00000000-0000-4022-8000-0000000005f2";
  static final String M_DENTAL_STEP_2 = "/v1/dental-plan-steps/00000000-0000-4022-8000-0000000005f3";
  static final String M_DENTAL_IMAGE = "00000000-0000-4022-8000-0000000005f4";
  // Billing (db/demo/045-billing-demo.sql): Ahmed's paid invoice, Fatimah's partially paid one, Reem's draft, Olaya's seller
  static final String B_AHMED = "/v1/invoices/00000000-0000-4019-8000-000000000001";
  static final String B_FATIMAH = "/v1/invoices/00000000-0000-4019-8000-000000000003";
  static final String B_DRAFT = "/v1/invoices/00000000-0000-4019-8000-000000000004";
  static final String B_OLAYA = "/v1/billing/sellers/00000000-0000-4000-c100-000000000001";
  // Insurance (db/demo/049-insurance-demo.sql): Bupa, its Gold plan, Ahmed's approved pre-authorisation, his two claims
  static final String I_BUPA = "00000000-0000-4019-9000-000000000001";
  static final String I_GOLD = "00000000-0000-4019-9000-000000000011";
  static final String I_PREAUTH = "00000000-0000-4019-9000-000000000031";
  static final String I_PAID = "/v1/insurance/claims/00000000-0000-4019-9000-000000000051";
  static final String I_SUBMITTED = "/v1/insurance/claims/00000000-0000-4019-9000-000000000052";
  static JsonArray billingLine() {
    return new JsonArray().add(new JsonObject().put("sourceKind", "free_text").put("descriptionAr", "مصفوفة")
        .put("descriptionEn", "Matrix").put("quantity", "1").put("unitPrice", "10.00"));
  }
  /** Ahmed's throwaway appointments with Dr. Khalid, one per mutating appointment row (made in start()). */
  static String matrixAppointment(int n, String step) {
    return "/v1/appointments/00000000-0000-4000-c400-0000000000b" + n + "/" + step;
  }

  static final List<Operation> MATRIX = List.of(
      // ── account ──
      op("GET", "/v1/me").everyone(),
      op("PATCH", "/v1/me").body(new JsonObject().put("languagePreference", "ar")).everyone(),
      op("PUT", "/v1/me/password").body(new JsonObject().put("currentPassword", "not-the-password")
          .put("newPassword", "Another#Password2026")).everyone(),
      op("POST", "/v1/me/two-factor").everyone(),
      op("POST", "/v1/me/two-factor/confirm").body(new JsonObject().put("code", "000000")).everyone(),
      op("DELETE", "/v1/me/two-factor").body(new JsonObject().put("code", "000000")).everyone(),
      // ── administration: reads ──
      op("GET", "/v1/admin/permissions").allow(ADMIN),
      op("GET", "/v1/admin/roles").allow(ADMIN),
      op("GET", "/v1/admin/users").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/admin/users/{id}").at("/v1/admin/users/" + AHMED).allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/admin/role-change-requests").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/me/role-change-requests").everyone(),
      op("GET", "/v1/admin/audit-logs").allow(ADMIN, SUPERVISOR),
      // ── patients: a patient sees only their own record; a family member only what was granted ──
      op("GET", "/v1/patients").allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR),
      op("GET", "/v1/patients/{id}").at(AHMED_PATIENT)
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR, PATIENT_AHMED, FAMILY_YOUSEF),
      op("GET", "/v1/patients/{id}").at(FATIMAH_PATIENT)
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR).hidden(PATIENT_AHMED, FAMILY_YOUSEF),
      op("GET", "/v1/patients/{id}/family-members").at(AHMED_PATIENT + "/family-members")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR, PATIENT_AHMED),
      op("GET", "/v1/patients/{id}/family-members").at(FATIMAH_PATIENT + "/family-members")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR).hidden(PATIENT_AHMED),
      // ── appointments: reads (Ahmed's demo appointment with Dr. Khalid) ──
      op("GET", "/v1/appointments").allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR, PATIENT_AHMED, FAMILY_YOUSEF),
      op("GET", "/v1/appointments/{id}").at(AHMED_APPOINTMENT)
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR, PATIENT_AHMED, FAMILY_YOUSEF),
      op("GET", "/v1/appointments/{id}/calendar.ics").at(AHMED_APPOINTMENT + "/calendar.ics")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR, PATIENT_AHMED, FAMILY_YOUSEF),
      // ── notifications: the caller's own inbox ──
      op("GET", "/v1/me/notifications").everyone(),
      op("GET", "/v1/me/notifications/unread-count").everyone(),
      // ── notifications: one's own preferences and consent (keyed by the caller, nobody else's reachable) ──
      op("GET", "/v1/me/notification-preferences").everyone(),
      op("GET", "/v1/me/consents").everyone(),
      // the live stream: everyone signed in (maxSeconds=1 so the matrix's client sees the stream end)
      op("GET", "/v1/me/notifications/stream").at("/v1/me/notifications/stream?maxSeconds=1").everyone(),
      // ── notifications: the outbox and its templates (notifications.manage) ──
      op("GET", "/v1/admin/notifications").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/admin/notifications/{id}").at("/v1/admin/notifications/" + M_NOTICE).allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/admin/notification-templates").allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/admin/notification-templates/preview").body(new JsonObject().put("eventType", "appointment_booked")
          .put("channel", "in_app").put("locale", "en")).allow(ADMIN, SUPERVISOR),
      // a pending notice: 409 not_retryable for those allowed, nothing changes
      op("POST", "/v1/admin/notifications/{id}/retry").at("/v1/admin/notifications/" + M_NOTICE + "/retry")
          .allow(ADMIN, SUPERVISOR),
      // ── administration: writes, on throwaway targets ──
      op("POST", "/v1/me/role-change-requests").body(new JsonObject().put("roleCode", "matrix_wish").put("reason", "matrix")).everyone(),
      op("POST", "/v1/admin/roles").body(new JsonObject().put("code", "matrix_new").put("nameAr", "جديد").put("nameEn", "New")
          .put("permissions", new JsonArray())).allow(ADMIN),
      op("PUT", "/v1/admin/roles/{code}/permissions").at("/v1/admin/roles/matrix_role/permissions")
          .body(new JsonObject().put("permissions", new JsonArray().add("leads.read"))).allow(ADMIN),
      op("DELETE", "/v1/admin/roles/{code}").at("/v1/admin/roles/matrix_doomed").allow(ADMIN),
      op("PATCH", "/v1/admin/users/{id}").at("/v1/admin/users/" + TARGET_USER).body(new JsonObject().put("isActive", true)).allow(ADMIN),
      op("PUT", "/v1/admin/users/{id}/roles/{code}").at("/v1/admin/users/" + TARGET_USER + "/roles/matrix_role").allow(ADMIN),
      op("DELETE", "/v1/admin/users/{id}/roles/{code}").at("/v1/admin/users/" + TARGET_USER + "/roles/matrix_role").allow(ADMIN),
      op("POST", "/v1/admin/role-change-requests/{id}/approve").at("/v1/admin/role-change-requests/" + TO_APPROVE + "/approve")
          .allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/admin/role-change-requests/{id}/reject").at("/v1/admin/role-change-requests/" + TO_REJECT + "/reject")
          .allow(ADMIN, SUPERVISOR),
      // ── patients: writes ──
      op("POST", "/v1/patients").body(new JsonObject().put("firstNameAr", "مريض").put("lastNameAr", "المصفوفة")
          .put("dateOfBirth", "1990-01-01").put("gender", "male")).allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      op("PATCH", "/v1/patients/{id}").at(AHMED_PATIENT).body(new JsonObject().put("address", "حي النزهة، الرياض"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED),
      op("PATCH", "/v1/patients/{id}").at(FATIMAH_PATIENT).body(new JsonObject().put("address", "حي الروضة، جدة"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST).hidden(PATIENT_AHMED),
      op("POST", "/v1/patients/{id}/family-members").at(AHMED_PATIENT + "/family-members")
          .body(new JsonObject().put("email", "matrix-target@moeen-clinic.example").put("relationship", "other")
              .put("scopes", new JsonArray().add("patients.read")))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED),
      op("PATCH", "/v1/patients/{id}/family-members/{memberId}").at(AHMED_PATIENT + "/family-members/" + MATRIX_GRANT)
          .body(new JsonObject().put("scopes", new JsonArray().add("patients.read").add("appointments.read")))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED),
      op("DELETE", "/v1/patients/{id}/family-members/{memberId}").at(AHMED_PATIENT + "/family-members/" + MATRIX_REVOKE)
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED).once(),
      // ── scheduling catalogue: staff reads, then writes on throwaway records ──
      op("GET", "/v1/locations/{id}/rooms").at("/v1/locations/" + M_LOC + "/rooms").allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      op("GET", "/v1/doctors/{id}/overrides").at("/v1/doctors/" + M_DOCTOR + "/overrides").allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      op("POST", "/v1/departments").body(new JsonObject().put("code", "matrix_dept_new").put("nameAr", "قسم").put("nameEn", "Dept"))
          .allow(ADMIN, SUPERVISOR),
      op("PATCH", "/v1/departments/{id}").at("/v1/departments/" + M_DEPT).body(new JsonObject().put("sortOrder", 50))
          .allow(ADMIN, SUPERVISOR),
      op("DELETE", "/v1/departments/{id}").at("/v1/departments/" + M_DEPT_DOOMED).allow(ADMIN, SUPERVISOR).once(),
      op("POST", "/v1/locations").body(new JsonObject().put("code", "matrix_loc_new").put("nameAr", "فرع").put("nameEn", "Branch"))
          .allow(ADMIN, SUPERVISOR),
      op("PATCH", "/v1/locations/{id}").at("/v1/locations/" + M_LOC).body(new JsonObject().put("phone", "+966110000000"))
          .allow(ADMIN, SUPERVISOR),
      op("DELETE", "/v1/locations/{id}").at("/v1/locations/" + M_LOC_DOOMED).allow(ADMIN, SUPERVISOR).once(),
      op("POST", "/v1/locations/{id}/rooms").at("/v1/locations/" + M_LOC + "/rooms")
          .body(new JsonObject().put("nameAr", "غرفة").put("nameEn", "Room")).allow(ADMIN, SUPERVISOR),
      op("PATCH", "/v1/rooms/{id}").at("/v1/rooms/" + M_ROOM).body(new JsonObject().put("isActive", true)).allow(ADMIN, SUPERVISOR),
      op("DELETE", "/v1/rooms/{id}").at("/v1/rooms/" + M_ROOM_DOOMED).allow(ADMIN, SUPERVISOR).once(),
      op("PUT", "/v1/doctors/{id}/default-rooms/{locationId}").at("/v1/doctors/" + M_DOCTOR + "/default-rooms/" + M_LOC)
          .body(new JsonObject().put("roomId", M_ROOM)).allow(ADMIN, SUPERVISOR),
      op("PUT", "/v1/locations/{id}/ramadan-hours").at("/v1/locations/" + M_LOC + "/ramadan-hours")
          .body(new JsonObject().put("blocks", new JsonArray())).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/services").body(new JsonObject().put("code", "matrix_service_new").put("nameAr", "خدمة").put("nameEn", "Service")
          .put("durationMinutes", 15).put("price", 0)).allow(ADMIN, SUPERVISOR),
      op("PATCH", "/v1/services/{id}").at("/v1/services/" + M_SERVICE).body(new JsonObject().put("price", 5)).allow(ADMIN, SUPERVISOR),
      op("DELETE", "/v1/services/{id}").at("/v1/services/" + M_SERVICE_DOOMED).allow(ADMIN, SUPERVISOR).once(),
      op("POST", "/v1/doctors").body(new JsonObject().put("userId", M_DOCTOR_USER).put("specialtyAr", "عام").put("specialtyEn", "General"))
          .allow(ADMIN, SUPERVISOR),
      op("PATCH", "/v1/doctors/{id}").at("/v1/doctors/" + M_DOCTOR).body(new JsonObject().put("consultationFee", 1)).allow(ADMIN, SUPERVISOR),
      op("DELETE", "/v1/doctors/{id}").at("/v1/doctors/" + M_DOCTOR_DOOMED).allow(ADMIN, SUPERVISOR).once(),
      op("PUT", "/v1/doctors/{id}/availability").at("/v1/doctors/" + M_DOCTOR + "/availability")
          .body(new JsonObject().put("blocks", new JsonArray())).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/doctors/{id}/overrides").at("/v1/doctors/" + M_DOCTOR + "/overrides")
          .body(new JsonObject().put("locationId", M_LOC).put("date", "2030-01-01").put("closed", true)).allow(ADMIN, SUPERVISOR),
      op("DELETE", "/v1/doctors/{id}/overrides/{overrideId}").at("/v1/doctors/" + M_DOCTOR + "/overrides/" + M_OVERRIDE)
          .allow(ADMIN, SUPERVISOR).once(),
      op("POST", "/v1/holidays").body(new JsonObject().put("startsOn", "2030-01-02").put("endsOn", "2030-01-02")
          .put("nameAr", "إجازة").put("nameEn", "Holiday")).allow(ADMIN, SUPERVISOR),
      op("DELETE", "/v1/holidays/{id}").at("/v1/holidays/" + M_HOLIDAY).allow(ADMIN, SUPERVISOR).once(),
      // the first allowed caller books the free slot; the others reach the slot check (409 slot_taken / patient_busy)
      op("POST", "/v1/appointments").body(new JsonObject().put("patientId", DemoAccounts.AHMED_PATIENT_ID.toString())
          .put("doctorId", SchedulingDemo.KHALID.toString()).put("serviceId", SchedulingDemo.GENERAL_CONSULTATION.toString())
          .put("locationId", SchedulingDemo.RIYADH_OLAYA.toString())
          .put("startsAt", SchedulingDemo.riyadh(SchedulingDemo.sunday(1), "09:00").toString()))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED, FAMILY_YOUSEF).hidden(DOCTOR),
      // ── appointments: writes; the first allowed caller changes the status, later ones get a domain 409 ──
      op("POST", "/v1/appointments/{id}/confirm").at(matrixAppointment(1, "confirm"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR),
      op("POST", "/v1/appointments/{id}/check-in").at(matrixAppointment(2, "check-in"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR),
      op("POST", "/v1/appointments/{id}/complete").at(matrixAppointment(2, "complete"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR),
      op("POST", "/v1/appointments/{id}/no-show").at(matrixAppointment(2, "no-show"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR),
      op("POST", "/v1/appointments/{id}/reschedule-request").at(matrixAppointment(3, "reschedule-request"))
          .body(new JsonObject().put("requestedStartsAt", "2099-01-04T10:00:00+03:00"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR, PATIENT_AHMED, FAMILY_YOUSEF),
      op("POST", "/v1/appointments/{id}/cancel-request").at(matrixAppointment(4, "cancel-request"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR, PATIENT_AHMED, FAMILY_YOUSEF),
      op("POST", "/v1/appointments/{id}/requests/approve").at(matrixAppointment(5, "requests/approve"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      op("POST", "/v1/appointments/{id}/requests/reject").at(matrixAppointment(6, "requests/reject"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      op("POST", "/v1/appointments/{id}/cancel").at(matrixAppointment(7, "cancel"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR, PATIENT_AHMED, FAMILY_YOUSEF),
      op("POST", "/v1/appointments/{id}/reschedule").at(matrixAppointment(8, "reschedule"))
          .body(new JsonObject().put("startsAt", "2099-01-04T10:00:00+03:00"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR, PATIENT_AHMED, FAMILY_YOUSEF),
      // the clinic's side only: the patient and family reach the appointment but may not choose its room (403)
      op("PUT", "/v1/appointments/{id}/room").at(matrixAppointment(1, "room")).body(new JsonObject().putNull("roomId"))
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, DOCTOR),
      // ── crm: capture, assignment, conversion & reports (a throwaway lead and form made in start()) ──
      op("GET", "/v1/crm/reports/summary").allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("GET", "/v1/crm/marketers").allow(ADMIN, SUPERVISOR),
      op("PUT", "/v1/crm/marketers/{userId}").at("/v1/crm/marketers/" + M_OPS_MARKETER).body(new JsonObject())
          .allow(ADMIN, SUPERVISOR),
      op("PUT", "/v1/crm/leads/{id}/assignment").at("/v1/crm/leads/" + M_OPS_LEAD + "/assignment")
          .body(new JsonObject().put("ownerId", M_OPS_MARKETER)).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/crm/leads/{id}/conversion").at("/v1/crm/leads/" + M_OPS_LEAD + "/conversion")
          .allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("GET", "/v1/crm/forms").allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/crm/forms").body(new JsonObject().put("name", "Matrix form")).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/crm/forms/{formId}/deactivate").at("/v1/crm/forms/" + M_OPS_FORM + "/deactivate").allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/crm/leads/imports").allow(ADMIN, SUPERVISOR, Who.MARKETER),
      // ── notifications: writes (the admin's throwaway notice; anyone else's is 404) ──
      op("POST", "/v1/me/notifications/{id}/read").at("/v1/me/notifications/" + M_NOTICE + "/read").everyone()
          .hidden(SUPERVISOR, RECEPTIONIST, DOCTOR, PATIENT_AHMED, FAMILY_YOUSEF, Who.MARKETER),
      op("POST", "/v1/me/notifications/read-all").everyone(),
      op("PUT", "/v1/me/notification-preferences")
          .body(new JsonObject().put("channels", new JsonObject().put("*", new JsonObject().put("sms", true)))).everyone(),
      op("POST", "/v1/me/consents").body(new JsonObject().put("channel", "sms").put("optIn", false)).everyone(),
      // ── crm: marketers work their own leads (another marketer's is 404), supervisors and admins all ──
      op("GET", "/v1/crm/leads").allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("GET", "/v1/crm/leads.csv").allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("GET", "/v1/crm/leads/{id}").at(M_LEAD).allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("GET", "/v1/crm/leads/{id}").at(M_OTHERS_LEAD).allow(ADMIN, SUPERVISOR).hidden(Who.MARKETER),
      op("GET", "/v1/crm/leads/{id}/activities").at(M_LEAD + "/activities").allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("GET", "/v1/crm/leads/{id}/activities").at(M_OTHERS_LEAD + "/activities").allow(ADMIN, SUPERVISOR).hidden(Who.MARKETER),
      op("POST", "/v1/crm/leads").body(new JsonObject().put("fullName", "مصفوفة").put("phone", "0559990001")
          .put("source", "walk_in")).allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("PATCH", "/v1/crm/leads/{id}").at(M_LEAD).body(new JsonObject().put("notes", "matrix"))
          .allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("PATCH", "/v1/crm/leads/{id}").at(M_OTHERS_LEAD).body(new JsonObject().put("notes", "matrix"))
          .allow(ADMIN, SUPERVISOR).hidden(Who.MARKETER),
      op("POST", "/v1/crm/leads/{id}/activities").at(M_LEAD + "/activities").body(new JsonObject().put("type", "note")
          .put("body", "matrix")).allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("POST", "/v1/crm/leads/{id}/activities").at(M_OTHERS_LEAD + "/activities").body(new JsonObject().put("type", "note")
          .put("body", "matrix")).allow(ADMIN, SUPERVISOR).hidden(Who.MARKETER),
      // the first allowed caller completes the task or makes the move; later ones get a domain 409
      op("POST", "/v1/crm/leads/{id}/activities/{activityId}/complete").at(M_LEAD + "/activities/" + M_TASK + "/complete")
          .allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("POST", "/v1/crm/leads/{id}/transitions").at(M_LEAD + "/transitions").body(new JsonObject().put("to", "contacted"))
          .allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("POST", "/v1/crm/leads/{id}/transitions").at(M_OTHERS_LEAD + "/transitions").body(new JsonObject().put("to", "contacted"))
          .allow(ADMIN, SUPERVISOR).hidden(Who.MARKETER),
      op("POST", "/v1/crm/leads/{id}/merge").at(M_LEAD + "/merge").body(new JsonObject().put("leadId", M_MERGED_LEAD_ID))
          .allow(ADMIN, SUPERVISOR, Who.MARKETER),
      // ── chatbot: flows (admin, supervisor, marketer); the published default flow is not a draft (409) ──
      op("GET", "/v1/chat/flows").allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("POST", "/v1/chat/flows").body(new JsonObject().put("key", "matrix_flow").put("definition",
          new JsonObject().put("start", "a").put("nodes", new JsonObject()))).allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("GET", "/v1/chat/flows/{key}/versions/{version}").at("/v1/chat/flows/receptionist/versions/1")
          .allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("PUT", "/v1/chat/flows/{key}/versions/{version}").at("/v1/chat/flows/receptionist/versions/1")
          .body(new JsonObject().put("definition", new JsonObject().put("start", "a").put("nodes", new JsonObject())))
          .allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("POST", "/v1/chat/flows/{key}/versions/{version}/validate").at("/v1/chat/flows/receptionist/versions/1/validate")
          .allow(ADMIN, SUPERVISOR, Who.MARKETER),
      op("POST", "/v1/chat/flows/{key}/versions/{version}/publish").at("/v1/chat/flows/receptionist/versions/1/publish")
          .allow(ADMIN, SUPERVISOR, Who.MARKETER),
      // ── chatbot: staff desk (admin, supervisor, reception, marketers) on a throwaway handed-off chat ──
      op("GET", "/v1/chat/handoffs").allow(ADMIN, SUPERVISOR, RECEPTIONIST, Who.MARKETER),
      op("GET", "/v1/chat/handoffs/live").at("/v1/chat/handoffs/live?maxSeconds=1").allow(ADMIN, SUPERVISOR, RECEPTIONIST, Who.MARKETER),
      op("GET", "/v1/chat/conversations/{id}/messages").at("/v1/chat/conversations/" + M_CHAT + "/messages")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, Who.MARKETER),
      op("POST", "/v1/chat/conversations/{id}/replies").at("/v1/chat/conversations/" + M_CHAT + "/replies")
          .body(new JsonObject().put("text", "matrix")).allow(ADMIN, SUPERVISOR, RECEPTIONIST, Who.MARKETER),
      op("POST", "/v1/chat/conversations/{id}/release").at("/v1/chat/conversations/" + M_CHAT + "/release")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, Who.MARKETER),
      // ── clinical: Dr. Khalid has Ahmed in his care; his throwaway encounter M_ENC (made in start()) takes the writes ──
      op("GET", "/v1/patients/{id}/chart").at(AHMED_PATIENT + "/chart").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/patients/{id}/allergies").at(AHMED_PATIENT + "/allergies")
          .allow(RECEPTIONIST, DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/encounters/{id}").at(M_VISIT).allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/diagnosis-codes").allow(DOCTOR),
      // ── dental: read as the clinical chart is (Dr. Khalid cares for Ahmed; Ahmed reads his own) ──
      op("GET", "/v1/patients/{id}/dental-chart").at(AHMED_PATIENT + "/dental-chart").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/patients/{id}/dental-chart/history").at(AHMED_PATIENT + "/dental-chart/history")
          .allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/patients/{id}/dental-chart/diff").at(AHMED_PATIENT + "/dental-chart/diff").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/patients/{id}/dental-chart/svg").at(AHMED_PATIENT + "/dental-chart/svg").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/patients/{id}/dental-records").at(AHMED_PATIENT + "/dental-records").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      // ── documents: templates for the admin (global) and doctors (own); documents read as the clinical record ──
      op("GET", "/v1/document-templates").allow(ADMIN, DOCTOR),
      op("GET", "/v1/document-templates/{id}").at("/v1/document-templates/" + D_SICK_LEAVE).allow(ADMIN, DOCTOR),
      op("GET", "/v1/patients/{id}/documents").at(AHMED_PATIENT + "/documents").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/prescriptions/{id}/pdf").at("/v1/prescriptions/" + D_PRESCRIPTION).allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("POST", "/v1/patients/{id}/dental-chart/changes").at(AHMED_PATIENT + "/dental-chart/changes")
          .body(new JsonObject().put("teeth", new JsonArray().add(new JsonObject().put("tooth", 17).put("status", "present"))))
          .allow(DOCTOR),
      op("POST", "/v1/encounters/{id}/dental-records").at(M_ENC + "/dental-records")
          .body(new JsonObject().put("treatment", "matrix")).allow(DOCTOR),
      op("POST", "/v1/document-templates").body(new JsonObject().put("kind", "referral").put("nameAr", "إحالة")
          .put("nameEn", "Matrix referral").put("bodyAr", "{{patient.name}}").put("bodyEn", "{{patient.name}}")).allow(ADMIN, DOCTOR),
      // a doctor may not revise a global template (403 template_not_yours)
      op("PUT", "/v1/document-templates/{id}").at("/v1/document-templates/" + D_SICK_LEAVE).body(new JsonObject()
          .put("nameAr", "إجازة مرضية").put("nameEn", "Sick leave").put("bodyAr", "{{patient.name}}").put("bodyEn", "{{patient.name}}"))
          .allow(ADMIN),
      op("POST", "/v1/patients/{id}/documents").at(AHMED_PATIENT + "/documents")
          .body(new JsonObject().put("templateId", D_SICK_LEAVE)).allow(DOCTOR),
      // plans and images: read as the chart is; written by a doctor caring for the patient (Dr. Khalid for Ahmed)
      op("GET", "/v1/patients/{id}/dental-plans").at(AHMED_PATIENT + "/dental-plans").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/dental-plans/{id}").at(D_PLAN).allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/patients/{id}/dental-images").at(AHMED_PATIENT + "/dental-images").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/dental-images/{id}/content").at("/v1/dental-images/" + M_DENTAL_IMAGE + "/content")
          .allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("POST", "/v1/patients/{id}/dental-plans").at(AHMED_PATIENT + "/dental-plans")
          .body(new JsonObject().put("title", "matrix").put("locationId", "00000000-0000-4000-c100-000000000001")).allow(DOCTOR),
      op("POST", "/v1/dental-plans/{id}/steps").at(M_DENTAL_PLAN + "/steps")
          .body(new JsonObject().put("steps", new JsonArray().add(new JsonObject()
              .put("serviceId", "00000000-0000-4022-8000-000000000022").put("doctorId", "00000000-0000-4022-8000-000000000011"))))
          .allow(DOCTOR),
      // the steps have no time: the doctor gets each one reported as not scheduled (200)
      op("POST", "/v1/dental-plans/{id}/bookings").at(M_DENTAL_PLAN + "/bookings").body(new JsonObject()).allow(DOCTOR),
      op("POST", "/v1/dental-plan-steps/{id}/complete").at(M_DENTAL_STEP_1 + "/complete").allow(DOCTOR),
      op("POST", "/v1/dental-plan-steps/{id}/cancel").at(M_DENTAL_STEP_2 + "/cancel").allow(DOCTOR),
      // already ongoing: the doctor gets past access control to a 409
      op("POST", "/v1/dental-plans/{id}/status").at(M_DENTAL_PLAN + "/status").body(new JsonObject().put("status", "ongoing"))
          .allow(DOCTOR),
      // a JSON body is not an image: the doctor gets past access control to a 4xx about the file
      op("POST", "/v1/patients/{id}/dental-images").at(AHMED_PATIENT + "/dental-images").body(new JsonObject()).allow(DOCTOR),
      op("POST", "/v1/patients/{id}/allergies").at(AHMED_PATIENT + "/allergies")
          .body(new JsonObject().put("substance", "Matrix dust")).allow(DOCTOR),
      op("POST", "/v1/patients/{id}/encounters").at(AHMED_PATIENT + "/encounters").body(new JsonObject()).allow(DOCTOR),
      op("POST", "/v1/encounters/{id}/notes").at(M_ENC + "/notes").body(new JsonObject().put("text", "matrix")).allow(DOCTOR),
      op("PATCH", "/v1/notes/{id}").at("/v1/notes/" + M_NOTE).body(new JsonObject().put("text", "matrix edit")).allow(DOCTOR),
      op("POST", "/v1/notes/{id}/sign").at("/v1/notes/" + M_NOTE + "/sign").allow(DOCTOR),
      op("POST", "/v1/notes/{id}/amendments").at("/v1/notes/" + M_NOTE + "/amendments")
          .body(new JsonObject().put("text", "matrix addendum")).allow(DOCTOR),
      op("POST", "/v1/encounters/{id}/diagnoses").at(M_ENC + "/diagnoses").body(new JsonObject().put("code", "J06.9"))
          .allow(DOCTOR),
      op("POST", "/v1/encounters/{id}/observations").at(M_ENC + "/observations")
          .body(new JsonObject().put("items", new JsonArray().add(new JsonObject().put("code", "heart_rate").put("value", 70))))
          .allow(DOCTOR),
      op("POST", "/v1/encounters/{id}/prescriptions").at(M_ENC + "/prescriptions").body(new JsonObject()
          .put("drug", new JsonObject().put("text", "Paracetamol 500 mg")).put("dose", "500 mg").put("route", "oral")
          .put("frequency", "when needed")).allow(DOCTOR),
      // after the visit: the throwaway prescription, diagnosis and observation made in start() on M_ENC
      op("POST", "/v1/prescriptions/{id}/status").at("/v1/prescriptions/" + M_RX + "/status")
          .body(new JsonObject().put("status", "stopped").put("reason", "matrix stop")).allow(DOCTOR),
      op("POST", "/v1/diagnoses/{id}/status").at("/v1/diagnoses/" + M_DX + "/status")
          .body(new JsonObject().put("clinicalStatus", "resolved")).allow(DOCTOR),
      op("POST", "/v1/observations/{id}/status").at("/v1/observations/" + M_OBS + "/status")
          .body(new JsonObject().put("status", "entered_in_error").put("reason", "matrix error")).allow(DOCTOR),
      op("POST", "/v1/encounters/{id}/finish").at(M_ENC + "/finish").allow(DOCTOR),
      op("POST", "/v1/encounters/{id}/entered-in-error").at(M_ENC + "/entered-in-error")
          .body(new JsonObject().put("reason", "matrix")).allow(DOCTOR),
      op("GET", "/v1/patients/{id}/intake-form").at(AHMED_PATIENT + "/intake-form")
          .allow(RECEPTIONIST, DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("POST", "/v1/patients/{id}/intake-forms").at(AHMED_PATIENT + "/intake-forms")
          .body(new JsonObject().put("concerns", "matrix")).allow(RECEPTIONIST, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/patients/{id}/files").at(AHMED_PATIENT + "/files").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      // a JSON body is not a file: the doctor gets past access control to a 400 file_type_mismatch
      op("POST", "/v1/patients/{id}/files").at(AHMED_PATIENT + "/files").body(new JsonObject()).allow(DOCTOR),
      op("GET", "/v1/files/{id}/content").at("/v1/files/" + M_FILE + "/content").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/files/{id}/thumbnail").at("/v1/files/" + M_IMAGE + "/thumbnail").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      op("GET", "/v1/patients/{id}/fhir").at(AHMED_PATIENT + "/fhir").allow(DOCTOR, PATIENT_AHMED).hidden(ADMIN),
      // Ahmed's demo form, already reviewed: the doctor gets past access control to a 409
      op("POST", "/v1/intake-forms/{id}/review").at("/v1/intake-forms/00000000-0000-4018-8000-000000000501/review")
          .allow(DOCTOR),
      // ── pharmacy: doctors and supervisors see what is available; reports for supervisors; admins everything
      //    (pharmacists and store keepers are not in the matrix: PharmacyApiTest) ──
      op("GET", "/v1/pharmacy/items").allow(ADMIN, SUPERVISOR, DOCTOR),
      op("GET", "/v1/pharmacy/items/{id}").at("/v1/pharmacy/items/" + M_MEDICINE).allow(ADMIN, SUPERVISOR, DOCTOR),
      op("GET", "/v1/pharmacy/stores").allow(ADMIN, SUPERVISOR, DOCTOR),
      op("GET", "/v1/pharmacy/stock").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/stock.csv").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/moves").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/moves.csv").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/reports/low-stock").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/reports/low-stock.csv").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/reports/expiring").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/reports/expiring.csv").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/reports/stock-value").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/reports/stock-value.csv").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/dispenses").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/dispenses.csv").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/counts/{id}").at("/v1/pharmacy/counts/" + M_COUNT).allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/pharmacy/prescriptions").allow(ADMIN),
      op("GET", "/v1/pharmacy/suppliers").allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/pharmacy/suppliers").body(new JsonObject().put("nameAr", "مورد المصفوفة").put("nameEn", "Matrix supplier"))
          .allow(ADMIN),
      op("PATCH", "/v1/pharmacy/suppliers/{id}").at("/v1/pharmacy/suppliers/00000000-0000-4020-8000-000000000601")
          .body(new JsonObject().put("contactName", "Matrix")).allow(ADMIN),
      op("POST", "/v1/pharmacy/items").body(new JsonObject().put("code", "MATRIX-1").put("kind", "supply")
          .put("genericNameAr", "مصفوفة").put("genericNameEn", "Matrix").put("unit", "piece")).allow(ADMIN),
      op("PATCH", "/v1/pharmacy/items/{id}").at("/v1/pharmacy/items/" + M_MEDICINE)
          .body(new JsonObject().put("brandNameEn", "Matrix")).allow(ADMIN),
      op("POST", "/v1/pharmacy/stores").body(new JsonObject().put("locationId", M_LOC).put("kind", "store_room")
          .put("nameAr", "مستودع").put("nameEn", "Matrix store")).allow(ADMIN),
      op("PATCH", "/v1/pharmacy/stores/{id}").at("/v1/pharmacy/stores/" + M_PHARMACY)
          .body(new JsonObject().put("nameEn", "Olaya pharmacy")).allow(ADMIN),
      op("PUT", "/v1/pharmacy/stores/{id}/items/{itemId}/reorder-level")
          .at("/v1/pharmacy/stores/" + M_PHARMACY + "/items/" + M_MEDICINE + "/reorder-level")
          .body(new JsonObject().put("reorderLevel", 100)).allow(ADMIN),
      // refused by the domain (400) once past access control: an expiry in the past, unknown batches, one store
      op("POST", "/v1/pharmacy/receipts").body(new JsonObject().put("storeId", M_PHARMACY).put("itemId", M_MEDICINE)
          .put("lotNumber", "M").put("expiryDate", "2020-01-01").put("quantity", 1).put("unitCost", 1)
          .put("purchaseReference", "M")).allow(ADMIN),
      op("POST", "/v1/pharmacy/adjustments").body(new JsonObject().put("batchId", M_COUNT).put("itemId", M_MEDICINE)
          .put("countedQuantity", 1).put("reason", "other")).allow(ADMIN),
      op("POST", "/v1/pharmacy/write-offs").body(new JsonObject().put("batchId", M_COUNT).put("itemId", M_MEDICINE)
          .put("quantity", 1).put("reason", "other")).allow(ADMIN),
      op("POST", "/v1/pharmacy/returns").body(new JsonObject().put("batchId", M_COUNT).put("itemId", M_MEDICINE)
          .put("quantity", 1).put("reason", "other")).allow(ADMIN),
      op("POST", "/v1/pharmacy/transfers").body(new JsonObject().put("fromStoreId", M_PHARMACY).put("toStoreId", M_PHARMACY)
          .put("batchId", M_COUNT).put("itemId", M_MEDICINE).put("quantity", 1)).allow(ADMIN),
      op("POST", "/v1/pharmacy/dispenses").body(new JsonObject().put("storeId", M_PHARMACY).put("customerName", "Matrix")
          .put("lines", new JsonArray().add(new JsonObject().put("itemId", M_MEDICINE).put("quantity", 1)))).allow(ADMIN),
      op("POST", "/v1/pharmacy/counts").body(new JsonObject().put("storeId", M_PHARMACY)).allow(ADMIN),
      op("PUT", "/v1/pharmacy/counts/{id}/lines").at("/v1/pharmacy/counts/" + M_COUNT + "/lines")
          .body(new JsonObject().put("lines", new JsonArray().add(new JsonObject().put("batchId", M_COUNT)
              .put("countedQuantity", 1)))).allow(ADMIN),
      op("POST", "/v1/pharmacy/counts/{id}/post").at("/v1/pharmacy/counts/" + M_COUNT + "/post").allow(ADMIN),
      // ── hospital: reads (doctors see beds and admissions), then writes aimed at refusals or throwaways ──
      op("GET", "/v1/hospital/room-types").allow(ADMIN, SUPERVISOR, DOCTOR),
      op("GET", "/v1/hospital/wards").allow(ADMIN, SUPERVISOR, DOCTOR),
      op("GET", "/v1/hospital/rooms").allow(ADMIN, SUPERVISOR, DOCTOR),
      op("GET", "/v1/hospital/board").allow(ADMIN, SUPERVISOR, DOCTOR),
      op("GET", "/v1/hospital/board.csv").allow(ADMIN, SUPERVISOR, DOCTOR),
      op("GET", "/v1/hospital/live").at("/v1/hospital/live?maxSeconds=1").allow(ADMIN, SUPERVISOR, DOCTOR),
      op("GET", "/v1/hospital/admissions").allow(ADMIN, SUPERVISOR, DOCTOR),
      op("GET", "/v1/hospital/admissions/{id}").at("/v1/hospital/admissions/" + H_ADMISSION).allow(ADMIN, SUPERVISOR, DOCTOR),
      op("GET", "/v1/hospital/cleaning-tasks").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/cleaning-tasks/calendar").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/ambulances").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/ambulance-runs").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/ambulance-runs/{id}").at("/v1/hospital/ambulance-runs/" + H_RUN).allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/staff").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/reports/occupancy").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/reports/occupancy.csv").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/reports/length-of-stay").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/reports/length-of-stay.csv").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/reports/ambulance-response").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/reports/ambulance-response.csv").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/reports/cleaning-turnaround").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/hospital/reports/cleaning-turnaround.csv").allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/room-types").body(new JsonObject().put("code", "matrix_type").put("category", "ward")
          .put("nameAr", "نوع").put("nameEn", "Type").put("dailyRate", 1).put("maxBeds", 2)).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/wards").body(new JsonObject().put("code", "matrix_ward").put("locationId", M_LOC)
          .put("nameAr", "جناح").put("nameEn", "Ward")).allow(ADMIN, SUPERVISOR),
      op("PATCH", "/v1/hospital/room-types/{id}").at("/v1/hospital/room-types/" + H_TYPE)
          .body(new JsonObject().put("maxBeds", 1)).allow(ADMIN, SUPERVISOR), // 409 room_type_too_small
      op("DELETE", "/v1/hospital/room-types/{id}").at("/v1/hospital/room-types/" + H_TYPE).allow(ADMIN, SUPERVISOR), // in use
      op("PATCH", "/v1/hospital/wards/{id}").at("/v1/hospital/wards/" + H_WARD)
          .body(new JsonObject().put("nameEn", "General ward")).allow(ADMIN, SUPERVISOR),
      op("DELETE", "/v1/hospital/wards/{id}").at("/v1/hospital/wards/" + H_WARD).allow(ADMIN, SUPERVISOR), // has rooms
      op("PUT", "/v1/hospital/rooms/{roomId}").at("/v1/hospital/rooms/" + M_ROOM).body(new JsonObject()
          .put("wardId", H_WARD).put("roomTypeId", H_TYPE).put("code", "M-1")).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/rooms/{roomId}/beds").at("/v1/hospital/rooms/" + H_FULL_ROOM + "/beds")
          .body(new JsonObject().put("code", "Z")).allow(ADMIN, SUPERVISOR),
      op("PUT", "/v1/hospital/beds/{id}/service").at("/v1/hospital/beds/" + H_OCCUPIED_BED + "/service")
          .body(new JsonObject().put("inService", false)).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/admissions").body(new JsonObject().put("patientId", DemoAccounts.AHMED_PATIENT_ID.toString())
          .put("doctorId", H_DOCTOR).put("bedId", H_BROKEN_BED).put("reason", "matrix")).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/admissions/{id}/admit").at("/v1/hospital/admissions/" + H_ADMISSION + "/admit")
          .body(new JsonObject()).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/admissions/{id}/transfer").at("/v1/hospital/admissions/" + H_ADMISSION + "/transfer")
          .body(new JsonObject().put("bedId", H_BROKEN_BED)).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/admissions/{id}/discharge-order").at("/v1/hospital/admissions/" + H_ADMISSION + "/discharge-order")
          .body(new JsonObject().put("expectedDischargeAt", "2099-01-01T10:00:00+03:00")).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/admissions/{id}/discharge").at("/v1/hospital/admissions/" + H_ADMISSION + "/discharge")
          .body(new JsonObject().put("dischargedAt", "2020-01-01T10:00:00+03:00")).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/admissions/{id}/cancel").at("/v1/hospital/admissions/" + H_ADMISSION + "/cancel")
          .body(new JsonObject()).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/cleaning-tasks").body(new JsonObject().put("roomId", H_FULL_ROOM).put("kind", "deep_clean")
          .put("dueAt", "2099-01-01T10:00:00+03:00")).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/cleaning-tasks/{id}/complete").at("/v1/hospital/cleaning-tasks/" + H_TASK + "/complete")
          .body(new JsonObject()).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/ambulances").body(new JsonObject().put("plate", "MATRIX 1").put("kind", "basic"))
          .allow(ADMIN, SUPERVISOR),
      op("PATCH", "/v1/hospital/ambulances/{id}").at("/v1/hospital/ambulances/" + H_AMBULANCE)
          .body(new JsonObject().put("inService", true)).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/ambulance-runs").body(new JsonObject().put("pickup", "matrix").put("destination", "matrix"))
          .allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/ambulance-runs/{id}/steps").at("/v1/hospital/ambulance-runs/" + H_RUN + "/steps")
          .body(new JsonObject().put("step", "dispatched")).allow(ADMIN, SUPERVISOR),
      op("POST", "/v1/hospital/staff").body(new JsonObject().put("firstNameAr", "مصفوفة").put("firstNameEn", "Matrix")
          .put("job", "driver").put("shift", "night")).allow(ADMIN, SUPERVISOR),
      op("PATCH", "/v1/hospital/staff/{id}").at("/v1/hospital/staff/" + H_STAFF).body(new JsonObject().put("shift", "night"))
          .allow(ADMIN, SUPERVISOR),
      // ── billing: staff read every invoice, a patient their own (another's is 404), Yousef lacks the scope
      //    billing.read (403 scope_not_granted); doctors and marketers see no money ──
      op("GET", "/v1/invoices").allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED, FAMILY_YOUSEF),
      op("GET", "/v1/invoices/{id}").at(B_AHMED).allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED),
      op("GET", "/v1/invoices/{id}").at(B_FATIMAH).allow(ADMIN, SUPERVISOR, RECEPTIONIST).hidden(PATIENT_AHMED, FAMILY_YOUSEF),
      op("GET", "/v1/invoices/{id}/page").at(B_AHMED + "/page").allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED),
      op("GET", "/v1/invoices/{id}/pdf").at(B_FATIMAH + "/pdf").allow(ADMIN, SUPERVISOR, RECEPTIONIST).hidden(PATIENT_AHMED, FAMILY_YOUSEF),
      // the demo invoices are stamped at start: their XML answers to who may read them
      op("GET", "/v1/invoices/{id}/xml").at(B_FATIMAH + "/xml").allow(ADMIN, SUPERVISOR, RECEPTIONIST).hidden(PATIENT_AHMED, FAMILY_YOUSEF),
      op("GET", "/v1/invoices/{id}/payments").at(B_AHMED + "/payments").allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED),
      op("GET", "/v1/invoices/{id}/payments").at(B_FATIMAH + "/payments")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST).hidden(PATIENT_AHMED, FAMILY_YOUSEF),
      op("GET", "/v1/billing/cash-up").allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      // paying online (db/demo/062): whether it is set up, for payers and staff; a checkout of Ahmed's (cancelled in the
      // demo) for whoever reads his invoice (Yousef lacks billing.read: 403); making one needs billing.pay.own, which
      // patients and family members hold and staff do not (the matrix client sends no Idempotency-Key: 400 once past
      // the permission check; Yousef's missing scopes are 403 in CheckoutTest). The gateway's webhook is public on
      // purpose (authenticated by its signature), so it has no row.
      op("GET", "/v1/billing/online-payments").allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED, FAMILY_YOUSEF),
      op("GET", "/v1/invoices/{id}/checkouts/{checkoutId}").at(B_AHMED + "/checkouts/00000000-0000-4019-8000-0000000006c1")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED),
      op("POST", "/v1/invoices/{id}/checkout").at(B_AHMED + "/checkout").allow(PATIENT_AHMED, FAMILY_YOUSEF),
      op("GET", "/v1/billing/sellers/{locationId}").at(B_OLAYA).allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      op("GET", "/v1/billing/reports/revenue").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/billing/reports/revenue.csv").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/billing/reports/vat-return").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/billing/reports/receivables-aging").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/billing/reports/vat-return.csv").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/billing/reports/receivables-aging.csv").allow(ADMIN, SUPERVISOR),
      // ZATCA: the device and its onboarding for accountant and admin (here ZATCA is not configured: 409 once past
      // access control); where e-invoices stand with ZATCA for whoever reads every invoice
      op("GET", "/v1/billing/zatca/devices/{locationId}").at("/v1/billing/zatca/devices/00000000-0000-4000-c100-000000000001")
          .allow(ADMIN),
      op("POST", "/v1/billing/zatca/devices/{locationId}/onboarding")
          .at("/v1/billing/zatca/devices/00000000-0000-4000-c100-000000000001/onboarding")
          .body(new JsonObject().put("otp", "123345")).allow(ADMIN),
      op("GET", "/v1/billing/zatca/documents").allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      op("GET", "/v1/billing/zatca/documents/{id}").at("/v1/billing/zatca/documents/00000000-0000-4019-8000-000000000001")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      // billing writes (billing.write.any: admin, reception; a supervisor only reads), all refused once past access
      // control: no branch (400 location_required), Ahmed's issued invoice (409 invoice_not_draft), a credit above
      // what is owed (422), a note on a draft (409), an invalid VAT number (400). The matrix client sends no
      // Idempotency-Key: the contract check that answers 400 runs after the permission check (Authentication)
      op("POST", "/v1/invoices").body(new JsonObject().put("patientId", DemoAccounts.AHMED_PATIENT_ID.toString()))
          .allow(ADMIN, RECEPTIONIST),
      op("POST", "/v1/invoices/{id}/lines").at(B_AHMED + "/lines").body(billingLine().getJsonObject(0))
          .allow(ADMIN, RECEPTIONIST),
      op("DELETE", "/v1/invoices/{id}/lines/{lineNo}").at(B_AHMED + "/lines/1").allow(ADMIN, RECEPTIONIST),
      op("POST", "/v1/invoices/{id}/issue").at(B_AHMED + "/issue").allow(ADMIN, RECEPTIONIST),
      op("POST", "/v1/invoices/{id}/cancel").at(B_AHMED + "/cancel").allow(ADMIN, RECEPTIONIST),
      op("POST", "/v1/invoices/{id}/credit-notes").at(B_AHMED + "/credit-notes")
          .body(new JsonObject().put("reason", "matrix").put("lines", billingLine())).allow(ADMIN, RECEPTIONIST),
      op("POST", "/v1/invoices/{id}/debit-notes").at(B_DRAFT + "/debit-notes")
          .body(new JsonObject().put("reason", "matrix").put("lines", billingLine())).allow(ADMIN, RECEPTIONIST),
      op("POST", "/v1/invoices/{id}/payments").at(B_AHMED + "/payments")
          .body(new JsonObject().put("method", "cash").put("amount", "1.00")).allow(ADMIN, RECEPTIONIST),
      op("POST", "/v1/invoices/{id}/refunds").at(B_AHMED + "/refunds")
          .body(new JsonObject().put("method", "cash").put("amount", "1.00")).allow(ADMIN, RECEPTIONIST),
      op("PUT", "/v1/billing/sellers/{locationId}").at(B_OLAYA).body(new JsonObject().put("nameAr", "مصفوفة")
          .put("nameEn", "Matrix").put("vatNumber", "123").put("invoicePrefix", "MTX")).allow(ADMIN),
      // ── insurance (db/demo/049-insurance-demo.sql): the desk reads coverage and eligibility, Ahmed his own coverage
      //    and his invoice's split; the administrator (and the accountant) manage payers, plans and claims ──
      op("GET", "/v1/insurance/payers").allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      op("GET", "/v1/insurance/plans").allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      op("GET", "/v1/patients/{id}/coverages").at(AHMED_PATIENT + "/coverages").allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED),
      op("GET", "/v1/patients/{id}/coverages").at("/v1/patients/" + DemoAccounts.FATIMAH_PATIENT_ID + "/coverages")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST).hidden(PATIENT_AHMED),
      op("GET", "/v1/patients/{id}/eligibility").at(AHMED_PATIENT + "/eligibility").allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      op("GET", "/v1/patients/{id}/pre-authorisations").at(AHMED_PATIENT + "/pre-authorisations")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST),
      op("GET", "/v1/invoices/{id}/insurance-shares").at(B_AHMED + "/insurance-shares")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST, PATIENT_AHMED),
      op("GET", "/v1/invoices/{id}/insurance-shares").at(B_FATIMAH + "/insurance-shares")
          .allow(ADMIN, SUPERVISOR, RECEPTIONIST).hidden(PATIENT_AHMED),
      op("GET", "/v1/insurance/claims").allow(ADMIN),
      op("GET", "/v1/insurance/claims/{id}").at(I_SUBMITTED).allow(ADMIN),
      op("GET", "/v1/insurance/claims/{id}/fhir").at(I_SUBMITTED + "/fhir").allow(ADMIN),
      op("GET", "/v1/insurance/reports/claims").allow(ADMIN, SUPERVISOR),
      op("GET", "/v1/insurance/reports/claims.csv").allow(ADMIN, SUPERVISOR),
      // insurance writes, all refused once past access control: a taken code (409), two kinds of co-pay (400),
      // dates backwards (400), another's coverage (422), a decided request (409), nothing to claim on an invoice
      // issued before 049 (422), steps a paid or submitted claim does not take (409)
      op("POST", "/v1/insurance/payers").body(new JsonObject().put("code", "bupa").put("nameAr", "م").put("nameEn", "M"))
          .allow(ADMIN),
      op("POST", "/v1/insurance/plans").body(new JsonObject().put("payerId", I_BUPA).put("code", "matrix").put("nameAr", "م")
          .put("nameEn", "M").put("rules", new JsonArray().add(new JsonObject().put("category", "all").put("coveredPercent", 50)
              .put("copayAmount", "1").put("copayPercent", 1)))).allow(ADMIN),
      op("POST", "/v1/patients/{id}/coverages").at(AHMED_PATIENT + "/coverages").body(new JsonObject()
          .put("planId", I_GOLD).put("policyNumber", "M").put("memberNumber", "MATRIX").put("validFrom", "2026-02-01")
          .put("validTo", "2026-01-01")).allow(ADMIN),
      op("POST", "/v1/patients/{id}/pre-authorisations").at(AHMED_PATIENT + "/pre-authorisations").body(new JsonObject()
          .put("coverageId", I_BUPA).put("serviceId", "00000000-0000-4000-c300-000000000005")).allow(ADMIN),
      op("POST", "/v1/insurance/pre-authorisations/{id}/decision").at("/v1/insurance/pre-authorisations/" + I_PREAUTH + "/decision")
          .body(new JsonObject().put("outcome", "rejected").put("reason", "matrix")).allow(ADMIN),
      op("POST", "/v1/insurance/claims").body(new JsonObject().put("invoiceId", B_AHMED.substring("/v1/invoices/".length())))
          .allow(ADMIN),
      op("POST", "/v1/insurance/claims/{id}/submit").at(I_PAID + "/submit").allow(ADMIN),
      op("POST", "/v1/insurance/claims/{id}/adjudication").at(I_PAID + "/adjudication")
          .body(new JsonObject().put("outcome", "accepted")).allow(ADMIN),
      op("POST", "/v1/insurance/claims/{id}/remittance").at(I_SUBMITTED + "/remittance")
          .body(new JsonObject().put("amount", "1.00").put("reference", "matrix")).allow(ADMIN),
      // ── education: doctors and the admin keep the library; Ahmed reads what was given to him (Yousef lacks
      //    medical_records.read); the writes aim at refusals (400, 409) or at the throwaway material M_EDU ──
      op("GET", "/v1/education/materials").allow(ADMIN, DOCTOR),
      op("GET", "/v1/education/materials/{id}").at("/v1/education/materials/" + E_GIVEN).allow(ADMIN, DOCTOR, PATIENT_AHMED)
          .hidden(FAMILY_YOUSEF),
      // an article has no file: 404 for whoever gets past access control
      op("GET", "/v1/education/materials/{id}/file").at("/v1/education/materials/" + E_GIVEN + "/file")
          .hidden(ADMIN, DOCTOR, PATIENT_AHMED, FAMILY_YOUSEF),
      op("GET", "/v1/education/assignments").allow(ADMIN, DOCTOR),
      op("GET", "/v1/patients/{id}/education-materials").at(AHMED_PATIENT + "/education-materials")
          .allow(ADMIN, DOCTOR, PATIENT_AHMED),
      op("POST", "/v1/education/materials").body(new JsonObject().put("kind", "article").put("titleAr", "م").put("titleEn", "M")
          .put("summaryAr", "م").put("summaryEn", "M")).allow(ADMIN, DOCTOR),
      // a JSON body is not a PDF: past access control to a 400 file_type_mismatch
      op("POST", "/v1/education/files").body(new JsonObject()).allow(ADMIN, DOCTOR),
      // already given to Ahmed: 409
      op("POST", "/v1/patients/{id}/education-materials").at(AHMED_PATIENT + "/education-materials")
          .body(new JsonObject().put("materialId", E_GIVEN)).allow(ADMIN, DOCTOR),
      // already read: nothing changes (the admin holds every permission, but it is not Ahmed's side: 404)
      op("POST", "/v1/patients/{id}/education-materials/{assignmentId}/read")
          .at(AHMED_PATIENT + "/education-materials/00000000-0000-4023-8000-000000000101/read").allow(PATIENT_AHMED)
          .hidden(ADMIN),
      op("DELETE", "/v1/education/materials/{id}").at("/v1/education/materials/" + M_EDU).allow(ADMIN, DOCTOR)
  );

  static RunningApp app;
  static final Map<Who, String> TOKENS = new EnumMap<>(Who.class);

  @BeforeAll
  static void start() {
    app = RunningApp.start("permission-matrix");
    app.asOwner("""
        INSERT INTO chatbot_conversations (id, channel, session_token_hash, flow_key, flow_version, status, handed_off_at)
        VALUES ('%s', 'web', '\\x00', 'receptionist', 1, 'handed_off', now())
        """.formatted(M_CHAT));
    for (Who who : Who.values()) {
      TOKENS.put(who, app.loginAs(who.email));
    }
    app.asOwner("""
        INSERT INTO education_materials (id, kind, title_ar, title_en, summary_ar, summary_en, body_en, published_on, author_id)
        VALUES ('%s', 'article', 'مصفوفة', 'Matrix', 'مصفوفة', 'Matrix', 'Matrix', '2026-01-01', '00000000-0000-4000-8000-000000000004')
        """.formatted(M_EDU));
    app.asOwner("""
        INSERT INTO crm_leads (id, full_name, phone, source) VALUES ('%s', 'Matrix Lead', '+966551239801', 'referral');
        INSERT INTO crm_web_forms (id, name, key_hash, key_prefix) VALUES ('%s', 'Matrix', sha256('matrix'::bytea), 'matrix');
        """.formatted(M_OPS_LEAD, M_OPS_FORM));
    app.asOwner("""
        INSERT INTO users (id, email, password_hash, first_name_en) VALUES
          ('%s', 'matrix-target@moeen-clinic.example', 'not-a-hash', 'Matrix');
        INSERT INTO roles (code, name_ar, name_en) VALUES
          ('matrix_role', 'مصفوفة', 'Matrix'), ('matrix_doomed', 'للحذف', 'Doomed'), ('matrix_wish', 'أمنية', 'Wish');
        INSERT INTO role_change_requests (id, user_id, requested_role_id, reason)
          SELECT '%s'::uuid, '%s'::uuid, id, 'matrix' FROM roles WHERE code = 'matrix_role';
        INSERT INTO role_change_requests (id, user_id, requested_role_id, reason)
          SELECT '%s'::uuid, '%s'::uuid, id, 'matrix' FROM roles WHERE code = 'nurse';
        INSERT INTO users (id, email, password_hash, first_name_en) VALUES
          ('00000000-0000-4000-8000-0000000000ab', 'matrix-relative@moeen-clinic.example', 'not-a-hash', 'Relative'),
          ('00000000-0000-4000-8000-0000000000ac', 'matrix-relative2@moeen-clinic.example', 'not-a-hash', 'Relative');
        INSERT INTO family_members (id, patient_id, user_id, relationship, scopes) VALUES
          ('%s', '%s', '00000000-0000-4000-8000-0000000000ab', 'other', '{patients.read}'),
          ('%s', '%s', '00000000-0000-4000-8000-0000000000ac', 'other', '{patients.read}');
        """.formatted(TARGET_USER, TO_APPROVE, TARGET_USER, TO_REJECT, TARGET_USER,
            MATRIX_GRANT, DemoAccounts.AHMED_PATIENT_ID, MATRIX_REVOKE, DemoAccounts.AHMED_PATIENT_ID));
    app.asOwner("""
        INSERT INTO users (id, email, password_hash, first_name_en) VALUES
          ('00000000-0000-4000-8000-0000000000ad', 'matrix-doctor@moeen-clinic.example', 'not-a-hash', 'Doctor'),
          ('00000000-0000-4000-8000-0000000000ae', 'matrix-doomed@moeen-clinic.example', 'not-a-hash', 'Doomed'),
          ('%s', 'matrix-new-doctor@moeen-clinic.example', 'not-a-hash', 'New');
        INSERT INTO clinic_locations (id, code, name_ar, name_en) VALUES
          ('%s', 'matrix_loc', 'فرع', 'Branch'), ('%s', 'matrix_loc_doomed', 'فرع', 'Doomed branch');
        INSERT INTO rooms (id, location_id, name_ar, name_en) VALUES ('%s', '%s', 'غرفة', 'Room'), ('%s', '%s', 'غرفة', 'Doomed');
        INSERT INTO departments (id, code, name_ar, name_en) VALUES
          ('%s', 'matrix_dept', 'قسم', 'Dept'), ('%s', 'matrix_dept_doomed', 'قسم', 'Doomed');
        INSERT INTO services (id, code, name_ar, name_en, duration_minutes, price) VALUES
          ('%s', 'matrix_service', 'خدمة', 'Service', 15, 0), ('%s', 'matrix_service_doomed', 'خدمة', 'Doomed', 15, 0);
        INSERT INTO doctors (id, user_id, specialty_ar, specialty_en) VALUES
          ('%s', '00000000-0000-4000-8000-0000000000ad', 'عام', 'General'),
          ('%s', '00000000-0000-4000-8000-0000000000ae', 'عام', 'General');
        INSERT INTO availability_overrides (id, doctor_id, location_id, on_date, is_closed) VALUES ('%s', '%s', '%s', '2030-02-01', true);
        INSERT INTO clinic_holidays (id, starts_on, ends_on, name_ar, name_en) VALUES ('%s', '2030-03-01', '2030-03-01', 'إجازة', 'Holiday');
        """.formatted(M_DOCTOR_USER, M_LOC, M_LOC_DOOMED, M_ROOM, M_LOC, M_ROOM_DOOMED, M_LOC, M_DEPT, M_DEPT_DOOMED,
            M_SERVICE, M_SERVICE_DOOMED, M_DOCTOR, M_DOCTOR_DOOMED, M_OVERRIDE, M_DOCTOR, M_LOC, M_HOLIDAY));
    app.asOwner("""
        INSERT INTO notifications (id, recipient_user_id, channel, event_type, locale, idempotency_key)
        SELECT '%s', id, 'in_app', 'appointment_booked', 'en', 'matrix:notice' FROM users WHERE email = '%s'
        """.formatted(M_NOTICE, DemoAccounts.ADMIN));
    app.asOwner("""
        INSERT INTO inventory_counts (id, store_id, opened_by) VALUES ('%s', '%s', '%s')
        """.formatted(M_COUNT, M_PHARMACY, DemoAccounts.ADMIN_ID));
    // Ahmed with Dr. Khalid, 80 days ahead at 09:00 … 16:00 Riyadh time: 1 pending, 2 confirmed, 3/4/7/8 pending,
    // 5 cancel requested and 6 reschedule requested (both interrupting 'confirmed')
    app.asOwner("""
        INSERT INTO appointments (id, patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from,
                                  blocked_until, status, source, request_previous_status, requested_starts_at)
        SELECT ('00000000-0000-4000-c400-0000000000b' || n)::uuid, '%s', '00000000-0000-4000-c200-000000000004',
               '00000000-0000-4000-c300-000000000002', '00000000-0000-4000-c100-000000000001', t.at,
               t.at + interval '15 minutes', t.at, t.at + interval '15 minutes', status, 'reception', previous,
               CASE WHEN status = 'reschedule_requested' THEN t.at + interval '1 day' END
        FROM (VALUES (1, 'pending', NULL), (2, 'confirmed', NULL), (3, 'pending', NULL), (4, 'pending', NULL),
                     (5, 'cancel_requested', 'confirmed'), (6, 'reschedule_requested', 'confirmed'), (7, 'pending', NULL),
                     (8, 'pending', NULL))
             AS v(n, status, previous),
             LATERAL (SELECT (date_trunc('day', now() AT TIME ZONE 'Asia/Riyadh') + interval '80 days'
                              + make_interval(hours => 8 + n)) AT TIME ZONE 'Asia/Riyadh' AS at) t
        """.formatted(DemoAccounts.AHMED_PATIENT_ID));
    crmTargets();
    app.asOwner("""
        INSERT INTO encounters (id, patient_id, doctor_id, kind) VALUES
          ('00000000-0000-4018-8000-0000000000e1', '%s', '00000000-0000-4000-c200-000000000004', 'walk_in');
        INSERT INTO clinical_notes (id, encounter_id, patient_id, author_id, body) VALUES
          ('%s', '00000000-0000-4018-8000-0000000000e1', '%s', '00000000-0000-4000-8000-000000000004', 'matrix draft');
        """.formatted(DemoAccounts.AHMED_PATIENT_ID, M_NOTE, DemoAccounts.AHMED_PATIENT_ID));
    app.asOwner("""
        INSERT INTO prescriptions (id, patient_id, encounter_id, prescriber_id, drug_name, dose, route, frequency) VALUES
          ('%1$s', '%4$s', '00000000-0000-4018-8000-0000000000e1', '00000000-0000-4000-8000-000000000004', 'Matrix 1 mg', '1 mg',
           'oral', 'daily');
        INSERT INTO diagnoses (id, patient_id, encounter_id, code, recorded_by) VALUES
          ('%2$s', '%4$s', '00000000-0000-4018-8000-0000000000e1', 'J06.9', '00000000-0000-4000-8000-000000000004');
        INSERT INTO observations (id, patient_id, encounter_id, category, kind, loinc, value, unit, value_canonical, unit_canonical,
                                  recorded_by) VALUES
          ('%3$s', '%4$s', '00000000-0000-4018-8000-0000000000e1', 'vital-signs', 'heart_rate', '8867-4', 70, '/min', 70, '/min',
           '00000000-0000-4000-8000-000000000004');
        """.formatted(M_RX, M_DX, M_OBS, DemoAccounts.AHMED_PATIENT_ID));
    // a real stored file of Ahmed's, uploaded by Dr. Khalid, for the download row
    String uploaded = app.client().post("/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID + "/files")
        .putHeader("Authorization", "Bearer " + app.loginAs(DemoAccounts.DOCTOR))
        .sendMultipartForm(io.vertx.ext.web.multipart.MultipartForm.create().binaryFileUpload("file", "matrix.pdf",
            io.vertx.core.buffer.Buffer.buffer("%PDF-1.4\n%%EOF\n"), "application/pdf"))
        .await().bodyAsJsonObject().getString("id");
    app.asOwner("UPDATE clinical_files SET id = '" + M_FILE + "' WHERE id = '" + uploaded + "'");
    java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
    try {
      javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    String image = app.client().post("/v1/patients/" + DemoAccounts.AHMED_PATIENT_ID + "/files")
        .putHeader("Authorization", "Bearer " + app.loginAs(DemoAccounts.DOCTOR))
        .sendMultipartForm(io.vertx.ext.web.multipart.MultipartForm.create().binaryFileUpload("file", "matrix.png",
            io.vertx.core.buffer.Buffer.buffer(png.toByteArray()), "image/png"))
        .await().bodyAsJsonObject().getString("id");
    app.asOwner("UPDATE clinical_files SET id = '" + M_IMAGE + "' WHERE id = '" + image + "'");
    app.asOwner("""
        INSERT INTO dental_plans (id, patient_id, location_id, title, status, created_by) VALUES
          ('00000000-0000-4022-8000-0000000005f1', '%1$s', '00000000-0000-4000-c100-000000000001', 'matrix', 'ongoing',
           '00000000-0000-4000-8000-000000000004');
        INSERT INTO dental_plan_steps (id, plan_id, patient_id, position, service_id, doctor_id) VALUES
          ('00000000-0000-4022-8000-0000000005f2', '00000000-0000-4022-8000-0000000005f1', '%1$s', 1,
           '00000000-0000-4022-8000-000000000022', '00000000-0000-4022-8000-000000000011'),
          ('00000000-0000-4022-8000-0000000005f3', '00000000-0000-4022-8000-0000000005f1', '%1$s', 2,
           '00000000-0000-4022-8000-000000000022', '00000000-0000-4022-8000-000000000011');
        INSERT INTO dental_images (id, patient_id, tooth, kind, file_id, uploaded_by) VALUES
          ('%2$s', '%1$s', 11, 'photo', '%3$s', '00000000-0000-4000-8000-000000000004');
        """.formatted(DemoAccounts.AHMED_PATIENT_ID, M_DENTAL_IMAGE, M_FILE));
  }

  static void crmTargets() {
    app.asOwner("""
        INSERT INTO users (id, email, password_hash, first_name_en) VALUES
          ('00000000-0000-4000-8000-0000000000d9', 'matrix-marketer@moeen-clinic.example', 'not-a-hash', 'Marketer');
        INSERT INTO crm_marketers (user_id, accepts_leads) VALUES ('00000000-0000-4000-8000-0000000000d9', false);
        INSERT INTO crm_leads (id, full_name, phone, source, owner_id) VALUES
          ('00000000-0000-4000-d000-0000000000d1', 'مصفوفة أ', '+966559990011', 'walk_in', '00000000-0000-4000-8000-000000000011'),
          ('00000000-0000-4000-d000-0000000000d2', 'مصفوفة ب', '+966559990012', 'walk_in', '00000000-0000-4000-8000-000000000011'),
          ('00000000-0000-4000-d000-0000000000d3', 'مصفوفة ج', '+966559990013', 'walk_in', '00000000-0000-4000-8000-0000000000d9');
        INSERT INTO crm_activities (id, lead_id, type, body, due_at) VALUES
          ('00000000-0000-4000-d000-0000000000d4', '00000000-0000-4000-d000-0000000000d1', 'task', 'matrix', now());
        """);
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Stream<Operation> matrix() {
    return MATRIX.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void every_role_gets_what_the_matrix_says(Operation operation) {
    List<String> wrong = new ArrayList<>();
    boolean consumed = false;
    for (Who who : Who.values()) {
      var response = ApiCalls.call(app, operation.method(), operation.path(), "en", TOKENS.get(who), operation.body());
      int status = response.statusCode();
      Expect expected = operation.expected(who);
      boolean ok = switch (expected) {
        case ALLOW -> status < 300 || (status < 500 && status != 401 && status != 403 && status != 404)
            || (status == 404 && consumed);
        case DENY -> status == 403;
        case HIDDEN -> status == 404;
      };
      consumed |= expected == Expect.ALLOW && status < 300 && operation.consumesTarget();
      if (!ok) {
        wrong.add(who + " expected " + expected + " but got " + status + " " + response.bodyAsString());
      }
    }
    assertThat(wrong).as(operation.toString()).isEmpty();
  }

  /** Every secured operation of the contract, as [method, path template]. */
  static List<String[]> securedOperations() {
    Vertx vertx = Vertx.vertx();
    try {
      List<String[]> secured = new ArrayList<>();
      for (ContractDocument.Operation op : ContractDocument.operations(ContractDocument.merged(vertx))) {
        if (op.secured()) {
          secured.add(new String[] {op.method(), op.path()});
        }
      }
      return secured;
    } finally {
      vertx.close().await();
    }
  }

  static Stream<Arguments> anonymousCalls() {
    return securedOperations().stream().map(o -> Arguments.of(o[0], o[1]));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("anonymousCalls")
  void an_anonymous_caller_gets_401_on_every_protected_operation(String method, String template) {
    String path = template.replaceAll("\\{[^}]+}", "00000000-0000-4000-8000-000000000000");
    var response = ApiCalls.call(app, method, path, "en", null, null);
    assertThat(response.statusCode()).as(method + " " + path).isEqualTo(401);
    assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer");
  }

  @Test
  void the_matrix_covers_exactly_the_protected_operations_of_the_contract() {
    Set<String> contract = new LinkedHashSet<>();
    securedOperations().forEach(o -> contract.add(o[0] + " " + o[1]));
    Set<String> covered = new LinkedHashSet<>();
    MATRIX.forEach(o -> covered.add(o.method() + " " + o.template()));
    assertThat(contract).as("protected operations without a row in PermissionMatrixTest.MATRIX")
        .isSubsetOf(covered);
    assertThat(covered).as("rows naming operations the contract does not have (or that are public)")
        .isSubsetOf(contract);
  }
}
