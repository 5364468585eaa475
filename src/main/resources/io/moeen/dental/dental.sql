-- SQL of the dental feature. Every statement runs inside SessionContext.inTransaction, so the
-- row-level security policies (db/changes/050-dental-chart.sql) and the audit triggers know who acts.

-- name: dental_care
SELECT c.reads, c.writes, c.assists, c.patient_exists, c.adult FROM dental_care($1::uuid) c;

-- name: encounter_patient
-- Which patient an encounter belongs to, whatever row-level security shows (an assistant sees no encounters).
SELECT clinical_encounter_patient($1::uuid) AS patient_id;

-- name: lock_chart
-- One writer at a time per patient's chart: version numbers follow one another without gaps.
SELECT pg_advisory_xact_lock(hashtextextended('dental_chart:' || $1::text, 0));

-- name: current_version
SELECT coalesce(max(version), 0) AS version FROM dental_chart_versions WHERE patient_id = $1;

-- name: insert_version
-- clock_timestamp(), not now(): taken after the chart's lock, so a later version never has an earlier time
INSERT INTO dental_chart_versions (patient_id, version, encounter_id, recorded_by, adult, comment, recorded_at)
VALUES ($1, $2, $3, app_user_id(), $4, $5, clock_timestamp())
RETURNING id, version, recorded_at;

-- name: insert_teeth
-- $3: [{tooth, state}]
INSERT INTO dental_chart_teeth (version_id, patient_id, tooth, state)
SELECT $1, $2, (e ->> 'tooth')::smallint, e -> 'state' FROM jsonb_array_elements($3::jsonb) e;

-- name: chart_at
-- Each tooth's latest state recorded up to $2, with the version that set it.
SELECT DISTINCT ON (t.tooth) jsonb_build_object('tooth', t.tooth) || t.state
       || jsonb_build_object('version', v.version, 'recordedAt', v.recorded_at) AS body
FROM dental_chart_teeth t JOIN dental_chart_versions v ON v.id = t.version_id
WHERE t.patient_id = $1 AND v.recorded_at <= $2
ORDER BY t.tooth, v.version DESC;

-- name: version_at
SELECT coalesce(max(version), 0) AS version, max(recorded_at) AS recorded_at
FROM dental_chart_versions WHERE patient_id = $1 AND recorded_at <= $2;

-- name: history
SELECT jsonb_strip_nulls(jsonb_build_object('version', v.version, 'recordedAt', v.recorded_at,
  'recordedBy', jsonb_build_object('id', v.recorded_by,
      'name', jsonb_build_object('ar', nullif(concat_ws(' ', u.first_name_ar, u.last_name_ar), ''),
                                 'en', nullif(concat_ws(' ', u.first_name_en, u.last_name_en), ''))),
  'encounterId', v.encounter_id, 'comment', v.comment,
  'teeth', (SELECT jsonb_agg(jsonb_build_object('tooth', t.tooth) || t.state ORDER BY t.tooth)
            FROM dental_chart_teeth t WHERE t.version_id = v.id))) AS body
FROM dental_chart_versions v
LEFT JOIN users u ON u.id = v.recorded_by
WHERE v.patient_id = $1
ORDER BY v.version DESC
LIMIT $2;

-- name: insert_record
INSERT INTO dental_records (encounter_id, patient_id, treatment, diagnosis_code, diagnosis, teeth, note, recorded_by)
VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, app_user_id())
RETURNING id;

-- name: record_json
SELECT jsonb_strip_nulls(jsonb_build_object('id', r.id, 'encounterId', r.encounter_id, 'patientId', r.patient_id,
  'treatment', r.treatment, 'diagnosisCode', r.diagnosis_code, 'diagnosis', r.diagnosis, 'teeth', r.teeth,
  'note', r.note, 'recordedBy', r.recorded_by, 'createdAt', r.created_at)) AS body
FROM dental_records r WHERE r.id = $1;

-- name: records_of_patient
SELECT jsonb_strip_nulls(jsonb_build_object('id', r.id, 'encounterId', r.encounter_id, 'patientId', r.patient_id,
  'treatment', r.treatment, 'diagnosisCode', r.diagnosis_code, 'diagnosis', r.diagnosis, 'teeth', r.teeth,
  'note', r.note, 'recordedBy', r.recorded_by, 'createdAt', r.created_at)) AS body
FROM dental_records r WHERE r.patient_id = $1
ORDER BY r.created_at DESC, r.id
LIMIT 200;

-- name: audit_read
INSERT INTO audit_logs (user_id, role, action, entity_type, entity_id, patient_id, new_values, ip_address, request_id)
VALUES (app_user_id(), app_setting('role'), 'read', $1, $2, $3::uuid, $4::jsonb, app_setting('ip')::inet, app_setting('request_id'));

-- name: patient_label
SELECT l.name_ar, l.name_en, l.mrn FROM dental_patient_label($1::uuid) l;
