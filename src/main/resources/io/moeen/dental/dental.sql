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

-- ── Treatment plans (db/changes/051-dental-plans-images.sql) ──

-- name: plan_patient
SELECT dental_plan_patient($1::uuid) AS patient_id;

-- name: step_patient
SELECT dental_step_patient($1::uuid) AS patient_id;

-- name: location_exists
SELECT EXISTS (SELECT 1 FROM clinic_locations l WHERE l.id = $1) AS found;

-- name: service_exists
SELECT EXISTS (SELECT 1 FROM services s WHERE s.id = $1) AS found;

-- name: doctor_exists
SELECT EXISTS (SELECT 1 FROM doctors d WHERE d.id = $1) AS found;

-- name: insert_plan
INSERT INTO dental_plans (patient_id, location_id, title, description, starts_on, ends_on, created_by)
VALUES ($1, $2, $3, $4, $5, $6, app_user_id())
RETURNING id;

-- name: lock_plan
-- The plan's row, locked: steps are added, booked and completed one writer at a time per plan.
SELECT p.id, p.patient_id, p.status, p.location_id, p.title FROM dental_plans p WHERE p.id = $1 FOR UPDATE;

-- name: insert_step
-- $4: [{tooth, surfaces}]; the next position in the plan
INSERT INTO dental_plan_steps (plan_id, patient_id, position, service_id, doctor_id, teeth, scheduled_at, note)
SELECT $1, $2, coalesce((SELECT max(position) FROM dental_plan_steps WHERE plan_id = $1), 0) + 1, $3, $5, $4::jsonb, $6, $7
RETURNING id;

-- name: plan_status
UPDATE dental_plans SET status = $3 WHERE id = $1 AND status = $2 RETURNING id;

-- name: open_steps
SELECT count(*)::int AS open FROM dental_plan_steps WHERE plan_id = $1 AND status IN ('planned', 'booked');

-- name: steps_to_book
-- The plan's steps still planned (all of them, or those named in $2), in the plan's order.
SELECT s.id, s.service_id, s.doctor_id, s.scheduled_at, s.position
FROM dental_plan_steps s
WHERE s.plan_id = $1 AND s.status = 'planned' AND ($2::uuid[] IS NULL OR s.id = ANY ($2::uuid[]))
ORDER BY s.position;

-- name: step_booked
UPDATE dental_plan_steps SET status = 'booked', appointment_id = $2 WHERE id = $1 AND status = 'planned' RETURNING id;

-- name: lock_step
SELECT s.id, s.plan_id, s.status, p.status AS plan_status FROM dental_plan_steps s JOIN dental_plans p ON p.id = s.plan_id
WHERE s.id = $1 FOR UPDATE OF s, p;

-- name: step_complete
UPDATE dental_plan_steps SET status = 'completed', completed_at = now(), completed_by = app_user_id()
WHERE id = $1 AND status IN ('planned', 'booked') RETURNING id;

-- name: step_cancel
UPDATE dental_plan_steps SET status = 'cancelled' WHERE id = $1 AND status IN ('planned', 'booked') RETURNING id;

-- name: bill_step
SELECT dental_bill_step($1::uuid) AS invoice_id;

-- name: plan_json
-- A plan with its steps; its progress and estimated cost derived from the steps (never stored).
SELECT jsonb_strip_nulls(jsonb_build_object('id', p.id, 'patientId', p.patient_id, 'locationId', p.location_id,
  'title', p.title, 'description', p.description, 'startsOn', p.starts_on, 'endsOn', p.ends_on, 'status', p.status,
  'createdBy', p.created_by, 'createdAt', p.created_at, 'updatedAt', p.updated_at,
  'progress', (SELECT jsonb_build_object(
      'steps', count(*),
      'completed', count(*) FILTER (WHERE s.status = 'completed'),
      'booked', count(*) FILTER (WHERE s.status = 'booked'),
      'planned', count(*) FILTER (WHERE s.status = 'planned'),
      'cancelled', count(*) FILTER (WHERE s.status = 'cancelled'),
      'percent', CASE WHEN count(*) FILTER (WHERE s.status <> 'cancelled') = 0 THEN 0
                      ELSE floor(100.0 * count(*) FILTER (WHERE s.status = 'completed')
                                 / count(*) FILTER (WHERE s.status <> 'cancelled'))::int END)
    FROM dental_plan_steps s WHERE s.plan_id = p.id),
  'estimatedCost', (SELECT coalesce(sum(sv.price), 0) FROM dental_plan_steps s JOIN services sv ON sv.id = s.service_id
                    WHERE s.plan_id = p.id AND s.status <> 'cancelled'),
  'steps', coalesce((SELECT jsonb_agg(jsonb_strip_nulls(jsonb_build_object('id', s.id, 'planId', s.plan_id,
      'position', s.position, 'status', s.status, 'teeth', s.teeth, 'scheduledAt', s.scheduled_at, 'note', s.note,
      'service', jsonb_build_object('id', sv.id, 'code', sv.code, 'name', jsonb_build_object('ar', sv.name_ar, 'en', sv.name_en)),
      'estimatedCost', sv.price,
      'doctor', jsonb_build_object('id', d.id, 'name', jsonb_build_object(
          'ar', nullif(concat_ws(' ', u.first_name_ar, u.last_name_ar), ''),
          'en', nullif(concat_ws(' ', u.first_name_en, u.last_name_en), ''))),
      'appointmentId', s.appointment_id, 'completedAt', s.completed_at, 'invoiceId', s.invoice_id)) ORDER BY s.position)
    FROM dental_plan_steps s JOIN services sv ON sv.id = s.service_id JOIN doctors d ON d.id = s.doctor_id
    LEFT JOIN users u ON u.id = d.user_id
    WHERE s.plan_id = p.id), '[]'::jsonb))) AS body
FROM dental_plans p WHERE p.id = $1;

-- name: plans_of_patient
SELECT p.id FROM dental_plans p WHERE p.patient_id = $1 ORDER BY p.created_at DESC, p.id LIMIT 100;

-- ── Teeth images ──

-- name: insert_image_file
INSERT INTO clinical_files (patient_id, encounter_id, category, title, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, app_user_id())
RETURNING id;

-- name: insert_image
INSERT INTO dental_images (patient_id, tooth, kind, file_id, encounter_id, note, uploaded_by)
VALUES ($1, $2, $3, $4, $5, $6, app_user_id())
RETURNING id;

-- name: images_of_patient
-- $2: one tooth or all; $3: only the latest of each tooth and kind
SELECT jsonb_strip_nulls(jsonb_build_object('id', i.id, 'patientId', i.patient_id, 'tooth', i.tooth, 'kind', i.kind,
  'latest', i.is_latest, 'encounterId', i.encounter_id, 'note', i.note, 'uploadedBy', i.uploaded_by, 'uploadedAt', i.created_at,
  'file', jsonb_build_object('id', f.id, 'title', f.title, 'fileName', f.file_name, 'contentType', f.content_type,
                             'size', f.size_bytes, 'sha256', f.sha256))) AS body
FROM dental_images i JOIN clinical_files f ON f.id = i.file_id
WHERE i.patient_id = $1 AND ($2::smallint IS NULL OR i.tooth = $2) AND (NOT $3 OR i.is_latest)
ORDER BY i.tooth, i.kind, i.created_at DESC
LIMIT 500;

-- name: image_json
SELECT jsonb_strip_nulls(jsonb_build_object('id', i.id, 'patientId', i.patient_id, 'tooth', i.tooth, 'kind', i.kind,
  'latest', i.is_latest, 'encounterId', i.encounter_id, 'note', i.note, 'uploadedBy', i.uploaded_by, 'uploadedAt', i.created_at,
  'file', jsonb_build_object('id', f.id, 'title', f.title, 'fileName', f.file_name, 'contentType', f.content_type,
                             'size', f.size_bytes, 'sha256', f.sha256))) AS body
FROM dental_images i JOIN clinical_files f ON f.id = i.file_id
WHERE i.id = $1;

-- name: image_patient_unfiltered
SELECT dental_image_patient($1::uuid) AS patient_id;

-- name: image_file
SELECT f.storage_key, f.content_type, f.file_name, f.sha256 FROM dental_images i JOIN clinical_files f ON f.id = i.file_id
WHERE i.id = $1;
