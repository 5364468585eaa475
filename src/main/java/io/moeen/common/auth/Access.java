package io.moeen.common.auth;

import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.moeen.common.errors.ProblemKind;

import java.util.Map;
import java.util.UUID;

/**
 * The one place that answers "may this principal do this to this patient's data". Domain
 * verticles ask here; they never compare role names.
 *
 * <p>For a resource such as {@code appointments} and an action such as {@code read}: a principal
 * with {@code appointments.read.any} may act on every patient; one with
 * {@code appointments.read.own} on the patient record linked to its account and on patients who
 * granted it the scope {@code appointments.read}. Anyone else is told the record does not exist
 * (404), so ids cannot be probed.
 */
public final class Access {
  private Access() {
  }

  /** The caller, or 401 when the request is anonymous. */
  public static Principal principal(RequestEnvelope request) {
    if (request.principal() == null) {
      throw new Problem(ProblemKind.UNAUTHENTICATED, "unauthenticated");
    }
    return Principal.fromJson(request.principal());
  }

  /** 403 unless the principal holds at least one of the permissions. */
  public static void requireAny(Principal principal, String... permissions) {
    for (String permission : permissions) {
      if (principal.has(permission)) {
        return;
      }
    }
    throw new Problem(ProblemKind.FORBIDDEN, "forbidden");
  }

  public static boolean mayActOnPatient(Principal principal, UUID patientId, String resource, String action) {
    String scope = resource + "." + action;
    if (principal.has(scope + ".any")) {
      return true;
    }
    if (!principal.has(scope + ".own")) {
      return false;
    }
    if (principal.patientId().map(patientId::equals).orElse(false)) {
      return true;
    }
    return principal.family().getOrDefault(patientId, java.util.Set.of()).contains(scope);
  }

  /**
   * Passes, or fails with 404 so that a record the caller may not see looks like one that does
   * not exist. A family member linked to this patient already knows the patient exists: missing
   * the scope for this kind of record is 403 {@code scope_not_granted}, which says what to ask for.
   */
  public static void requirePatient(Principal principal, UUID patientId, String resource, String action) {
    if (!mayActOnPatient(principal, patientId, resource, action)) {
      throw refusal(principal, patientId, resource, action,
          Problem.notFound("patient_not_found", Map.of("id", patientId.toString())));
    }
  }

  /** Why a caller may not act on a patient's record: {@code hidden} (404), or 403 for a linked family member. */
  public static Problem refusal(Principal principal, UUID patientId, String resource, String action, Problem hidden) {
    if (principal.family().containsKey(patientId)) {
      String scope = resource + "." + action;
      return new Problem(ProblemKind.FORBIDDEN, "scope_not_granted", Map.of("scope", scope, "reasonKey", "family_scope." + scope));
    }
    return hidden;
  }
}
