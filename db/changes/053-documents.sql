--liquibase formatted sql

--changeset moeen:053-documents-permissions
-- Document templates and rendered documents (issue 22, "Templates and documents"; issue 18's printed
-- prescription). docs/documents.md has the model and the choices. Rendering and reading a patient's
-- documents use the clinical permissions (clinical.write.care / clinical.read.care /
-- medical_records.read.own): a document is part of the clinical record. Only templates are new.
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('documents.templates.manage', 'Manage the clinic''s global document templates',
   'إدارة قوالب المستندات العامة للعيادة'),
  ('documents.templates.write', 'Keep one''s own document templates and use the global ones',
   'إعداد قوالب المستندات الخاصة بالطبيب واستخدام القوالب العامة');

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (r.code = 'admin' AND p.code = 'documents.templates.manage')
  OR (r.code = 'doctor' AND p.code = 'documents.templates.write');

--changeset moeen:053-documents-tables
-- A template is a kind, an owner (none: global) and its versions; a version is never changed (REVOKE
-- below): an edit is a new version, and a rendered document names the version it was filled from.
CREATE TABLE document_templates (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  kind            varchar(20) NOT NULL CHECK (kind IN ('medical_report', 'sick_leave', 'referral', 'consent', 'prescription')),
  -- the specialist whose own template this is; NULL: a global template, managed by the admin
  owner_doctor_id uuid        REFERENCES doctors (id),
  current_version integer     NOT NULL DEFAULT 1 CHECK (current_version >= 1),
  is_active       boolean     NOT NULL DEFAULT true,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX document_templates_owner ON document_templates (owner_doctor_id, kind);
CREATE TRIGGER document_templates_updated_at BEFORE UPDATE ON document_templates FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER document_templates_audit AFTER INSERT OR UPDATE OR DELETE ON document_templates FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE document_template_versions (
  template_id uuid        NOT NULL REFERENCES document_templates (id),
  version     integer     NOT NULL CHECK (version >= 1),
  name_ar     text        NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en     text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  -- text with {{placeholders}}; blank lines separate paragraphs. Placeholders checked by the service.
  body_ar     text        NOT NULL CHECK (length(body_ar) BETWEEN 1 AND 20000),
  body_en     text        NOT NULL CHECK (length(body_en) BETWEEN 1 AND 20000),
  created_by  uuid        REFERENCES users (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (template_id, version)
);
CREATE TRIGGER document_template_versions_audit AFTER INSERT OR UPDATE OR DELETE ON document_template_versions FOR EACH ROW EXECUTE FUNCTION audit_row_change();
REVOKE UPDATE, DELETE, TRUNCATE ON document_template_versions FROM moeen_app;

-- A rendered document: the PDF is a clinical file of the patient (category 'report'); this row says
-- which template version and language it was filled from. Never changed.
CREATE TABLE patient_documents (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id       uuid        NOT NULL REFERENCES patients (id),
  encounter_id     uuid        REFERENCES encounters (id),
  template_id      uuid        NOT NULL,
  template_version integer     NOT NULL,
  kind             varchar(20) NOT NULL,
  title            text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  language         varchar(2)  NOT NULL CHECK (language IN ('ar', 'en')),
  file_id          uuid        NOT NULL UNIQUE REFERENCES clinical_files (id),
  created_by       uuid        NOT NULL REFERENCES users (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (template_id, template_version) REFERENCES document_template_versions (template_id, version)
);
CREATE INDEX patient_documents_patient ON patient_documents (patient_id, created_at DESC);
CREATE TRIGGER patient_documents_audit AFTER INSERT OR UPDATE OR DELETE ON patient_documents FOR EACH ROW EXECUTE FUNCTION audit_row_change();
REVOKE UPDATE, DELETE, TRUNCATE ON patient_documents FROM moeen_app;

--changeset moeen:053-documents-functions splitStatements:false
-- The acting user's doctor row, if any.
CREATE OR REPLACE FUNCTION app_doctor_id() RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT d.id FROM doctors d WHERE d.user_id = app_user_id()
$$;

-- What fills a template's placeholders, once the handler has allowed the act: the patient, the doctor
-- (the encounter's, else the acting user's), the clinic (the encounter's location, else the first one;
-- its name as billing's seller when one is set) and the encounter with its diagnoses.
CREATE OR REPLACE FUNCTION documents_context(patient uuid, encounter uuid, doctor_user uuid) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  WITH e AS (SELECT * FROM encounters WHERE id = encounter AND patient_id = patient),
       d AS (SELECT d.*, u.first_name_ar, u.last_name_ar, u.first_name_en, u.last_name_en
             FROM doctors d JOIN users u ON u.id = d.user_id
             WHERE d.id = coalesce((SELECT doctor_id FROM e), (SELECT id FROM doctors WHERE user_id = doctor_user))),
       l AS (SELECT l.*, s.name_ar AS seller_ar, s.name_en AS seller_en, s.vat_number
             FROM clinic_locations l LEFT JOIN billing_sellers s ON s.location_id = l.id
             ORDER BY (l.id = (SELECT location_id FROM e)) DESC NULLS LAST, l.created_at, l.code LIMIT 1)
  SELECT jsonb_build_object(
    'patient', (SELECT jsonb_build_object('nameAr', nullif(concat_ws(' ', p.first_name_ar, p.last_name_ar), ''),
                  'nameEn', nullif(concat_ws(' ', p.first_name_en, p.last_name_en), ''), 'mrn', p.medical_record_number,
                  'dateOfBirth', p.date_of_birth, 'gender', p.gender) FROM patients p WHERE p.id = patient),
    'doctor', (SELECT jsonb_build_object('nameAr', nullif(concat_ws(' ', d.first_name_ar, d.last_name_ar), ''),
                  'nameEn', nullif(concat_ws(' ', d.first_name_en, d.last_name_en), ''), 'specialtyAr', d.specialty_ar,
                  'specialtyEn', d.specialty_en, 'license', d.license_number) FROM d),
    'clinic', (SELECT jsonb_build_object('nameAr', coalesce(l.seller_ar, l.name_ar), 'nameEn', coalesce(l.seller_en, l.name_en),
                  'addressAr', l.address_ar, 'addressEn', l.address_en, 'phone', l.phone, 'vatNumber', l.vat_number,
                  'timeZone', l.time_zone) FROM l),
    'encounter', (SELECT jsonb_build_object('id', e.id, 'startedAt', e.started_at, 'complaint', e.chief_complaint,
                  'diagnosesAr', (SELECT string_agg(c.title_ar || ' (' || g.code || ')', '، ' ORDER BY g.created_at)
                                  FROM diagnoses g JOIN icd10_codes c ON c.code = g.code WHERE g.encounter_id = e.id AND g.clinical_status <> 'entered_in_error'),
                  'diagnosesEn', (SELECT string_agg(c.title_en || ' (' || g.code || ')', ', ' ORDER BY g.created_at)
                                  FROM diagnoses g JOIN icd10_codes c ON c.code = g.code WHERE g.encounter_id = e.id AND g.clinical_status <> 'entered_in_error')) FROM e))
$$;

-- The prescription's patient and encounter, whatever row-level security shows: so that a refusal can be
-- the patient's 403/404. Returns nothing clinical.
CREATE OR REPLACE FUNCTION documents_prescription_owner(prescription uuid) RETURNS TABLE (patient_id uuid, encounter_id uuid, prescriber_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT r.patient_id, r.encounter_id, r.prescriber_id FROM prescriptions r WHERE r.id = prescription
$$;

-- The drug lines of a prescription: the ones its prescriber wrote in the same visit (not in error),
-- this one first.
CREATE OR REPLACE FUNCTION documents_prescription_lines(prescription uuid) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT coalesce(jsonb_agg(jsonb_strip_nulls(jsonb_build_object('drug', o.drug_name, 'dose', o.dose, 'route', o.route,
           'frequency', o.frequency, 'durationDays', o.duration_days, 'quantity', o.quantity, 'refills', o.refills,
           'instructions', o.instructions, 'createdAt', o.created_at)) ORDER BY (o.id = r.id) DESC, o.created_at), '[]'::jsonb)
  FROM prescriptions r JOIN prescriptions o ON o.encounter_id = r.encounter_id AND o.prescriber_id = r.prescriber_id
  WHERE r.id = prescription AND (o.id = r.id OR o.status <> 'entered_in_error')
$$;

ALTER TABLE document_templates ENABLE ROW LEVEL SECURITY;
CREATE POLICY document_templates_read ON document_templates FOR SELECT
  USING (app_has_permission('documents.templates.manage') OR app_has_permission('clinical.write.care')
         OR app_has_permission('documents.templates.write'));
CREATE POLICY document_templates_insert ON document_templates FOR INSERT
  WITH CHECK ((owner_doctor_id IS NULL AND app_has_permission('documents.templates.manage'))
           OR (owner_doctor_id = app_doctor_id() AND app_has_permission('documents.templates.write')));
CREATE POLICY document_templates_update ON document_templates FOR UPDATE
  USING ((owner_doctor_id IS NULL AND app_has_permission('documents.templates.manage'))
      OR (owner_doctor_id = app_doctor_id() AND app_has_permission('documents.templates.write')))
  WITH CHECK ((owner_doctor_id IS NULL AND app_has_permission('documents.templates.manage'))
           OR (owner_doctor_id = app_doctor_id() AND app_has_permission('documents.templates.write')));

ALTER TABLE document_template_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY document_template_versions_read ON document_template_versions FOR SELECT USING (true);
CREATE POLICY document_template_versions_insert ON document_template_versions FOR INSERT
  WITH CHECK (created_by = app_user_id() AND template_id IN (SELECT id FROM document_templates));

ALTER TABLE patient_documents ENABLE ROW LEVEL SECURITY;
CREATE POLICY patient_documents_read ON patient_documents FOR SELECT
  USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY patient_documents_insert ON patient_documents FOR INSERT
  WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()) AND created_by = app_user_id());

--changeset moeen:053-documents-json splitStatements:false
-- Whether the acting clinician reads / writes the patient's record, and whether the patient exists:
-- the handlers' test, the same as the policies'.
CREATE OR REPLACE FUNCTION documents_care(patient uuid) RETURNS TABLE (reads boolean, writes boolean, patient_exists boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT patient IN (SELECT app_clinician_read_patients()),
         patient IN (SELECT app_clinician_write_patients()),
         EXISTS (SELECT 1 FROM patients p WHERE p.id = patient)
$$;

CREATE OR REPLACE FUNCTION document_template_json(t document_templates, v document_template_versions) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', t.id, 'kind', t.kind,
    'scope', CASE WHEN t.owner_doctor_id IS NULL THEN 'global' ELSE 'own' END, 'ownerDoctorId', t.owner_doctor_id,
    'version', v.version, 'nameAr', v.name_ar, 'nameEn', v.name_en, 'bodyAr', v.body_ar, 'bodyEn', v.body_en,
    'versionCreatedAt', v.created_at, 'createdAt', t.created_at))
$$;

CREATE OR REPLACE FUNCTION patient_document_json(d patient_documents) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', d.id, 'patientId', d.patient_id, 'encounterId', d.encounter_id,
    'templateId', d.template_id, 'templateVersion', d.template_version, 'language', d.language,
    'kind', d.kind, 'title', d.title,
    'fileId', d.file_id, 'contentUrl', '/v1/files/' || d.file_id || '/content', 'createdBy', d.created_by, 'createdAt', d.created_at))
$$;
