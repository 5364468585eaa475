--liquibase formatted sql

--changeset moeen:026-intake-form-permission
-- Reception and nurses fill intake forms for patients (the patient fills their own with patients.write.own).
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('intake_forms.write.any', 'Fill in any patient''s intake form', 'تعبئة نموذج الاستقبال لأي مريض');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON p.code = 'intake_forms.write.any'
WHERE r.code IN ('receptionist', 'nurse');

--changeset moeen:026-intake-forms
-- Seed 003's api_patientintakeform, versioned: every submission is a new row; a doctor reviews a version.
CREATE TABLE intake_forms (
  id                      uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id              uuid         NOT NULL REFERENCES patients (id),
  version                 integer      NOT NULL CHECK (version >= 1),
  allergies               text[]       NOT NULL DEFAULT '{}',
  current_medications     text[]       NOT NULL DEFAULT '{}',
  conditions              text[]       NOT NULL DEFAULT '{}',
  previous_treatments     text         CHECK (length(previous_treatments) <= 5000),
  emergency_contact_name  text         CHECK (length(emergency_contact_name) <= 200),
  emergency_contact_phone varchar(16)  CHECK (emergency_contact_phone ~ '^\+[1-9][0-9]{6,14}$'),
  insurance_provider      text         CHECK (length(insurance_provider) <= 200),
  insurance_policy_number varchar(50),
  concerns                text         CHECK (length(concerns) <= 5000),
  preferred_doctor_id     uuid         REFERENCES doctors (id),
  submitted_by            uuid         REFERENCES users (id),
  submitted_via           varchar(12)  NOT NULL CHECK (submitted_via IN ('patient', 'family', 'reception')),
  reviewed_by             uuid         REFERENCES users (id),
  reviewed_at             timestamptz,
  created_at              timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT intake_forms_one_version UNIQUE (patient_id, version),
  CONSTRAINT intake_forms_reviewed CHECK ((reviewed_by IS NULL) = (reviewed_at IS NULL))
);
CREATE TRIGGER intake_forms_audit AFTER INSERT OR UPDATE OR DELETE ON intake_forms FOR EACH ROW EXECUTE FUNCTION audit_row_change();

--changeset moeen:026-intake-forms-final splitStatements:false
-- A submitted version never changes; only its review is recorded, once.
CREATE OR REPLACE FUNCTION intake_forms_only_review() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.reviewed_at IS NOT NULL
     OR (to_jsonb(NEW) - 'reviewed_by' - 'reviewed_at') IS DISTINCT FROM (to_jsonb(OLD) - 'reviewed_by' - 'reviewed_at') THEN
    RAISE EXCEPTION 'intake form % is final', OLD.id USING ERRCODE = 'check_violation', CONSTRAINT = 'intake_forms_final';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER intake_forms_final BEFORE UPDATE OR DELETE ON intake_forms
  FOR EACH ROW EXECUTE FUNCTION intake_forms_only_review();

--changeset moeen:026-intake-forms-rls splitStatements:false
ALTER TABLE intake_forms ENABLE ROW LEVEL SECURITY;
-- Reception, nurses and doctors (clinical.summary.read), clinicians in care, and the patient's own side.
CREATE POLICY intake_forms_read ON intake_forms FOR SELECT
  USING ((SELECT app_has_permission('clinical.summary.read')) OR patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_own_record_patients())
         OR EXISTS (SELECT 1 FROM patients p WHERE p.id = patient_id AND p.user_id = app_user_id()));
CREATE POLICY intake_forms_insert ON intake_forms FOR INSERT
  WITH CHECK (submitted_by = app_user_id() AND (app_has_permission('intake_forms.write.any')
         OR EXISTS (SELECT 1 FROM patients p WHERE p.id = patient_id AND p.user_id = app_user_id())));
CREATE POLICY intake_forms_review ON intake_forms FOR UPDATE
  USING (patient_id IN (SELECT app_clinician_write_patients())) WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()) AND reviewed_by = app_user_id());

--changeset moeen:026-intake-form-json splitStatements:false
CREATE OR REPLACE FUNCTION intake_form_json(f intake_forms) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', f.id, 'patientId', f.patient_id, 'version', f.version,
    'allergies', to_jsonb(f.allergies), 'currentMedications', to_jsonb(f.current_medications),
    'conditions', to_jsonb(f.conditions), 'previousTreatments', f.previous_treatments,
    'emergencyContact', CASE WHEN f.emergency_contact_name IS NOT NULL OR f.emergency_contact_phone IS NOT NULL THEN
                          jsonb_build_object('name', f.emergency_contact_name, 'phone', f.emergency_contact_phone) END,
    'insurance', CASE WHEN f.insurance_provider IS NOT NULL OR f.insurance_policy_number IS NOT NULL THEN
                   jsonb_build_object('provider', f.insurance_provider, 'policyNumber', f.insurance_policy_number) END,
    'concerns', f.concerns, 'preferredDoctorId', f.preferred_doctor_id, 'submittedBy', f.submitted_by,
    'submittedVia', f.submitted_via, 'submittedAt', f.created_at, 'reviewedBy', f.reviewed_by, 'reviewedAt', f.reviewed_at))
$$;

-- Which patient a form belongs to, whatever row-level security shows (for the refusal only).
CREATE OR REPLACE FUNCTION clinical_intake_form_patient(form uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT f.patient_id FROM intake_forms f WHERE f.id = form
$$;
