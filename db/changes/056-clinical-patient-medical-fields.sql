--liquibase formatted sql

--changeset moeen:056-patient-medical-reader
-- The patient record's medical fields (knownAllergies, medicalHistory) to staff: until now any holder
-- of medical_records.read.any saw them for every patient (doctors outside the care, the nurse, the
-- admin), which the clinical rules (issue 18: a doctor sees the records of patients in their care;
-- nurses and reception see no history) do not allow. The patients feature asks this function, whose
-- rule is clinical's care rule (the same one the row-level security of the clinical tables uses): a
-- clinician with clinical.read.care who has (had) an appointment or an encounter with the patient.
-- The patient themself and family with the medical_records.read scope are decided in the handler.
CREATE OR REPLACE FUNCTION app_patient_medical_reader(patient uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT app_has_permission('clinical.read.care') AND app_cares_for(patient)
$$;
--rollback DROP FUNCTION app_patient_medical_reader(uuid);
