-- SQL of the education feature. Every statement runs inside SessionContext.inTransaction, so the row-level
-- security policies (db/changes/054-education.sql) and the audit triggers know who acts.

-- name: care
SELECT c.reads, c.writes, c.patient_exists FROM education_care($1::uuid) c;

-- name: insert_file
INSERT INTO education_files (file_name, content_type, size_bytes, sha256, storage_key, uploaded_by)
VALUES ($1, $2, $3, $4, $5, app_user_id())
RETURNING jsonb_strip_nulls(jsonb_build_object('id', id, 'fileName', file_name, 'contentType', content_type,
  'size', size_bytes, 'sha256', sha256, 'createdAt', created_at)) AS body;

-- name: file_owner
-- Who uploaded a file, and whether a material already uses it.
SELECT f.uploaded_by, EXISTS (SELECT 1 FROM education_materials m WHERE m.file_id = f.id) AS used
FROM education_files f WHERE f.id = $1;

-- name: insert_material
-- $1 kind, $2..$5 titles and summaries (ar, en), $6..$7 bodies, $8 link, $9 file, $10 published on, $11 tags
INSERT INTO education_materials (kind, title_ar, title_en, summary_ar, summary_en, body_ar, body_en, video_url, file_id,
                                 published_on, author_id, tags)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, app_user_id(), $11::text[])
RETURNING id;

-- name: material
SELECT v.body, v.archived_at, v.author_id FROM education_material_json v WHERE v.id = $1;

-- name: materials
-- $1 tag (exact, lower case), $2 words (an ILIKE pattern) in titles, summaries or tags, $3 kind,
-- $4 archived ones too, $5 the author
SELECT v.body FROM education_material_json v
WHERE ($1::text IS NULL OR $1 = ANY (v.tags))
  AND ($2::text IS NULL OR v.title_ar ILIKE $2 OR v.title_en ILIKE $2 OR v.summary_ar ILIKE $2 OR v.summary_en ILIKE $2
       OR EXISTS (SELECT 1 FROM unnest(v.tags) t WHERE t ILIKE $2))
  AND ($3::text IS NULL OR v.kind = $3)
  AND ($4::boolean OR v.archived_at IS NULL)
  AND ($5::uuid IS NULL OR v.author_id = $5)
ORDER BY v.published_on DESC, v.id
LIMIT 200;

-- name: assigned_to_own
-- Whether the material was given to the caller or to a patient who shared their record with them.
SELECT EXISTS (SELECT 1 FROM education_assignments a
               WHERE a.material_id = $1 AND a.patient_id IN (SELECT app_own_record_patients())) AS assigned;

-- name: material_file
SELECT f.file_name, f.content_type, f.sha256, f.storage_key
FROM education_materials m JOIN education_files f ON f.id = m.file_id WHERE m.id = $1;

-- name: archive_material
UPDATE education_materials SET archived_at = coalesce(archived_at, now()) WHERE id = $1 RETURNING id;

-- name: assign
-- The assignment ($1 its id, $2 material, $3 patient, $4 comment) and what it owes the patient in the outbox: an
-- in-app message to their account, and a WhatsApp message when they agreed to WhatsApp, in their language.
WITH a AS (
  INSERT INTO education_assignments (id, material_id, patient_id, assigned_by, comment)
  VALUES ($1, $2, $3, app_user_id(), $4)
  RETURNING *
), outbox AS (
  INSERT INTO notifications (recipient_user_id, recipient_phone, channel, event_type, locale, payload, priority,
                             next_attempt_at, idempotency_key)
  SELECT CASE WHEN c.channel = 'in_app' THEN p.user_id END, CASE WHEN c.channel = 'whatsapp' THEN p.phone END,
         c.channel, 'education_assigned', p.locale,
         jsonb_build_object('assignmentId', a.id, 'materialId', a.material_id, 'titleAr', m.title_ar, 'titleEn', m.title_en,
           'assignedByAr', coalesce(nullif(concat_ws(' ', u.first_name_ar, u.last_name_ar), ''), 'العيادة'),
           'assignedByEn', coalesce(nullif(concat_ws(' ', u.first_name_en, u.last_name_en), ''), 'The clinic')),
         'normal', now(), 'education:' || a.id || ':' || c.channel
  FROM a
  JOIN education_materials m ON m.id = a.material_id
  LEFT JOIN users u ON u.id = a.assigned_by
  CROSS JOIN education_patient(a.patient_id) p
  CROSS JOIN (VALUES ('in_app'), ('whatsapp')) AS c (channel)
  WHERE (c.channel = 'in_app' AND p.user_id IS NOT NULL) OR (c.channel = 'whatsapp' AND p.whatsapp_consent)
  RETURNING channel
)
SELECT a.id, (SELECT coalesce(array_agg(o.channel::text ORDER BY o.channel), '{}') FROM outbox o) AS channels FROM a;

-- name: assignment
SELECT v.body FROM education_assignment_json v WHERE v.id = $1 AND v.patient_id = $2;

-- name: patient_assignments
SELECT v.body FROM education_assignment_json v WHERE v.patient_id = $1
ORDER BY v.assigned_at DESC, v.id
LIMIT 200;

-- name: assignments
-- Who read what: $1 every assignment (the admin) or the caller's own, $2 one material, $3 read | unread
SELECT v.body FROM education_assignment_json v
WHERE ($1::boolean OR v.assigned_by = app_user_id())
  AND ($2::uuid IS NULL OR v.material_id = $2)
  AND ($3::text IS NULL OR ($3 = 'read') = (v.read_at IS NOT NULL))
ORDER BY v.assigned_at DESC, v.id
LIMIT 500;

-- name: mark_read
-- The first reading counts; reading again changes nothing.
UPDATE education_assignments SET read_at = now(), read_by = app_user_id()
WHERE id = $1 AND patient_id = $2 AND read_at IS NULL
RETURNING id;

