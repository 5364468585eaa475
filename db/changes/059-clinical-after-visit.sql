--liquibase formatted sql

--changeset moeen:059-clinic-organization splitStatements:false
-- The clinic as a FHIR Organization (docs/clinical.md, "FHIR R4 export"): its name in Arabic and English
-- (the clinic.name setting and its translations), phone and e-mail, and the VAT registration numbers of
-- its sellers when billing has any. Clinical comes before billing in the features' order, so billing's
-- table is read only if it exists (dynamic SQL), and read as the owner: the VAT number is public (it is
-- printed on every invoice); nothing else of billing's is returned.
CREATE OR REPLACE FUNCTION clinic_vat_numbers() RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
DECLARE
  found text[];
BEGIN
  IF to_regclass('public.billing_sellers') IS NULL THEN
    RETURN '{}'::text[];
  END IF;
  EXECUTE 'SELECT coalesce(array_agg(DISTINCT btrim(vat_number::text) ORDER BY btrim(vat_number::text)), ''{}''::text[]) FROM billing_sellers'
    INTO found;
  RETURN found;
END;
$$;
REVOKE ALL ON FUNCTION clinic_vat_numbers() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinic_vat_numbers() TO moeen_app;

CREATE OR REPLACE FUNCTION clinic_organization_json() RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object(
    'nameAr', coalesce((SELECT t.value FROM translations t WHERE t.entity_type = 'system_setting' AND t.entity_id = 'clinic.name'
                          AND t.field = 'value' AND t.locale = 'ar'), (SELECT s.value #>> '{}' FROM system_settings s WHERE s.key = 'clinic.name')),
    'nameEn', coalesce((SELECT t.value FROM translations t WHERE t.entity_type = 'system_setting' AND t.entity_id = 'clinic.name'
                          AND t.field = 'value' AND t.locale = 'en'), (SELECT s.value #>> '{}' FROM system_settings s WHERE s.key = 'clinic.name')),
    'phone', (SELECT s.value #>> '{}' FROM system_settings s WHERE s.key = 'clinic.phone'),
    'email', (SELECT s.value #>> '{}' FROM system_settings s WHERE s.key = 'clinic.email'),
    'vatNumbers', to_jsonb(clinic_vat_numbers())))
$$;

--changeset moeen:059-clinical-status-changes splitStatements:false
-- After the visit (docs/clinical.md, "After the visit"): a prescription is completed, stopped or entered in
-- error; a diagnosis resolved (with its abatement date) or entered in error; an observation entered in error.
-- Never deleted, never changed otherwise; the transitions are decided here whoever asks, and every change is
-- audited by the tables' audit_row_change() trigger.
ALTER TABLE prescriptions
  ADD COLUMN status_reason     text        CONSTRAINT prescriptions_status_reason_length CHECK (length(status_reason) <= 1000),
  ADD COLUMN status_changed_at timestamptz,
  ADD COLUMN status_changed_by uuid        REFERENCES users (id);
ALTER TABLE prescriptions ADD CONSTRAINT prescriptions_error_has_reason
  CHECK (status <> 'entered_in_error' OR coalesce(length(btrim(status_reason)), 0) >= 5) NOT VALID;

ALTER TABLE diagnoses
  ADD COLUMN error_reason      text        CONSTRAINT diagnoses_error_reason_length CHECK (length(error_reason) <= 1000),
  ADD COLUMN status_changed_at timestamptz,
  ADD COLUMN status_changed_by uuid        REFERENCES users (id);
ALTER TABLE diagnoses ADD CONSTRAINT diagnoses_error_has_reason
  CHECK (clinical_status <> 'entered_in_error' OR coalesce(length(btrim(error_reason)), 0) >= 5) NOT VALID;

ALTER TABLE observations
  ADD COLUMN error_reason      text        CONSTRAINT observations_error_reason_length CHECK (length(error_reason) <= 1000),
  ADD COLUMN status_changed_at timestamptz,
  ADD COLUMN status_changed_by uuid        REFERENCES users (id);
ALTER TABLE observations ADD CONSTRAINT observations_error_has_reason
  CHECK (status <> 'entered_in_error' OR coalesce(length(btrim(error_reason)), 0) >= 5) NOT VALID;

-- One rule for the three tables: only the status (and its reason, when and by whom) may change, and only
-- along the allowed transitions. TG_ARGV[0] is the status column. A refusal is check_violation with the
-- constraint name <table>_status_transition, which ClinicalFailures maps to 409 illegal_status_transition.
CREATE OR REPLACE FUNCTION clinical_status_transition() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  column_name text := TG_ARGV[0];
  old_status text := to_jsonb(OLD) ->> column_name;
  new_status text := to_jsonb(NEW) ->> column_name;
  kept constant text[] := ARRAY['updated_at', 'status_reason', 'error_reason', 'status_changed_at', 'status_changed_by'];
  allowed boolean;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_never_deleted';
  END IF;
  IF (to_jsonb(NEW) - kept - column_name) IS DISTINCT FROM (to_jsonb(OLD) - kept - column_name)
     AND NOT (TG_TABLE_NAME = 'diagnoses' AND (to_jsonb(NEW) - kept - column_name - 'resolved_date')
                                              IS NOT DISTINCT FROM (to_jsonb(OLD) - kept - column_name - 'resolved_date')
              AND new_status = 'resolved' AND old_status = 'active') THEN
    RAISE EXCEPTION '% % is final but for its status', TG_TABLE_NAME, OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_status_transition';
  END IF;
  IF new_status IS DISTINCT FROM old_status THEN
    allowed := CASE TG_TABLE_NAME
      WHEN 'prescriptions' THEN (old_status = 'active' AND new_status IN ('completed', 'stopped', 'entered_in_error'))
                              OR (old_status IN ('completed', 'stopped') AND new_status = 'entered_in_error')
      WHEN 'diagnoses' THEN (old_status = 'active' AND new_status IN ('resolved', 'entered_in_error'))
                          OR (old_status = 'resolved' AND new_status = 'entered_in_error')
      WHEN 'observations' THEN old_status = 'final' AND new_status = 'entered_in_error'
      ELSE false END;
    IF NOT allowed THEN
      RAISE EXCEPTION '% %: % cannot become %', TG_TABLE_NAME, OLD.id, old_status, new_status
        USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_status_transition';
    END IF;
    NEW.status_changed_at := now();
    NEW.status_changed_by := app_user_id();
  ELSIF (to_jsonb(NEW) - 'updated_at') IS DISTINCT FROM (to_jsonb(OLD) - 'updated_at') THEN
    RAISE EXCEPTION '% %: the status is already %', TG_TABLE_NAME, OLD.id, old_status
      USING ERRCODE = 'check_violation', CONSTRAINT = TG_TABLE_NAME || '_status_transition';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER prescriptions_status_transition BEFORE UPDATE OR DELETE ON prescriptions
  FOR EACH ROW EXECUTE FUNCTION clinical_status_transition('status');
CREATE TRIGGER diagnoses_status_transition BEFORE UPDATE OR DELETE ON diagnoses
  FOR EACH ROW EXECUTE FUNCTION clinical_status_transition('clinical_status');
CREATE TRIGGER observations_status_transition BEFORE UPDATE OR DELETE ON observations
  FOR EACH ROW EXECUTE FUNCTION clinical_status_transition('status');

-- Observations had no update policy (they were never changed): a doctor with the patient in care marks one.
CREATE POLICY observations_update ON observations FOR UPDATE
  USING (patient_id IN (SELECT app_clinician_write_patients())) WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()));

-- Which patient a prescription, diagnosis or observation belongs to, whatever row-level security shows: only
-- so that a refusal can be the patient's 403/404. Returns nothing clinical.
CREATE OR REPLACE FUNCTION clinical_record_patient(record_kind text, record uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT CASE record_kind
    WHEN 'prescriptions' THEN (SELECT r.patient_id FROM prescriptions r WHERE r.id = record)
    WHEN 'diagnoses' THEN (SELECT g.patient_id FROM diagnoses g WHERE g.id = record)
    WHEN 'observations' THEN (SELECT o.patient_id FROM observations o WHERE o.id = record)
  END
$$;

-- The representations gain the change's reason and time.
CREATE OR REPLACE FUNCTION clinical_diagnosis_json(g diagnoses) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', g.id, 'encounterId', g.encounter_id, 'patientId', g.patient_id,
    'code', g.code, 'system', 'ICD-10', 'titleEn', c.title_en, 'titleAr', c.title_ar, 'rank', g.rank,
    'clinicalStatus', g.clinical_status, 'onsetDate', g.onset_date, 'resolvedDate', g.resolved_date, 'note', g.note,
    'errorReason', g.error_reason, 'statusChangedAt', g.status_changed_at,
    'recordedBy', g.recorded_by, 'createdAt', g.created_at))
  FROM icd10_codes c WHERE c.code = g.code
$$;

CREATE OR REPLACE FUNCTION clinical_observation_json(o observations) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', o.id, 'encounterId', o.encounter_id, 'patientId', o.patient_id,
    'category', o.category, 'code', o.kind, 'loinc', o.loinc, 'value', o.value, 'unit', o.unit,
    'canonicalValue', o.value_canonical, 'canonicalUnit', o.unit_canonical,
    'referenceRange', CASE WHEN o.reference_low IS NOT NULL OR o.reference_high IS NOT NULL THEN
                        jsonb_build_object('low', o.reference_low, 'high', o.reference_high, 'unit', o.unit_canonical) END,
    'abnormalFlag', o.abnormal_flag, 'derived', o.derived, 'status', o.status, 'effectiveAt', o.effective_at,
    'errorReason', o.error_reason, 'statusChangedAt', o.status_changed_at))
$$;

CREATE OR REPLACE FUNCTION clinical_prescription_json(r prescriptions) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', r.id, 'encounterId', r.encounter_id, 'patientId', r.patient_id,
    'prescriberId', r.prescriber_id, 'drug', jsonb_build_object('text', r.drug_name), 'dose', r.dose, 'route', r.route,
    'frequency', r.frequency, 'durationDays', r.duration_days, 'quantity', r.quantity, 'refills', r.refills,
    'instructions', r.instructions, 'instructionsLanguage', r.instructions_language, 'status', r.status,
    'statusReason', r.status_reason, 'statusChangedAt', r.status_changed_at,
    'allergyOverrideReason', r.allergy_override_reason, 'createdAt', r.created_at))
$$;

--changeset moeen:059-clinical-demo-files splitStatements:false
-- Demo data is SQL, the bytes of a file live in the file store: a demo file row is listed here, and at start
-- the clinical verticle writes its bytes when the store lacks them (docs/clinical.md, "Demo data"). Empty
-- without demo data. Only a listed row's storage key, size and SHA-256 may be set, and only by the
-- function below, from the key it had (so two nodes starting at once write it once: the second's update
-- finds the key changed and deletes its own copy).
CREATE TABLE clinical_demo_files (
  file_id     uuid PRIMARY KEY REFERENCES clinical_files (id),
  -- what the verticle renders: 'ecg_report'
  template    varchar(32) NOT NULL CHECK (template IN ('ecg_report'))
);
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON clinical_demo_files FROM moeen_app;

CREATE OR REPLACE FUNCTION clinical_demo_files_to_write() RETURNS TABLE (id uuid, storage_key text, template text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT f.id, f.storage_key, d.template::text FROM clinical_demo_files d JOIN clinical_files f ON f.id = d.file_id ORDER BY f.id
$$;

CREATE OR REPLACE FUNCTION clinical_demo_file_stored(file uuid, old_key text, new_key text, new_size bigint, new_sha text)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE clinical_files f SET storage_key = new_key, size_bytes = new_size, sha256 = new_sha
  WHERE f.id = file AND f.storage_key = old_key AND EXISTS (SELECT 1 FROM clinical_demo_files d WHERE d.file_id = f.id);
  RETURN FOUND;
END;
$$;
REVOKE ALL ON FUNCTION clinical_demo_files_to_write() FROM PUBLIC;
REVOKE ALL ON FUNCTION clinical_demo_file_stored(uuid, text, text, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinical_demo_files_to_write() TO moeen_app;
GRANT EXECUTE ON FUNCTION clinical_demo_file_stored(uuid, text, text, bigint, text) TO moeen_app;

--changeset moeen:059-clinical-file-thumbnails splitStatements:false
-- A small JPEG of each JPEG or PNG upload, in the file store next to it (docs/clinical.md, "Files"). The
-- service's role may not update file rows: this function sets the key once, for an image of a patient the
-- acting clinician may write for.
ALTER TABLE clinical_files ADD COLUMN thumbnail_key text CONSTRAINT clinical_files_thumbnail_key UNIQUE;

CREATE OR REPLACE FUNCTION clinical_file_thumbnail_stored(file uuid, key text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE clinical_files f SET thumbnail_key = key
  WHERE f.id = file AND f.thumbnail_key IS NULL AND f.content_type IN ('image/jpeg', 'image/png')
    AND f.patient_id IN (SELECT app_clinician_write_patients());
  RETURN FOUND;
END;
$$;
REVOKE ALL ON FUNCTION clinical_file_thumbnail_stored(uuid, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION clinical_file_thumbnail_stored(uuid, text) TO moeen_app;

CREATE OR REPLACE FUNCTION clinical_file_json(f clinical_files) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', f.id, 'patientId', f.patient_id, 'encounterId', f.encounter_id,
    'category', f.category, 'title', f.title, 'fileName', f.file_name, 'contentType', f.content_type,
    'size', f.size_bytes, 'sha256', f.sha256, 'uploadedBy', f.uploaded_by, 'uploadedAt', f.created_at,
    'hasThumbnail', f.thumbnail_key IS NOT NULL))
$$;
