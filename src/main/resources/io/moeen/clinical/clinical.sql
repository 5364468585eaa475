-- SQL of the clinical feature. Every statement runs inside SessionContext.inTransaction, so the
-- row-level security policies (db/changes/025-clinical.sql) and the audit triggers know who acts.
-- Answers are built as JSON here: one representation per resource, in one place.

-- name: cares_for
-- The same test the row-level security applies: an appointment or an encounter of the acting doctor.
SELECT app_cares_for($1::uuid) AS cares, EXISTS (SELECT 1 FROM patients p WHERE p.id = $1::uuid) AS patient_exists;

-- name: break_glass
INSERT INTO clinical_break_glass (user_id, patient_id, reason, request_id)
VALUES (app_user_id(), $1, $2, app_setting('request_id'));

-- name: audit_read
-- Reads of clinical records are audited by the application (writes by the triggers); $3 says what
-- was shown and why: {operation, reader, reason?, breakGlass?}
INSERT INTO audit_logs (user_id, role, action, entity_type, entity_id, patient_id, new_values, ip_address, request_id)
VALUES (app_user_id(), app_setting('role'), $4, $1, $2, $5::uuid, $3::jsonb, app_setting('ip')::inet, app_setting('request_id'));

-- name: acting_doctor
SELECT d.id FROM doctors d WHERE d.user_id = app_user_id() AND d.is_active;

-- name: insert_encounter
-- No RETURNING: the new row's visibility depends on the encounter itself (the first walk-in visit).
INSERT INTO encounters (id, patient_id, doctor_id, location_id, kind, chief_complaint, started_at, created_by)
VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()), app_user_id());

-- name: encounter_for_update
SELECT e.id, e.patient_id, e.status, e.appointment_id, d.user_id AS doctor_user_id
FROM encounters e JOIN doctors d ON d.id = e.doctor_id
WHERE e.id = $1
FOR UPDATE OF e;

-- name: encounter_patient
SELECT e.patient_id FROM encounters e WHERE e.id = $1;

-- name: encounter_patient_unfiltered
-- Which patient an encounter id belongs to, whatever row-level security shows: only so that a
-- refusal can be 403/404 as for the patient. Never returns clinical content.
SELECT clinical_encounter_patient($1::uuid) AS patient_id;

-- name: finish_encounter
UPDATE encounters SET status = 'finished', ended_at = greatest(now(), started_at)
WHERE id = $1 AND status = 'in_progress'
RETURNING id;

-- name: mark_encounter_in_error
UPDATE encounters SET status = 'entered_in_error', error_reason = $2, ended_at = coalesce(ended_at, greatest(now(), started_at))
WHERE id = $1 AND status <> 'entered_in_error'
RETURNING id;

-- name: encounter_json
-- $2: true when only signed notes may be shown (the patient's side)
SELECT jsonb_build_object(
  'id', e.id, 'patientId', e.patient_id, 'appointmentId', e.appointment_id, 'kind', e.kind, 'status', e.status,
  'chiefComplaint', e.chief_complaint, 'startedAt', e.started_at, 'endedAt', e.ended_at, 'errorReason', e.error_reason,
  'locationId', e.location_id,
  'doctor', jsonb_build_object('id', d.id, 'userId', d.user_id,
      'name', jsonb_build_object('ar', nullif(concat_ws(' ', u.first_name_ar, u.last_name_ar), ''),
                                 'en', nullif(concat_ws(' ', u.first_name_en, u.last_name_en), ''))),
  'notes', coalesce((SELECT jsonb_agg(clinical_note_json(n) ORDER BY n.created_at, n.id) FROM clinical_notes n
                     WHERE n.encounter_id = e.id AND (NOT $2 OR n.signed_at IS NOT NULL)), '[]'::jsonb),
  'diagnoses', coalesce((SELECT jsonb_agg(clinical_diagnosis_json(g) ORDER BY g.rank, g.created_at) FROM diagnoses g
                         WHERE g.encounter_id = e.id), '[]'::jsonb),
  'observations', coalesce((SELECT jsonb_agg(clinical_observation_json(o) ORDER BY o.effective_at, o.kind) FROM observations o
                            WHERE o.encounter_id = e.id), '[]'::jsonb),
  'prescriptions', coalesce((SELECT jsonb_agg(clinical_prescription_json(r) ORDER BY r.created_at) FROM prescriptions r
                             WHERE r.encounter_id = e.id), '[]'::jsonb)) AS body
FROM encounters e
JOIN doctors d ON d.id = e.doctor_id
JOIN users u ON u.id = d.user_id
WHERE e.id = $1;

-- name: chart_json
-- The summary a doctor sees first: the patient, allergies, active problems and prescriptions, the
-- latest value of each vital sign, recent lab results and the last 20 encounters.
SELECT jsonb_build_object(
  'patient', jsonb_build_object('id', p.id, 'medicalRecordNumber', p.medical_record_number,
      'name', jsonb_build_object('ar', nullif(concat_ws(' ', p.first_name_ar, p.last_name_ar), ''),
                                 'en', nullif(concat_ws(' ', p.first_name_en, p.last_name_en), '')),
      'dateOfBirth', p.date_of_birth, 'gender', p.gender, 'preferredLanguage', p.preferred_language),
  'allergies', coalesce((SELECT jsonb_agg(clinical_allergy_json(a) ORDER BY a.severity DESC, a.substance) FROM allergies a
                         WHERE a.patient_id = p.id AND a.status = 'active'), '[]'::jsonb),
  'problems', coalesce((SELECT jsonb_agg(clinical_diagnosis_json(g) ORDER BY g.created_at DESC) FROM diagnoses g
                        WHERE g.patient_id = p.id AND g.clinical_status = 'active'), '[]'::jsonb),
  'prescriptions', coalesce((SELECT jsonb_agg(clinical_prescription_json(r) ORDER BY r.created_at DESC) FROM prescriptions r
                             WHERE r.patient_id = p.id AND r.status = 'active'), '[]'::jsonb),
  'vitals', coalesce((SELECT jsonb_agg(clinical_observation_json(o) ORDER BY o.kind) FROM (
                        SELECT DISTINCT ON (o.kind) o.* FROM observations o
                        WHERE o.patient_id = p.id AND o.category = 'vital-signs' AND o.status = 'final'
                        ORDER BY o.kind, o.effective_at DESC) o), '[]'::jsonb),
  'labResults', coalesce((SELECT jsonb_agg(clinical_observation_json(o) ORDER BY o.effective_at DESC) FROM (
                            SELECT o.* FROM observations o
                            WHERE o.patient_id = p.id AND o.category = 'laboratory' AND o.status = 'final'
                            ORDER BY o.effective_at DESC LIMIT 10) o), '[]'::jsonb),
  'encounterCount', (SELECT count(*) FROM encounters e WHERE e.patient_id = p.id),
  'encounters', coalesce((SELECT jsonb_agg(x.j ORDER BY x.started_at DESC) FROM (
                            SELECT e.started_at, jsonb_build_object('id', e.id, 'kind', e.kind, 'status', e.status,
                                   'chiefComplaint', e.chief_complaint, 'startedAt', e.started_at, 'endedAt', e.ended_at,
                                   'appointmentId', e.appointment_id, 'doctorId', e.doctor_id,
                                   'doctorName', jsonb_build_object('ar', nullif(concat_ws(' ', u.first_name_ar, u.last_name_ar), ''),
                                                                    'en', nullif(concat_ws(' ', u.first_name_en, u.last_name_en), ''))) AS j
                            FROM encounters e JOIN doctors d ON d.id = e.doctor_id JOIN users u ON u.id = d.user_id
                            WHERE e.patient_id = p.id
                            ORDER BY e.started_at DESC LIMIT 20) x), '[]'::jsonb)) AS body
FROM patients p
WHERE p.id = $1;

-- name: allergies_json
SELECT coalesce(jsonb_agg(clinical_allergy_json(a) ORDER BY a.severity DESC, a.substance), '[]'::jsonb) AS body
FROM allergies a WHERE a.patient_id = $1 AND a.status = 'active';

-- name: insert_allergy
INSERT INTO allergies (patient_id, substance, reaction, severity, recorded_by)
VALUES ($1, $2, $3, $4, app_user_id())
RETURNING clinical_allergy_json(allergies) AS body;

-- name: insert_note
INSERT INTO clinical_notes (encounter_id, patient_id, author_id, kind, amends_id, format, subjective, objective, assessment, plan, body, signed_at)
VALUES ($1, $2, app_user_id(), $3, $4, $5, $6, $7, $8, $9, $10, CASE WHEN $11 THEN now() END)
RETURNING clinical_note_json(clinical_notes) AS body;

-- name: note_by_id
-- Not locked: a signed note is final in the database itself (trigger clinical_notes_signed_final),
-- and the update policy lets only the author change a draft.
SELECT n.id, n.encounter_id, n.patient_id, n.author_id, n.kind, n.format, n.signed_at
FROM clinical_notes n WHERE n.id = $1;

-- name: update_note
-- $2: the sections as JSON; sections not named keep their text
UPDATE clinical_notes n SET
  subjective = CASE WHEN $2::jsonb ? 'subjective' THEN $2::jsonb ->> 'subjective' ELSE n.subjective END,
  objective  = CASE WHEN $2::jsonb ? 'objective' THEN $2::jsonb ->> 'objective' ELSE n.objective END,
  assessment = CASE WHEN $2::jsonb ? 'assessment' THEN $2::jsonb ->> 'assessment' ELSE n.assessment END,
  plan       = CASE WHEN $2::jsonb ? 'plan' THEN $2::jsonb ->> 'plan' ELSE n.plan END,
  body       = CASE WHEN $2::jsonb ? 'text' THEN $2::jsonb ->> 'text' ELSE n.body END
WHERE n.id = $1
RETURNING clinical_note_json(n) AS body;

-- name: sign_note
UPDATE clinical_notes n SET signed_at = now() WHERE n.id = $1
RETURNING clinical_note_json(n) AS body;

-- name: code_exists
SELECT EXISTS (SELECT 1 FROM icd10_codes WHERE code = $1) AS known;

-- name: insert_diagnosis
INSERT INTO diagnoses (patient_id, encounter_id, code, rank, clinical_status, onset_date, resolved_date, note, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, app_user_id())
RETURNING clinical_diagnosis_json(diagnoses) AS body;

-- name: search_codes
-- $1 text or null (code prefix, or part of the English or Arabic title, Arabic spellings folded), $2 specialty or null
SELECT jsonb_build_object('code', c.code, 'titleEn', c.title_en, 'titleAr', c.title_ar, 'specialty', c.specialty) AS body
FROM icd10_codes c
WHERE ($1::text IS NULL OR upper(c.code) LIKE upper($1::text) || '%'
       OR c.search_text LIKE '%' || normalize_search_text($1::text) || '%')
  AND ($2::text IS NULL OR c.specialty = $2::text)
ORDER BY (upper(c.code) LIKE upper(coalesce($1::text, '')) || '%') DESC, c.code
LIMIT $3;

-- name: insert_observation
INSERT INTO observations (patient_id, encounter_id, category, kind, loinc, value, unit, value_canonical, unit_canonical,
                          reference_low, reference_high, abnormal_flag, derived, effective_at, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, coalesce($14, now()), app_user_id())
RETURNING clinical_observation_json(observations) AS body;

-- name: latest_in_encounter
-- The latest weight (kg) and height (cm) of the encounter, for BMI
SELECT (SELECT o.value_canonical FROM observations o WHERE o.encounter_id = $1 AND o.kind = 'body_weight' AND o.status = 'final'
        ORDER BY o.effective_at DESC, o.created_at DESC LIMIT 1) AS weight,
       (SELECT o.value_canonical FROM observations o WHERE o.encounter_id = $1 AND o.kind = 'body_height' AND o.status = 'final'
        ORDER BY o.effective_at DESC, o.created_at DESC LIMIT 1) AS height;

-- name: allergy_conflicts
-- Active allergies that rule the drug out: the substance named in the drug, the drug in the
-- substance, or a known cross-reaction (penicillin → amoxicillin …).
SELECT jsonb_build_object('id', a.id, 'substance', a.substance, 'severity', a.severity, 'reaction', a.reaction) AS body
FROM allergies a
WHERE a.patient_id = $1 AND a.status = 'active'
  AND (normalize_search_text($2) LIKE '%' || a.substance_key || '%'
       OR (length(split_part(normalize_search_text($2), ' ', 1)) >= 4
           AND a.substance_key LIKE '%' || split_part(normalize_search_text($2), ' ', 1) || '%')
       OR EXISTS (SELECT 1 FROM allergy_cross_reactions x
                  WHERE x.substance_key = a.substance_key AND normalize_search_text($2) LIKE '%' || x.drug_key || '%'))
ORDER BY a.substance;

-- name: insert_prescription
INSERT INTO prescriptions (patient_id, encounter_id, prescriber_id, drug_name, dose, route, frequency, duration_days, quantity,
                           refills, instructions, instructions_language, allergy_override_reason)
VALUES ($1, $2, app_user_id(), $3, $4, $5, $6, $7, $8, coalesce($9, 0), $10,
        coalesce($11, (SELECT p.preferred_language FROM patients p WHERE p.id = $1), 'ar'), $12)
RETURNING clinical_prescription_json(prescriptions) AS body;

-- name: latest_intake_form
SELECT intake_form_json(f) AS body FROM intake_forms f
WHERE f.patient_id = $1 AND ($2::int IS NULL OR f.version = $2::int)
ORDER BY f.version DESC LIMIT 1;

-- name: insert_intake_form
INSERT INTO intake_forms (patient_id, version, allergies, current_medications, conditions, previous_treatments,
                          emergency_contact_name, emergency_contact_phone, insurance_provider, insurance_policy_number,
                          concerns, preferred_doctor_id, submitted_by, submitted_via)
VALUES ($1, intake_form_next_version($1), $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, app_user_id(), $12)
RETURNING intake_form_json(intake_forms) AS body;

-- name: intake_form_patient_unfiltered
SELECT clinical_intake_form_patient($1::uuid) AS patient_id;

-- name: review_intake_form
UPDATE intake_forms f SET reviewed_by = app_user_id(), reviewed_at = now()
WHERE f.id = $1 AND f.reviewed_at IS NULL
RETURNING intake_form_json(f) AS body;

-- name: file_patient_unfiltered
-- Which patient a file id belongs to, whatever row-level security shows: only so that a refusal can be
-- 403/404 as for the patient. Never returns clinical content.
SELECT clinical_file_patient($1::uuid) AS patient_id;

-- name: insert_file
INSERT INTO clinical_files (patient_id, encounter_id, category, title, file_name, content_type, size_bytes, sha256,
                            storage_key, uploaded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, app_user_id())
RETURNING clinical_file_json(clinical_files) AS body;

-- name: file_by_id
SELECT clinical_file_json(f) AS body, f.storage_key, f.content_type, f.file_name, f.sha256, f.thumbnail_key
FROM clinical_files f WHERE f.id = $1;

-- name: files_json
SELECT coalesce(jsonb_agg(clinical_file_json(f) ORDER BY f.created_at DESC, f.id), '[]'::jsonb) AS body
FROM clinical_files f WHERE f.patient_id = $1;

-- name: fhir_source
-- Everything the FHIR export shows of a patient, as the acting reader sees it (row-level security
-- applies: the patient's own side gets signed notes only, and no drafts are exported anyway).
SELECT jsonb_build_object(
  'patient', (SELECT jsonb_build_object('id', p.id, 'mrn', p.medical_record_number, 'firstAr', p.first_name_ar,
      'lastAr', p.last_name_ar, 'firstEn', p.first_name_en, 'lastEn', p.last_name_en, 'birthDate', p.date_of_birth,
      'gender', p.gender, 'phone', p.phone, 'email', p.email, 'language', p.preferred_language)
    FROM patients p WHERE p.id = $1),
  'encounters', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', e.id, 'status', e.status, 'kind', e.kind,
      'doctorId', e.doctor_id, 'locationId', e.location_id, 'appointmentId', e.appointment_id,
      'chiefComplaint', e.chief_complaint, 'start', e.started_at, 'end', e.ended_at) ORDER BY e.started_at), '[]'::jsonb)
    FROM encounters e WHERE e.patient_id = $1),
  'doctors', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', d.id, 'firstAr', u.first_name_ar, 'lastAr', u.last_name_ar,
      'firstEn', u.first_name_en, 'lastEn', u.last_name_en, 'license', d.license_number, 'specialtyEn', d.specialty_en,
      'specialtyAr', d.specialty_ar)), '[]'::jsonb)
    FROM doctors d JOIN users u ON u.id = d.user_id
    WHERE d.id IN (SELECT e.doctor_id FROM encounters e WHERE e.patient_id = $1
                   UNION SELECT a.doctor_id FROM appointments a WHERE a.patient_id = $1
                   UNION SELECT d2.id FROM clinical_notes n JOIN doctors d2 ON d2.user_id = n.author_id
                         WHERE n.patient_id = $1 AND n.signed_at IS NOT NULL
                   UNION SELECT d3.id FROM prescriptions r JOIN doctors d3 ON d3.user_id = r.prescriber_id
                         WHERE r.patient_id = $1)),
  'locations', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', l.id, 'nameAr', l.name_ar, 'nameEn', l.name_en,
      'phone', l.phone)), '[]'::jsonb)
    FROM clinic_locations l WHERE l.id IN (SELECT e.location_id FROM encounters e WHERE e.patient_id = $1
                                           UNION SELECT a.location_id FROM appointments a WHERE a.patient_id = $1)),
  'organization', clinic_organization_json(),
  'appointments', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'status', a.status, 'type', a.type,
      'start', a.starts_at, 'end', a.ends_at, 'created', a.created_at, 'doctorId', a.doctor_id, 'locationId', a.location_id,
      'serviceCode', s.code, 'serviceEn', s.name_en, 'serviceAr', s.name_ar, 'cancellationReason', a.cancellation_reason)
      ORDER BY a.starts_at), '[]'::jsonb)
    FROM appointments a JOIN services s ON s.id = a.service_id WHERE a.patient_id = $1),
  'notes', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', n.id, 'encounterId', n.encounter_id, 'kind', n.kind,
      'amendsId', n.amends_id, 'format', n.format, 'subjective', n.subjective, 'objective', n.objective,
      'assessment', n.assessment, 'plan', n.plan, 'text', n.body, 'signedAt', n.signed_at,
      'authorDoctorId', (SELECT d.id FROM doctors d WHERE d.user_id = n.author_id),
      'authorName', (SELECT nullif(concat_ws(' ', u.first_name_en, u.last_name_en), '') FROM users u WHERE u.id = n.author_id))
      ORDER BY n.signed_at, n.id), '[]'::jsonb)
    FROM clinical_notes n WHERE n.patient_id = $1 AND n.signed_at IS NOT NULL),
  'conditions', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', g.id, 'encounterId', g.encounter_id, 'code', g.code,
      'titleEn', c.title_en, 'titleAr', c.title_ar, 'rank', g.rank, 'status', g.clinical_status,
      'onset', g.onset_date, 'resolved', g.resolved_date, 'recorded', g.created_at) ORDER BY g.created_at), '[]'::jsonb)
    FROM diagnoses g JOIN icd10_codes c ON c.code = g.code WHERE g.patient_id = $1),
  'observations', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'encounterId', o.encounter_id, 'kind', o.kind,
      'loinc', o.loinc, 'value', o.value, 'unit', o.unit, 'low', o.reference_low, 'high', o.reference_high,
      'flag', o.abnormal_flag, 'effective', o.effective_at, 'status', o.status) ORDER BY o.effective_at), '[]'::jsonb)
    FROM observations o WHERE o.patient_id = $1),
  'allergies', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', a.id, 'substance', a.substance, 'reaction', a.reaction,
      'severity', a.severity, 'status', a.status, 'recorded', a.created_at) ORDER BY a.created_at), '[]'::jsonb)
    FROM allergies a WHERE a.patient_id = $1),
  'prescriptions', (SELECT coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'encounterId', r.encounter_id,
      'prescriberId', (SELECT d.id FROM doctors d WHERE d.user_id = r.prescriber_id), 'drug', r.drug_name, 'dose', r.dose,
      'route', r.route, 'frequency', r.frequency, 'durationDays', r.duration_days, 'quantity', r.quantity,
      'refills', r.refills, 'instructions', r.instructions, 'status', r.status, 'authored', r.created_at)
      ORDER BY r.created_at), '[]'::jsonb)
    FROM prescriptions r WHERE r.patient_id = $1),
  'files', (SELECT coalesce(jsonb_agg(clinical_file_json(f) ORDER BY f.created_at), '[]'::jsonb)
    FROM clinical_files f WHERE f.patient_id = $1)
) AS body;

-- name: record_patient_unfiltered
-- Which patient a prescription, diagnosis or observation belongs to ($1 the table), whatever row-level
-- security shows: only so that a refusal can be the patient's 403/404. Never returns clinical content.
SELECT clinical_record_patient($1::text, $2::uuid) AS patient_id;

-- name: lock_prescriptions
SELECT r.status FROM prescriptions r WHERE r.id = $1 FOR UPDATE;

-- name: lock_diagnoses
SELECT g.clinical_status AS status FROM diagnoses g WHERE g.id = $1 FOR UPDATE;

-- name: lock_observations
SELECT o.status FROM observations o WHERE o.id = $1 FOR UPDATE;

-- name: change_prescription_status
-- The reason is kept when one is given (always for entered_in_error); the trigger stamps who and when.
UPDATE prescriptions r SET status = $2::text, status_reason = coalesce($3::text, r.status_reason)
WHERE r.id = $1
RETURNING clinical_prescription_json(r) AS body;

-- name: change_diagnosis_status
-- $4: the abatement date when it becomes resolved
UPDATE diagnoses g SET clinical_status = $2::text,
  error_reason = CASE WHEN $2::text = 'entered_in_error' THEN $3::text ELSE g.error_reason END,
  resolved_date = CASE WHEN $2::text = 'resolved' THEN $4::date ELSE g.resolved_date END
WHERE g.id = $1
RETURNING clinical_diagnosis_json(g) AS body;

-- name: change_observation_status
UPDATE observations o SET status = $2::text, error_reason = $3::text
WHERE o.id = $1
RETURNING clinical_observation_json(o) AS body;

-- name: demo_files_to_write
-- The demo clinic's file rows whose bytes the verticle writes at start when the store lacks them (DemoFiles).
SELECT id, storage_key, template FROM clinical_demo_files_to_write();

-- name: demo_file_stored
-- $2 the key read before: another node that wrote first changed it, and this update then writes nothing.
SELECT clinical_demo_file_stored($1::uuid, $2::text, $3::text, $4::bigint, $5::text) AS written;

-- name: thumbnail_stored
-- Once per image, by a clinician who may write the patient's record (the function checks it again).
SELECT clinical_file_thumbnail_stored($1::uuid, $2::text) AS written;
