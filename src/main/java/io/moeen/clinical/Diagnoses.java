package io.moeen.clinical;

import io.moeen.common.auth.Access;
import io.moeen.common.auth.Principal;
import io.moeen.common.bus.RequestEnvelope;
import io.moeen.common.errors.Problem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Diagnoses and the problem list: ICD-10 codes of the shipped list ({@code icd10_codes}), primary or
 * secondary for the encounter (one primary), active or resolved, with onset.
 */
final class Diagnoses {
  /** ICD-10 (WHO and -CM): a letter, two characters, and up to four after a dot: I10, E11.9, J45.909, S02.5XXA. */
  static final Pattern ICD10 = Pattern.compile("^[A-Z][0-9][0-9A-Z](\\.[0-9A-Z]{1,4})?$");

  private final ClinicalStore store;
  private final Pool pool;

  Diagnoses(ClinicalStore store, Pool pool) {
    this.store = store;
    this.pool = pool;
  }

  /** The code in its written form (upper case, dot after three characters), or 400 {@code invalid_diagnosis_code}. */
  static String code(String raw) {
    String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
    if (code.length() > 3 && code.indexOf('.') < 0) {
      code = code.substring(0, 3) + "." + code.substring(3);
    }
    if (!ICD10.matcher(code).matches()) {
      throw Problem.invalid("invalid_diagnosis_code", "code", Map.of("code", String.valueOf(raw)));
    }
    return code;
  }

  Future<JsonObject> add(RequestEnvelope request) {
    Principal principal = Access.principal(request);
    UUID encounterId = ClinicalInput.id(request);
    JsonObject body = request.bodyAsObject();
    String code = code(body.getString("code"));
    String rank = body.getString("rank", "secondary");
    String status = body.getString("clinicalStatus", "active");
    LocalDate onset = ClinicalInput.date(body, "onsetDate");
    LocalDate resolved = ClinicalInput.date(body, "resolvedDate");
    if (resolved != null && !"resolved".equals(status)) {
      throw Problem.invalid("resolved_date_needs_resolved", "resolvedDate", Map.of());
    }
    String note = ClinicalInput.text(body, "note");
    return store.as(ClinicalInput.actor(request, principal), conn -> ClinicalAccess.encounterForWrite(conn, principal, encounterId, true)
        .compose(encounter -> ClinicalStore.first(conn, "code_exists", code).compose(known -> {
          if (!known.map(row -> row.getBoolean("known")).orElse(false)) {
            throw Problem.invalid("unknown_diagnosis_code", "code", Map.of("code", code));
          }
          return ClinicalStore.object(conn, "insert_diagnosis", encounter.patientId(), encounter.id(), code, rank, status,
              onset, resolved, note);
        })));
  }

  /** Search and autocomplete over the shipped list: code prefix or words of either title. No patient data. */
  Future<JsonObject> search(RequestEnvelope request) {
    Access.principal(request);
    String q = request.param("q");
    String specialty = request.param("specialty");
    String limit = request.param("limit");
    return pool.withConnection(conn -> ClinicalStore.objects(conn, "search_codes", q == null || q.isBlank() ? null : q.strip(),
            specialty, limit == null ? 20 : Integer.parseInt(limit)))
        .map(items -> new JsonObject().put("items", new JsonArray(items)));
  }
}
