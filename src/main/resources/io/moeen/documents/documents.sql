-- SQL of the documents feature. Every statement runs inside SessionContext.inTransaction, so the
-- row-level security policies (db/changes/053-documents.sql) and the audit triggers know who acts.

-- name: care
-- Whether the acting clinician reads / writes the patient's record, and whether the patient exists.
SELECT c.reads, c.writes, c.patient_exists FROM documents_care($1::uuid) c;

-- name: my_doctor
SELECT app_doctor_id() AS doctor_id;

-- name: templates_list
-- Global templates and the caller's own; $1 a kind or NULL.
SELECT document_template_json(t, v) AS body
FROM document_templates t JOIN document_template_versions v ON v.template_id = t.id AND v.version = t.current_version
WHERE (t.owner_doctor_id IS NULL OR t.owner_doctor_id = app_doctor_id()) AND t.is_active
  AND ($1::text IS NULL OR t.kind = $1)
ORDER BY t.owner_doctor_id NULLS FIRST, t.kind, v.name_en;

-- name: template_get
-- One template as the caller sees it (global or own); $2 a version or NULL for the current one.
SELECT document_template_json(t, v) AS body, t.owner_doctor_id, t.kind, v.version, v.name_ar, v.name_en, v.body_ar, v.body_en
FROM document_templates t JOIN document_template_versions v ON v.template_id = t.id AND v.version = coalesce($2::int, t.current_version)
WHERE t.id = $1 AND (t.owner_doctor_id IS NULL OR t.owner_doctor_id = app_doctor_id());

-- name: template_insert
INSERT INTO document_templates (kind, owner_doctor_id) VALUES ($1, $2) RETURNING id;

-- name: template_find
-- The template to revise as the caller sees it (global or own), before deciding whether they may.
SELECT t.owner_doctor_id FROM document_templates t
WHERE t.id = $1 AND (t.owner_doctor_id IS NULL OR t.owner_doctor_id = app_doctor_id());

-- name: template_lock
-- The template to revise, locked (row-level security lets only its manager lock it): one version at a time.
SELECT t.current_version FROM document_templates t WHERE t.id = $1 FOR UPDATE;

-- name: template_bump
UPDATE document_templates SET current_version = $2 WHERE id = $1;

-- name: version_insert
INSERT INTO document_template_versions (template_id, version, name_ar, name_en, body_ar, body_en, created_by)
VALUES ($1, $2, $3, $4, $5, $6, app_user_id());

-- name: prescription_layout
-- The prescription layout: the prescriber's own when they keep one, else the newest global one.
SELECT v.name_ar, v.name_en, v.body_ar, v.body_en
FROM document_templates t JOIN document_template_versions v ON v.template_id = t.id AND v.version = t.current_version
WHERE t.kind = 'prescription' AND t.is_active
  AND (t.owner_doctor_id IS NULL OR t.owner_doctor_id = (SELECT d.id FROM doctors d WHERE d.user_id = $1))
ORDER BY t.owner_doctor_id NULLS LAST, t.created_at DESC LIMIT 1;

-- name: context
SELECT documents_context($1::uuid, $2::uuid, $3::uuid) AS body;

-- name: encounter_patient
SELECT clinical_encounter_patient($1::uuid) AS patient_id;

-- name: prescription_owner
SELECT o.patient_id, o.encounter_id, o.prescriber_id FROM documents_prescription_owner($1::uuid) o;

-- name: prescription_lines
SELECT documents_prescription_lines($1::uuid) AS body;

-- name: insert_file
-- The rendered PDF as the patient's clinical file (a report), as an upload would be.
INSERT INTO clinical_files (patient_id, encounter_id, category, title, file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
VALUES ($1, $2, 'report', $3, $4, 'application/pdf', $5, $6, $7, app_user_id())
RETURNING id;

-- name: insert_document
INSERT INTO patient_documents (patient_id, encounter_id, template_id, template_version, kind, title, language, file_id, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, app_user_id())
RETURNING patient_document_json(patient_documents.*) AS body;

-- name: documents_list
SELECT patient_document_json(d.*) AS body FROM patient_documents d WHERE d.patient_id = $1 ORDER BY d.created_at DESC LIMIT 200;

-- name: audit_read
-- Reads of documents are audited by the application (writes by the triggers).
INSERT INTO audit_logs (user_id, role, action, entity_type, entity_id, patient_id, new_values, ip_address, request_id)
VALUES (app_user_id(), app_setting('role'), $4, $1, $2, $5::uuid, $3::jsonb, app_setting('ip')::inet, app_setting('request_id'));
