--liquibase formatted sql

--changeset moeen:050-dental-roles
-- Dental charts (issue 22). A dentist is a doctor (the `doctor` role and a doctors row with a dental
-- specialty): scheduling, encounters and the care relation already work for them, and the clinical
-- permissions (clinical.read.care / clinical.write.care) carry over. A dental assistant is a role of
-- its own: it reads and updates the charts of the patients in the care of the dentists it works
-- under (dental_assistants), and nothing else of the clinical record. docs/dental.md says why.
INSERT INTO roles (code, name_ar, name_en, is_system) VALUES
  ('dental_assistant', 'مساعد طبيب أسنان', 'Dental assistant', true);

INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('dental.chart.assist', 'Read and update the dental charts of the patients of the dentists one assists',
   'الاطلاع على مخططات الأسنان وتحديثها لمرضى أطباء الأسنان الذين يساعدهم');

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (r.code = 'dental_assistant' AND p.code IN ('dental.chart.assist', 'notifications.read.own'));

-- Which dentist an assistant works under (several are allowed).
CREATE TABLE dental_assistants (
  assistant_user_id uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  doctor_id         uuid        NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
  created_at        timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (assistant_user_id, doctor_id)
);

--changeset moeen:050-dental-chart
-- The chart is a list of versions; each version holds the teeth it changed (their whole new state).
-- The chart at an instant is, for each tooth, its state in the latest version recorded by then.
-- Versions are never changed nor deleted (REVOKE below): a correction is a new version.
CREATE TABLE dental_chart_versions (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id   uuid        NOT NULL REFERENCES patients (id),
  version      integer     NOT NULL CHECK (version >= 1),
  encounter_id uuid        REFERENCES encounters (id),
  recorded_by  uuid        NOT NULL REFERENCES users (id),
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  -- whether the patient was an adult (18 or over) on the day: a primary tooth then needs a note
  adult        boolean     NOT NULL,
  comment      text        CHECK (length(comment) <= 2000),
  CONSTRAINT dental_chart_versions_one_number UNIQUE (patient_id, version)
);
CREATE INDEX dental_chart_versions_time ON dental_chart_versions (patient_id, recorded_at);

CREATE TABLE dental_chart_teeth (
  version_id uuid     NOT NULL REFERENCES dental_chart_versions (id),
  patient_id uuid     NOT NULL REFERENCES patients (id),
  -- FDI (ISO 3950): permanent 11-18, 21-28, 31-38, 41-48; primary 51-55, 61-65, 71-75, 81-85
  tooth      smallint NOT NULL CONSTRAINT dental_chart_teeth_fdi CHECK (
               (tooth / 10 BETWEEN 1 AND 4 AND tooth % 10 BETWEEN 1 AND 8)
            OR (tooth / 10 BETWEEN 5 AND 8 AND tooth % 10 BETWEEN 1 AND 5)),
  -- {status, crown, bridgeAbutment, rootCanalTreated, fillings:[{surface, material}], caries:[surface],
  --  fracture, mobility, note}; validated by the service (dental/chart/ToothState.java)
  state      jsonb    NOT NULL CHECK (jsonb_typeof(state) = 'object' AND state ->> 'status' IS NOT NULL),
  PRIMARY KEY (version_id, tooth)
);
CREATE INDEX dental_chart_teeth_patient ON dental_chart_teeth (patient_id, tooth);
CREATE TRIGGER dental_chart_versions_audit AFTER INSERT OR UPDATE OR DELETE ON dental_chart_versions
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();
REVOKE UPDATE, DELETE, TRUNCATE ON dental_chart_versions, dental_chart_teeth FROM moeen_app;

-- What was done in a visit: treatment performed, diagnosis, teeth and surfaces involved.
CREATE TABLE dental_records (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  encounter_id uuid        NOT NULL REFERENCES encounters (id),
  patient_id   uuid        NOT NULL REFERENCES patients (id),
  treatment    text        NOT NULL CHECK (length(treatment) BETWEEN 1 AND 500),
  diagnosis_code varchar(8) REFERENCES icd10_codes (code),
  diagnosis    text        CHECK (length(diagnosis) <= 1000),
  -- [{tooth, surfaces:[…]}], validated by the service as the chart is
  teeth        jsonb       NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(teeth) = 'array'),
  note         text        CHECK (length(note) <= 4000),
  recorded_by  uuid        NOT NULL REFERENCES users (id),
  created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dental_records_patient ON dental_records (patient_id, created_at DESC);
CREATE INDEX dental_records_encounter ON dental_records (encounter_id);
CREATE TRIGGER dental_records_audit AFTER INSERT OR UPDATE OR DELETE ON dental_records
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();

--changeset moeen:050-dental-row-level-security splitStatements:false
-- The patients an acting assistant may chart: those in the care of a dentist they work under.
CREATE OR REPLACE FUNCTION app_dental_assistant_patients() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.patient_id FROM appointments a JOIN dental_assistants da ON da.doctor_id = a.doctor_id
  WHERE da.assistant_user_id = app_user_id() AND a.status <> 'cancelled' AND app_has_permission('dental.chart.assist')
  UNION
  SELECT e.patient_id FROM encounters e JOIN dental_assistants da ON da.doctor_id = e.doctor_id
  WHERE da.assistant_user_id = app_user_id() AND app_has_permission('dental.chart.assist')
$$;

-- Whether the acting user (a dentist, or an assistant through their dentist) cares for the patient,
-- and whether the patient exists: the handlers' test, the same as the policies'.
CREATE OR REPLACE FUNCTION dental_care(patient uuid) RETURNS TABLE (reads boolean, writes boolean, assists boolean, patient_exists boolean, adult boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT patient IN (SELECT app_clinician_read_patients()),
         patient IN (SELECT app_clinician_write_patients()),
         patient IN (SELECT app_dental_assistant_patients()),
         EXISTS (SELECT 1 FROM patients p WHERE p.id = patient),
         -- an adult today (18 or over), or of unknown age
         coalesce((SELECT p.date_of_birth + interval '18 years' <= (now() AT TIME ZONE 'Asia/Riyadh')::date
                   FROM patients p WHERE p.id = patient), true)
$$;

-- The patient's name and record number for the chart's picture, once the handler has allowed the read
-- (an assistant does not see the patients table).
CREATE OR REPLACE FUNCTION dental_patient_label(patient uuid) RETURNS TABLE (name_ar text, name_en text, mrn text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT nullif(concat_ws(' ', p.first_name_ar, p.last_name_ar), ''), nullif(concat_ws(' ', p.first_name_en, p.last_name_en), ''),
         p.medical_record_number
  FROM patients p WHERE p.id = patient
$$;

ALTER TABLE dental_chart_versions ENABLE ROW LEVEL SECURITY;
CREATE POLICY dental_chart_versions_read ON dental_chart_versions FOR SELECT
  USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_dental_assistant_patients())
         OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY dental_chart_versions_insert ON dental_chart_versions FOR INSERT
  WITH CHECK (recorded_by = app_user_id() AND (patient_id IN (SELECT app_clinician_write_patients())
              OR patient_id IN (SELECT app_dental_assistant_patients())));

ALTER TABLE dental_chart_teeth ENABLE ROW LEVEL SECURITY;
CREATE POLICY dental_chart_teeth_read ON dental_chart_teeth FOR SELECT
  USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_dental_assistant_patients())
         OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY dental_chart_teeth_insert ON dental_chart_teeth FOR INSERT
  WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()) OR patient_id IN (SELECT app_dental_assistant_patients()));

ALTER TABLE dental_records ENABLE ROW LEVEL SECURITY;
CREATE POLICY dental_records_read ON dental_records FOR SELECT
  USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_dental_assistant_patients())
         OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY dental_records_insert ON dental_records FOR INSERT
  WITH CHECK (recorded_by = app_user_id() AND patient_id IN (SELECT app_clinician_write_patients()));
