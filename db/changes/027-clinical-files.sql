--liquibase formatted sql

--changeset moeen:027-clinical-files
-- Seeds 002/003's file uploads (X-rays, scans, photos, reports, documents). The bytes live outside the
-- database in the file store (MOEEN_DATA_DIR/files by default); a row names them by storage key, with
-- the type sniffed from the bytes, the size and the SHA-256 measured while they streamed in.
CREATE TABLE clinical_files (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id   uuid        NOT NULL REFERENCES patients (id),
  encounter_id uuid        REFERENCES encounters (id),
  category     varchar(20) NOT NULL CHECK (category IN ('xray', 'scan', 'photo', 'report', 'document', 'other')),
  title        text        CHECK (length(title) BETWEEN 1 AND 200),
  file_name    text        CHECK (length(file_name) BETWEEN 1 AND 255),
  content_type varchar(40) NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png', 'application/dicom')),
  size_bytes   bigint      NOT NULL CHECK (size_bytes > 0),
  sha256       char(64)    NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key  text        NOT NULL UNIQUE,
  uploaded_by  uuid        NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clinical_files_patient ON clinical_files (patient_id, created_at DESC);
CREATE TRIGGER clinical_files_audit AFTER INSERT OR UPDATE OR DELETE ON clinical_files FOR EACH ROW EXECUTE FUNCTION audit_row_change();

ALTER TABLE clinical_files ENABLE ROW LEVEL SECURITY;
CREATE POLICY clinical_files_read ON clinical_files FOR SELECT
  USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY clinical_files_insert ON clinical_files FOR INSERT
  WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()) AND uploaded_by = app_user_id());

--changeset moeen:027-clinical-files-functions splitStatements:false
-- Which patient a file belongs to, whatever row-level security shows: so that a refusal can be the
-- patient's 403/404. Returns nothing clinical.
CREATE OR REPLACE FUNCTION clinical_file_patient(file uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT f.patient_id FROM clinical_files f WHERE f.id = file
$$;

CREATE OR REPLACE FUNCTION clinical_file_json(f clinical_files) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', f.id, 'patientId', f.patient_id, 'encounterId', f.encounter_id,
    'category', f.category, 'title', f.title, 'fileName', f.file_name, 'contentType', f.content_type,
    'size', f.size_bytes, 'sha256', f.sha256, 'uploadedBy', f.uploaded_by, 'uploadedAt', f.created_at))
$$;
