--liquibase formatted sql

--changeset moeen:054-education-permissions
-- Patient education (issue 22, docs/education.md). Doctors (specialists) read the library, write
-- materials and assign them to the patients in their care; the admin manages every material and
-- assignment. Patients, and family members given medical_records.read, read theirs through the
-- existing medical_records.read.own. Marketers get nothing.
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('education.read',   'Read the library of educational materials',
   'الاطلاع على مكتبة المواد التثقيفية'),
  ('education.write',  'Write educational materials and assign them to one''s patients',
   'كتابة المواد التثقيفية وإسنادها إلى مرضاه'),
  ('education.manage', 'Manage every educational material and assignment',
   'إدارة جميع المواد التثقيفية وإسناداتها');

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (r.code = 'admin' AND p.code IN ('education.read', 'education.write', 'education.manage'))
  OR (r.code = 'doctor' AND p.code IN ('education.read', 'education.write'));

--changeset moeen:054-education-tables
-- A PDF of the library, uploaded through the generic upload path (x-moeen-upload) into the file store.
CREATE TABLE education_files (
  id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  file_name    text         CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type varchar(100) NOT NULL CHECK (content_type = 'application/pdf'),
  size_bytes   bigint       NOT NULL CHECK (size_bytes > 0),
  sha256       char(64)     NOT NULL,
  storage_key  text         NOT NULL UNIQUE,
  uploaded_by  uuid         NOT NULL REFERENCES users (id),
  created_at   timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE education_materials (
  id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  kind         varchar(8)   NOT NULL CHECK (kind IN ('article', 'video', 'pdf')),
  title_ar     text         NOT NULL CHECK (length(title_ar) BETWEEN 1 AND 200),
  title_en     text         NOT NULL CHECK (length(title_en) BETWEEN 1 AND 200),
  summary_ar   text         NOT NULL CHECK (length(summary_ar) BETWEEN 1 AND 2000),
  summary_en   text         NOT NULL CHECK (length(summary_en) BETWEEN 1 AND 2000),
  body_ar      text         CHECK (length(body_ar) BETWEEN 1 AND 50000),
  body_en      text         CHECK (length(body_en) BETWEEN 1 AND 50000),
  -- checked by the service (http or https, no credentials, a host); never fetched by the server
  video_url    text         CHECK (length(video_url) <= 2000 AND video_url ~* '^https?://[^/@\s]+'),
  file_id      uuid         UNIQUE REFERENCES education_files (id),
  published_on date         NOT NULL,
  author_id    uuid         NOT NULL REFERENCES users (id),
  -- topics, lower-cased by the service
  tags         text[]       NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
  archived_at  timestamptz,
  created_at   timestamptz  NOT NULL DEFAULT now(),
  updated_at   timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT education_materials_content CHECK (
       (kind = 'article' AND (body_ar IS NOT NULL OR body_en IS NOT NULL) AND video_url IS NULL AND file_id IS NULL)
    OR (kind = 'video' AND video_url IS NOT NULL AND body_ar IS NULL AND body_en IS NULL AND file_id IS NULL)
    OR (kind = 'pdf' AND file_id IS NOT NULL AND video_url IS NULL AND body_ar IS NULL AND body_en IS NULL))
);
CREATE INDEX education_materials_tags ON education_materials USING gin (tags);
CREATE INDEX education_materials_published ON education_materials (published_on DESC, id);
CREATE TRIGGER education_materials_updated_at BEFORE UPDATE ON education_materials
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER education_materials_audit AFTER INSERT OR UPDATE OR DELETE ON education_materials
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- A material given to a patient, once (the constraint below, not the service, decides under races).
CREATE TABLE education_assignments (
  id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  material_id  uuid         NOT NULL REFERENCES education_materials (id),
  patient_id   uuid         NOT NULL REFERENCES patients (id),
  assigned_by  uuid         NOT NULL REFERENCES users (id),
  comment      text         CHECK (length(comment) BETWEEN 1 AND 2000),
  assigned_at  timestamptz  NOT NULL DEFAULT now(),
  read_at      timestamptz,
  read_by      uuid         REFERENCES users (id),
  CONSTRAINT education_assignments_one_per_patient UNIQUE (patient_id, material_id),
  CONSTRAINT education_assignments_read CHECK ((read_at IS NULL) = (read_by IS NULL))
);
CREATE INDEX education_assignments_material ON education_assignments (material_id);
CREATE INDEX education_assignments_assigner ON education_assignments (assigned_by, assigned_at DESC);
CREATE TRIGGER education_assignments_audit AFTER INSERT OR UPDATE OR DELETE ON education_assignments
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();
-- The service only marks an assignment read; nothing else of it changes, nothing is deleted.
REVOKE UPDATE, DELETE, TRUNCATE ON education_assignments FROM moeen_app;
GRANT UPDATE (read_at, read_by) ON education_assignments TO moeen_app;
REVOKE DELETE, TRUNCATE ON education_materials, education_files FROM moeen_app;

--changeset moeen:054-education-row-level-security splitStatements:false
-- Whether the acting user may give material to this patient, may read their assignments, and whether
-- the patient exists: the handlers' test, the same as the policies'.
CREATE OR REPLACE FUNCTION education_care(patient uuid) RETURNS TABLE (reads boolean, writes boolean, patient_exists boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT app_has_permission('education.manage')
           OR (app_has_permission('education.read') AND patient IN (SELECT app_clinician_read_patients())),
         app_has_permission('education.manage')
           OR (app_has_permission('education.write') AND patient IN (SELECT app_clinician_write_patients())),
         EXISTS (SELECT 1 FROM patients p WHERE p.id = patient)
$$;

-- The patient as an assignment shows them, and how to reach them, once the handler has allowed the act
-- (a doctor reads the patients table, a family member may not): names, record number, account, phone,
-- language, and whether they agreed to WhatsApp messages.
CREATE OR REPLACE FUNCTION education_patient(patient uuid)
RETURNS TABLE (name_ar text, name_en text, mrn text, user_id uuid, phone text, locale text, whatsapp_consent boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT nullif(concat_ws(' ', p.first_name_ar, p.last_name_ar), ''), nullif(concat_ws(' ', p.first_name_en, p.last_name_en), ''),
         p.medical_record_number, p.user_id, p.phone, coalesce(p.preferred_language, 'ar'),
         p.phone IS NOT NULL AND has_marketing_consent(p.user_id, p.phone, NULL, 'whatsapp')
  FROM patients p WHERE p.id = patient
$$;

-- One representation of a material and of an assignment (the handlers select "body").
CREATE VIEW education_material_json WITH (security_invoker = true) AS
SELECT m.id, m.kind, m.tags, m.archived_at, m.published_on, m.author_id, m.title_ar, m.title_en, m.summary_ar, m.summary_en,
  jsonb_strip_nulls(jsonb_build_object('id', m.id, 'kind', m.kind,
    'title', jsonb_build_object('ar', m.title_ar, 'en', m.title_en),
    'summary', jsonb_build_object('ar', m.summary_ar, 'en', m.summary_en),
    'body', CASE WHEN m.kind = 'article' THEN jsonb_build_object('ar', m.body_ar, 'en', m.body_en) END,
    'videoUrl', m.video_url,
    'file', CASE WHEN f.id IS NOT NULL THEN jsonb_build_object('fileName', f.file_name, 'contentType', f.content_type,
                                                              'size', f.size_bytes) END,
    'publishedOn', m.published_on,
    'author', jsonb_build_object('id', m.author_id,
        'name', jsonb_build_object('ar', nullif(concat_ws(' ', u.first_name_ar, u.last_name_ar), ''),
                                   'en', nullif(concat_ws(' ', u.first_name_en, u.last_name_en), ''))),
    'tags', to_jsonb(m.tags), 'archivedAt', m.archived_at, 'createdAt', m.created_at)) AS body
FROM education_materials m
LEFT JOIN education_files f ON f.id = m.file_id
LEFT JOIN users u ON u.id = m.author_id;

CREATE VIEW education_assignment_json WITH (security_invoker = true) AS
SELECT a.id, a.patient_id, a.material_id, a.assigned_by, a.assigned_at, a.read_at,
  jsonb_strip_nulls(jsonb_build_object('id', a.id,
    'patient', jsonb_build_object('id', a.patient_id, 'name', jsonb_build_object('ar', pl.name_ar, 'en', pl.name_en),
                                  'medicalRecordNumber', pl.mrn),
    'material', mv.body, 'comment', a.comment,
    'assignedBy', jsonb_build_object('id', a.assigned_by,
        'name', jsonb_build_object('ar', nullif(concat_ws(' ', u.first_name_ar, u.last_name_ar), ''),
                                   'en', nullif(concat_ws(' ', u.first_name_en, u.last_name_en), ''))),
    'assignedAt', a.assigned_at, 'readAt', a.read_at)) AS body
FROM education_assignments a
JOIN education_material_json mv ON mv.id = a.material_id
LEFT JOIN users u ON u.id = a.assigned_by
CROSS JOIN LATERAL education_patient(a.patient_id) pl;

ALTER TABLE education_assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY education_assignments_read ON education_assignments FOR SELECT
  USING (app_has_permission('education.manage') OR assigned_by = app_user_id()
         OR (app_has_permission('education.read') AND patient_id IN (SELECT app_clinician_read_patients()))
         OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY education_assignments_insert ON education_assignments FOR INSERT
  WITH CHECK (assigned_by = app_user_id() AND (app_has_permission('education.manage')
              OR (app_has_permission('education.write') AND patient_id IN (SELECT app_clinician_write_patients()))));
-- marking read: the patient's own side only
CREATE POLICY education_assignments_mark_read ON education_assignments FOR UPDATE
  USING (patient_id IN (SELECT app_own_record_patients()))
  WITH CHECK (patient_id IN (SELECT app_own_record_patients()) AND read_by = app_user_id());

--changeset moeen:054-education-templates
-- What the patient receives when a material is assigned: in the app, and on WhatsApp when they consented.
WITH wording (event_type, locale, subject, body, wa_params) AS (VALUES
  ('education_assigned', 'ar', 'مادة تثقيفية جديدة',
   'أرسل إليك {assignedByAr} مادة تثقيفية بعنوان «{titleAr}». تجدها في بوابة المريض ضمن «موادي التثقيفية».',
   '["assignedByAr", "titleAr"]'),
  ('education_assigned', 'en', 'New health material for you',
   '{assignedByEn} shared a health material with you: "{titleEn}". You will find it in the patient portal under "My materials".',
   '["assignedByEn", "titleEn"]')
)
INSERT INTO notification_templates (event_type, channel, locale, subject, body, whatsapp_template_name,
                                    whatsapp_language, whatsapp_parameters)
SELECT w.event_type, c.channel, w.locale,
       CASE WHEN c.channel = 'in_app' THEN w.subject END,
       w.body,
       CASE WHEN c.channel = 'whatsapp' THEN 'moeen_' || w.event_type END,
       CASE WHEN c.channel = 'whatsapp' THEN w.locale END,
       CASE WHEN c.channel = 'whatsapp' THEN w.wa_params::jsonb ELSE '[]'::jsonb END
FROM wording w CROSS JOIN (VALUES ('in_app'), ('whatsapp')) AS c(channel);
