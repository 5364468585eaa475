--liquibase formatted sql

--changeset moeen:025-clinical-permissions
-- Clinical records (issue 18). Doctors read and write the records of patients in their care (an
-- appointment or an encounter with them); another doctor may read in an emergency with a reason
-- (break the glass, flagged in the audit); nurses and reception see only the allergies banner;
-- patients their own signed record (medical_records.read.own), family only with that scope.
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('clinical.read.care',     'Read the clinical records of patients in one''s care',        'الاطلاع على السجلات السريرية للمرضى الذين يعالجهم'),
  ('clinical.write.care',    'Write the clinical records of patients in one''s care',       'كتابة السجلات السريرية للمرضى الذين يعالجهم'),
  ('clinical.break_glass',   'Read any patient''s clinical record in an emergency, with a reason', 'الاطلاع الطارئ على السجل السريري لأي مريض مع ذكر السبب'),
  ('clinical.summary.read',  'See a patient''s allergies banner',                           'عرض شريط الحساسية للمريض');

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (r.code = 'doctor' AND p.code IN ('clinical.read.care', 'clinical.write.care', 'clinical.break_glass', 'clinical.summary.read'))
  OR (r.code IN ('nurse', 'receptionist') AND p.code = 'clinical.summary.read');

--changeset moeen:025-icd10-codes
-- A small bilingual list of ICD-10 codes for search and autocomplete (docs/clinical.md says where
-- the codes come from). A diagnosis must name a code of this table; a clinic loads more rows.
CREATE TABLE icd10_codes (
  code      varchar(8)  PRIMARY KEY CHECK (code ~ '^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$'),
  title_en  text        NOT NULL,
  title_ar  text        NOT NULL,
  specialty varchar(16) NOT NULL CHECK (specialty IN ('primary_care', 'paediatrics', 'cardiology', 'dental')),
  search_text text GENERATED ALWAYS AS (normalize_search_text(code || ' ' || title_en || ' ' || title_ar)) STORED
);
CREATE INDEX icd10_codes_search ON icd10_codes USING gin (search_text gin_trgm_ops);

INSERT INTO icd10_codes (code, title_en, title_ar, specialty) VALUES
  ('I10',     'Essential (primary) hypertension',                         'ارتفاع ضغط الدم الأساسي',                 'primary_care'),
  ('E11.9',   'Type 2 diabetes mellitus without complications',           'داء السكري من النوع الثاني دون مضاعفات',   'primary_care'),
  ('E78.5',   'Hyperlipidemia, unspecified',                              'فرط شحميات الدم، غير محدد',               'primary_care'),
  ('E66.9',   'Obesity, unspecified',                                     'السمنة، غير محددة',                       'primary_care'),
  ('E55.9',   'Vitamin D deficiency, unspecified',                        'نقص فيتامين د، غير محدد',                 'primary_care'),
  ('D50.9',   'Iron deficiency anemia, unspecified',                      'فقر الدم بعوز الحديد، غير محدد',          'primary_care'),
  ('J06.9',   'Acute upper respiratory infection, unspecified',           'عدوى حادة في الجهاز التنفسي العلوي، غير محددة', 'primary_care'),
  ('J02.9',   'Acute pharyngitis, unspecified',                           'التهاب البلعوم الحاد، غير محدد',           'primary_care'),
  ('J30.9',   'Allergic rhinitis, unspecified',                           'التهاب الأنف التحسسي، غير محدد',           'primary_care'),
  ('J45.909', 'Unspecified asthma, uncomplicated',                        'ربو غير محدد، دون مضاعفات',               'primary_care'),
  ('K21.9',   'Gastro-esophageal reflux disease without esophagitis',     'داء الارتجاع المعدي المريئي دون التهاب المريء', 'primary_care'),
  ('M54.50',  'Low back pain, unspecified',                               'ألم أسفل الظهر، غير محدد',                'primary_care'),
  ('N39.0',   'Urinary tract infection, site not specified',              'عدوى المسالك البولية، موضع غير محدد',     'primary_care'),
  ('R50.9',   'Fever, unspecified',                                       'حمى، غير محددة',                          'primary_care'),
  ('R51.9',   'Headache, unspecified',                                    'صداع، غير محدد',                          'primary_care'),
  ('Z00.00',  'General adult medical examination without abnormal findings', 'فحص طبي عام للبالغين دون نتائج غير طبيعية', 'primary_care'),
  ('Z00.129', 'Routine child health examination without abnormal findings', 'فحص صحي روتيني للطفل دون نتائج غير طبيعية', 'paediatrics'),
  ('Z23',     'Encounter for immunization',                               'زيارة للتطعيم',                           'paediatrics'),
  ('H66.90',  'Otitis media, unspecified, unspecified ear',               'التهاب الأذن الوسطى، غير محدد',           'paediatrics'),
  ('J21.9',   'Acute bronchiolitis, unspecified',                         'التهاب القصيبات الحاد، غير محدد',          'paediatrics'),
  ('A09',     'Infectious gastroenteritis and colitis, unspecified',      'التهاب المعدة والأمعاء المعدي، غير محدد',  'paediatrics'),
  ('B01.9',   'Varicella without complication',                           'جدري الماء دون مضاعفات',                  'paediatrics'),
  ('L20.9',   'Atopic dermatitis, unspecified',                           'التهاب الجلد التأتبي، غير محدد',           'paediatrics'),
  ('E86.0',   'Dehydration',                                              'الجفاف',                                  'paediatrics'),
  ('I25.10',  'Atherosclerotic heart disease of native coronary artery without angina pectoris', 'مرض القلب التصلبي للشريان التاجي دون ذبحة صدرية', 'cardiology'),
  ('I48.91',  'Unspecified atrial fibrillation',                          'رجفان أذيني غير محدد',                    'cardiology'),
  ('I50.9',   'Heart failure, unspecified',                               'قصور القلب، غير محدد',                    'cardiology'),
  ('I20.9',   'Angina pectoris, unspecified',                             'ذبحة صدرية، غير محددة',                   'cardiology'),
  ('I11.9',   'Hypertensive heart disease without heart failure',         'مرض القلب الناتج عن ارتفاع الضغط دون قصور القلب', 'cardiology'),
  ('I34.0',   'Nonrheumatic mitral (valve) insufficiency',                'قصور الصمام التاجي غير الروماتيزمي',       'cardiology'),
  ('I49.9',   'Cardiac arrhythmia, unspecified',                          'اضطراب نظم القلب، غير محدد',              'cardiology'),
  ('R00.2',   'Palpitations',                                             'خفقان',                                   'cardiology'),
  ('R07.9',   'Chest pain, unspecified',                                  'ألم في الصدر، غير محدد',                  'cardiology'),
  ('K02.9',   'Dental caries, unspecified',                               'تسوس الأسنان، غير محدد',                  'dental'),
  ('K02.52',  'Dental caries on pit and fissure surface penetrating into dentin', 'تسوس في الحفر والشقوق يصل إلى العاج', 'dental'),
  ('K04.01',  'Reversible pulpitis',                                      'التهاب اللب القابل للشفاء',               'dental'),
  ('K04.02',  'Irreversible pulpitis',                                    'التهاب اللب غير القابل للشفاء',           'dental'),
  ('K04.7',   'Periapical abscess without sinus',                         'خراج حول الذروة دون ناسور',               'dental'),
  ('K05.00',  'Acute gingivitis, plaque induced',                         'التهاب اللثة الحاد الناتج عن اللويحة',     'dental'),
  ('K05.10',  'Chronic gingivitis, plaque induced',                       'التهاب اللثة المزمن الناتج عن اللويحة',    'dental'),
  ('K01.1',   'Impacted teeth',                                           'أسنان منطمرة',                            'dental'),
  ('K03.6',   'Deposits [accretions] on teeth',                           'ترسبات على الأسنان',                      'dental'),
  ('K12.0',   'Recurrent oral aphthae',                                   'قرح فموية قلاعية متكررة',                 'dental'),
  ('M26.4',   'Malocclusion, unspecified',                                'سوء الإطباق، غير محدد',                   'dental');

--changeset moeen:025-encounters
CREATE TABLE encounters (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- an appointment is never deleted by the service; if one is (by hand), its visit record stays
  appointment_id  uuid        UNIQUE REFERENCES appointments (id) ON DELETE SET NULL,
  patient_id      uuid        NOT NULL REFERENCES patients (id),
  doctor_id       uuid        NOT NULL REFERENCES doctors (id),
  location_id     uuid        REFERENCES clinic_locations (id),
  kind            varchar(12) NOT NULL CHECK (kind IN ('appointment', 'walk_in', 'phone')),
  status          varchar(20) NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'finished', 'entered_in_error')),
  chief_complaint text        CHECK (length(chief_complaint) <= 1000),
  started_at      timestamptz NOT NULL DEFAULT now(),
  ended_at        timestamptz,
  error_reason    text        CHECK (length(error_reason) <= 1000),
  created_by      uuid        REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT encounters_end_after_start CHECK (ended_at IS NULL OR ended_at >= started_at),
  CONSTRAINT encounters_finished_has_end CHECK (status <> 'finished' OR ended_at IS NOT NULL),
  CONSTRAINT encounters_error_has_reason CHECK (status <> 'entered_in_error' OR error_reason IS NOT NULL)
);
CREATE INDEX encounters_patient_time ON encounters (patient_id, started_at DESC);
CREATE INDEX encounters_doctor_patient ON encounters (doctor_id, patient_id);
CREATE TRIGGER encounters_updated_at BEFORE UPDATE ON encounters FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER encounters_audit AFTER INSERT OR UPDATE OR DELETE ON encounters FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- Notes: SOAP sections or free text. A signed note never changes (trigger below); an addendum or an
-- entered-in-error correction is a new row pointing at it.
CREATE TABLE clinical_notes (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  encounter_id  uuid        NOT NULL REFERENCES encounters (id),
  patient_id    uuid        NOT NULL REFERENCES patients (id),
  author_id     uuid        NOT NULL REFERENCES users (id),
  kind          varchar(20) NOT NULL DEFAULT 'note' CHECK (kind IN ('note', 'addendum', 'entered_in_error')),
  amends_id     uuid        REFERENCES clinical_notes (id),
  format        varchar(10) NOT NULL DEFAULT 'free_text' CHECK (format IN ('soap', 'free_text')),
  subjective    text        CHECK (length(subjective) <= 20000),
  objective     text        CHECK (length(objective) <= 20000),
  assessment    text        CHECK (length(assessment) <= 20000),
  plan          text        CHECK (length(plan) <= 20000),
  body          text        CHECK (length(body) <= 20000),
  signed_at     timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT clinical_notes_amends CHECK ((kind = 'note') = (amends_id IS NULL)),
  CONSTRAINT clinical_notes_has_text CHECK (coalesce(subjective, objective, assessment, plan, body) IS NOT NULL)
);
CREATE INDEX clinical_notes_encounter ON clinical_notes (encounter_id, created_at);
CREATE INDEX clinical_notes_patient ON clinical_notes (patient_id, created_at DESC);
CREATE TRIGGER clinical_notes_updated_at BEFORE UPDATE ON clinical_notes FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER clinical_notes_audit AFTER INSERT OR UPDATE OR DELETE ON clinical_notes FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE diagnoses (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id      uuid        NOT NULL REFERENCES patients (id),
  encounter_id    uuid        NOT NULL REFERENCES encounters (id),
  code            varchar(8)  NOT NULL REFERENCES icd10_codes (code),
  rank            varchar(10) NOT NULL DEFAULT 'secondary' CHECK (rank IN ('primary', 'secondary')),
  clinical_status varchar(20) NOT NULL DEFAULT 'active' CHECK (clinical_status IN ('active', 'resolved', 'entered_in_error')),
  onset_date      date,
  resolved_date   date,
  note            text        CHECK (length(note) <= 2000),
  recorded_by     uuid        NOT NULL REFERENCES users (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT diagnoses_resolved_after_onset CHECK (resolved_date IS NULL OR onset_date IS NULL OR resolved_date >= onset_date)
);
CREATE UNIQUE INDEX diagnoses_one_primary ON diagnoses (encounter_id) WHERE rank = 'primary' AND clinical_status <> 'entered_in_error';
CREATE INDEX diagnoses_patient ON diagnoses (patient_id, created_at DESC);
CREATE TRIGGER diagnoses_updated_at BEFORE UPDATE ON diagnoses FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER diagnoses_audit AFTER INSERT OR UPDATE OR DELETE ON diagnoses FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- Vitals and lab results as coded observations (LOINC code, value in a UCUM unit, reference range,
-- abnormal flag). value_canonical is the value in the code's canonical unit (mg/dL for glucose).
CREATE TABLE observations (
  id              uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id      uuid          NOT NULL REFERENCES patients (id),
  encounter_id    uuid          NOT NULL REFERENCES encounters (id),
  category        varchar(16)   NOT NULL CHECK (category IN ('vital-signs', 'laboratory')),
  kind            varchar(32)   NOT NULL,
  loinc           varchar(16)   NOT NULL CHECK (loinc ~ '^[0-9]{1,7}-[0-9]$'),
  value           numeric(12,4) NOT NULL,
  unit            varchar(16)   NOT NULL,
  value_canonical numeric(12,4) NOT NULL,
  unit_canonical  varchar(16)   NOT NULL,
  reference_low   numeric(12,4),
  reference_high  numeric(12,4),
  abnormal_flag   varchar(2)    CHECK (abnormal_flag IN ('L', 'N', 'H')),
  derived         boolean       NOT NULL DEFAULT false,
  status          varchar(20)   NOT NULL DEFAULT 'final' CHECK (status IN ('final', 'entered_in_error')),
  effective_at    timestamptz   NOT NULL DEFAULT now(),
  recorded_by     uuid          NOT NULL REFERENCES users (id),
  created_at      timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX observations_patient ON observations (patient_id, kind, effective_at DESC);
CREATE INDEX observations_encounter ON observations (encounter_id);
CREATE TRIGGER observations_audit AFTER INSERT OR UPDATE OR DELETE ON observations FOR EACH ROW EXECUTE FUNCTION audit_row_change();

CREATE TABLE allergies (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id    uuid        NOT NULL REFERENCES patients (id),
  substance     text        NOT NULL CHECK (length(substance) BETWEEN 1 AND 200),
  substance_key text        GENERATED ALWAYS AS (normalize_search_text(substance)) STORED,
  reaction      text        CHECK (length(reaction) <= 500),
  severity      varchar(10) NOT NULL DEFAULT 'moderate' CHECK (severity IN ('mild', 'moderate', 'severe')),
  status        varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive', 'resolved', 'entered_in_error')),
  recorded_by   uuid        REFERENCES users (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX allergies_one_active ON allergies (patient_id, substance_key) WHERE status = 'active';
CREATE TRIGGER allergies_updated_at BEFORE UPDATE ON allergies FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER allergies_audit AFTER INSERT OR UPDATE OR DELETE ON allergies FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- Drugs that a recorded allergy to a substance (or a class) rules out, beyond the name itself.
CREATE TABLE allergy_cross_reactions (
  substance_key text NOT NULL,
  drug_key      text NOT NULL,
  PRIMARY KEY (substance_key, drug_key)
);
INSERT INTO allergy_cross_reactions (substance_key, drug_key) VALUES
  ('penicillin', 'amoxicillin'), ('penicillin', 'ampicillin'), ('penicillin', 'augmentin'),
  ('penicillin', 'piperacillin'), ('penicillin', 'cloxacillin'), ('penicillin', 'اموكسيسيلين'),
  ('بنسلين', 'amoxicillin'), ('بنسلين', 'ampicillin'), ('بنسلين', 'augmentin'), ('بنسلين', 'اموكسيسيلين'),
  ('sulfa', 'sulfamethoxazole'), ('sulfa', 'co-trimoxazole'), ('sulfa', 'septrin'), ('sulfa', 'bactrim'),
  ('aspirin', 'acetylsalicylic'), ('nsaids', 'ibuprofen'), ('nsaids', 'diclofenac'), ('nsaids', 'naproxen');

-- Free-text drug until the pharmacy catalogue lands.
CREATE TABLE prescriptions (
  id                      uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id              uuid        NOT NULL REFERENCES patients (id),
  encounter_id            uuid        NOT NULL REFERENCES encounters (id),
  prescriber_id           uuid        NOT NULL REFERENCES users (id),
  drug_name               text        NOT NULL CHECK (length(drug_name) BETWEEN 1 AND 200),
  dose                    text        NOT NULL CHECK (length(dose) BETWEEN 1 AND 100),
  route                   varchar(16) NOT NULL CHECK (route IN ('oral', 'topical', 'inhaled', 'intravenous', 'intramuscular',
                            'subcutaneous', 'sublingual', 'rectal', 'ophthalmic', 'otic', 'nasal')),
  frequency               text        NOT NULL CHECK (length(frequency) BETWEEN 1 AND 100),
  duration_days           integer     CHECK (duration_days BETWEEN 1 AND 365),
  quantity                integer     CHECK (quantity BETWEEN 1 AND 10000),
  refills                 integer     NOT NULL DEFAULT 0 CHECK (refills BETWEEN 0 AND 12),
  instructions            text        CHECK (length(instructions) <= 2000),
  instructions_language   varchar(8)  NOT NULL DEFAULT 'ar' REFERENCES languages (code),
  status                  varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'stopped', 'entered_in_error')),
  allergy_override_reason text        CHECK (length(allergy_override_reason) <= 1000),
  created_at              timestamptz NOT NULL DEFAULT now(),
  updated_at              timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX prescriptions_patient ON prescriptions (patient_id, created_at DESC);
CREATE TRIGGER prescriptions_updated_at BEFORE UPDATE ON prescriptions FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER prescriptions_audit AFTER INSERT OR UPDATE OR DELETE ON prescriptions FOR EACH ROW EXECUTE FUNCTION audit_row_change();

-- An emergency read by a doctor outside the patient's care: valid for the one request that gave it.
CREATE TABLE clinical_break_glass (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id     uuid        NOT NULL REFERENCES users (id),
  patient_id  uuid        NOT NULL REFERENCES patients (id),
  reason      text        NOT NULL CHECK (length(btrim(reason)) BETWEEN 10 AND 1000),
  request_id  varchar(64) NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clinical_break_glass_request ON clinical_break_glass (user_id, patient_id, request_id);
REVOKE UPDATE, DELETE, TRUNCATE ON clinical_break_glass FROM moeen_app;

--changeset moeen:025-signed-notes splitStatements:false
-- A signed note is never changed nor deleted, whoever asks; drafts may be edited by their author.
CREATE OR REPLACE FUNCTION clinical_notes_signed_are_final() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.signed_at IS NOT NULL THEN
    RAISE EXCEPTION 'clinical note % is signed', OLD.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'clinical_notes_signed_final';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
CREATE TRIGGER clinical_notes_signed_final BEFORE UPDATE OR DELETE ON clinical_notes
  FOR EACH ROW EXECUTE FUNCTION clinical_notes_signed_are_final();

--changeset moeen:025-appointment-encounters splitStatements:false
-- Scheduling never names clinical: these triggers tie the two in the database. Checking an
-- appointment in opens its encounter; completing it needs that encounter finished (or marked in error).
CREATE OR REPLACE FUNCTION appointment_opens_encounter() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO encounters (appointment_id, patient_id, doctor_id, location_id, kind, created_by)
  VALUES (NEW.id, NEW.patient_id, NEW.doctor_id, NEW.location_id, 'appointment', app_user_id())
  ON CONFLICT (appointment_id) DO NOTHING;
  RETURN NULL;
END;
$$;
CREATE TRIGGER appointments_open_encounter AFTER UPDATE OF status ON appointments
  FOR EACH ROW WHEN (NEW.status = 'checked_in' AND OLD.status IS DISTINCT FROM 'checked_in')
  EXECUTE FUNCTION appointment_opens_encounter();

CREATE OR REPLACE FUNCTION appointment_needs_finished_encounter() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM encounters e WHERE e.appointment_id = NEW.id AND e.status = 'in_progress') THEN
    RAISE EXCEPTION 'appointment % has an encounter in progress', NEW.id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'appointments_encounter_finished';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER appointments_encounter_finished BEFORE UPDATE OF status ON appointments
  FOR EACH ROW WHEN (NEW.status = 'completed' AND OLD.status IS DISTINCT FROM 'completed')
  EXECUTE FUNCTION appointment_needs_finished_encounter();

--changeset moeen:025-clinical-row-level-security splitStatements:false
-- The second wall: what the handlers decide, decided again from the database's own facts (the
-- acting user's permissions, appointments and encounters), not from what the application says.
CREATE OR REPLACE FUNCTION app_has_permission(wanted text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (
    SELECT 1 FROM user_roles ur
    JOIN role_permissions rp ON rp.role_id = ur.role_id
    JOIN permissions p ON p.id = rp.permission_id
    JOIN users u ON u.id = ur.user_id AND u.is_active
    WHERE ur.user_id = app_user_id() AND p.code = wanted)
$$;

-- The acting doctor has (had) an appointment or an encounter with the patient: the handlers' care check.
CREATE OR REPLACE FUNCTION app_cares_for(patient uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT EXISTS (SELECT 1 FROM appointments a JOIN doctors d ON d.id = a.doctor_id
                 WHERE d.user_id = app_user_id() AND a.patient_id = patient AND a.status <> 'cancelled')
      OR EXISTS (SELECT 1 FROM encounters e JOIN doctors d ON d.id = e.doctor_id
                 WHERE d.user_id = app_user_id() AND e.patient_id = patient)
$$;

-- The policies below test `patient_id IN (SELECT app_…_patients())`: an uncorrelated subquery that
-- PostgreSQL runs once per statement and hashes, rather than a function of each row's patient called
-- for every row (a chart with 200 encounters reads over a thousand rows).
CREATE OR REPLACE FUNCTION app_clinician_read_patients() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.patient_id FROM appointments a JOIN doctors d ON d.id = a.doctor_id
  WHERE d.user_id = app_user_id() AND a.status <> 'cancelled' AND app_has_permission('clinical.read.care')
  UNION
  SELECT e.patient_id FROM encounters e JOIN doctors d ON d.id = e.doctor_id
  WHERE d.user_id = app_user_id() AND app_has_permission('clinical.read.care')
  UNION
  SELECT b.patient_id FROM clinical_break_glass b
  WHERE b.user_id = app_user_id() AND b.request_id = app_setting('request_id') AND app_has_permission('clinical.break_glass')
$$;

CREATE OR REPLACE FUNCTION app_clinician_write_patients() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.patient_id FROM appointments a JOIN doctors d ON d.id = a.doctor_id
  WHERE d.user_id = app_user_id() AND a.status <> 'cancelled' AND app_has_permission('clinical.write.care')
  UNION
  SELECT e.patient_id FROM encounters e JOIN doctors d ON d.id = e.doctor_id
  WHERE d.user_id = app_user_id() AND app_has_permission('clinical.write.care')
$$;

-- The patient themself, and the patients who gave this family member medical_records.read.
CREATE OR REPLACE FUNCTION app_own_record_patients() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id FROM patients p WHERE p.user_id = app_user_id() AND app_has_permission('medical_records.read.own')
  UNION
  SELECT f.patient_id FROM family_members f
  WHERE f.user_id = app_user_id() AND f.revoked_at IS NULL AND 'medical_records.read' = ANY (f.scopes)
    AND app_has_permission('medical_records.read.own')
$$;

ALTER TABLE encounters ENABLE ROW LEVEL SECURITY;
CREATE POLICY encounters_read ON encounters FOR SELECT
  USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY encounters_insert ON encounters FOR INSERT
  WITH CHECK (app_has_permission('clinical.write.care')
              AND doctor_id IN (SELECT d.id FROM doctors d WHERE d.user_id = app_user_id()));
CREATE POLICY encounters_update ON encounters FOR UPDATE
  USING (patient_id IN (SELECT app_clinician_write_patients())) WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()));

ALTER TABLE clinical_notes ENABLE ROW LEVEL SECURITY;
-- patients and family read signed notes only, never drafts
CREATE POLICY clinical_notes_read ON clinical_notes FOR SELECT
  USING (patient_id IN (SELECT app_clinician_read_patients()) OR (signed_at IS NOT NULL AND patient_id IN (SELECT app_own_record_patients())));
CREATE POLICY clinical_notes_insert ON clinical_notes FOR INSERT
  WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()) AND author_id = app_user_id());
CREATE POLICY clinical_notes_update ON clinical_notes FOR UPDATE
  USING (patient_id IN (SELECT app_clinician_write_patients()) AND author_id = app_user_id())
  WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()) AND author_id = app_user_id());

ALTER TABLE diagnoses ENABLE ROW LEVEL SECURITY;
CREATE POLICY diagnoses_read ON diagnoses FOR SELECT USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY diagnoses_write ON diagnoses FOR INSERT WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()));
CREATE POLICY diagnoses_update ON diagnoses FOR UPDATE USING (patient_id IN (SELECT app_clinician_write_patients())) WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()));

ALTER TABLE observations ENABLE ROW LEVEL SECURITY;
CREATE POLICY observations_read ON observations FOR SELECT USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY observations_write ON observations FOR INSERT WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()));

ALTER TABLE prescriptions ENABLE ROW LEVEL SECURITY;
CREATE POLICY prescriptions_read ON prescriptions FOR SELECT USING (patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY prescriptions_write ON prescriptions FOR INSERT WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()) AND prescriber_id = app_user_id());
CREATE POLICY prescriptions_update ON prescriptions FOR UPDATE USING (patient_id IN (SELECT app_clinician_write_patients())) WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()));

-- The allergies banner is what nurses and reception may see, besides the clinicians and the patient.
ALTER TABLE allergies ENABLE ROW LEVEL SECURITY;
CREATE POLICY allergies_read ON allergies FOR SELECT
  USING ((SELECT app_has_permission('clinical.summary.read')) OR patient_id IN (SELECT app_clinician_read_patients()) OR patient_id IN (SELECT app_own_record_patients()));
CREATE POLICY allergies_write ON allergies FOR INSERT WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()));
CREATE POLICY allergies_update ON allergies FOR UPDATE USING (patient_id IN (SELECT app_clinician_write_patients())) WITH CHECK (patient_id IN (SELECT app_clinician_write_patients()));

ALTER TABLE clinical_break_glass ENABLE ROW LEVEL SECURITY;
CREATE POLICY clinical_break_glass_own ON clinical_break_glass FOR SELECT USING (user_id = app_user_id());
CREATE POLICY clinical_break_glass_insert ON clinical_break_glass FOR INSERT
  WITH CHECK (user_id = app_user_id() AND app_has_permission('clinical.break_glass')
              AND request_id = app_setting('request_id'));

--changeset moeen:025-clinical-json splitStatements:false
-- One representation per resource, built where the rows are.
CREATE OR REPLACE FUNCTION clinical_note_json(n clinical_notes) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', n.id, 'encounterId', n.encounter_id, 'patientId', n.patient_id,
    'authorId', n.author_id, 'kind', n.kind, 'amendsId', n.amends_id, 'format', n.format,
    'subjective', n.subjective, 'objective', n.objective, 'assessment', n.assessment, 'plan', n.plan, 'text', n.body,
    'status', CASE WHEN n.signed_at IS NULL THEN 'draft' ELSE 'signed' END,
    'signedAt', n.signed_at, 'createdAt', n.created_at, 'updatedAt', n.updated_at))
$$;

CREATE OR REPLACE FUNCTION clinical_diagnosis_json(g diagnoses) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', g.id, 'encounterId', g.encounter_id, 'patientId', g.patient_id,
    'code', g.code, 'system', 'ICD-10', 'titleEn', c.title_en, 'titleAr', c.title_ar, 'rank', g.rank,
    'clinicalStatus', g.clinical_status, 'onsetDate', g.onset_date, 'resolvedDate', g.resolved_date, 'note', g.note,
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
    'abnormalFlag', o.abnormal_flag, 'derived', o.derived, 'status', o.status, 'effectiveAt', o.effective_at))
$$;

CREATE OR REPLACE FUNCTION clinical_prescription_json(r prescriptions) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', r.id, 'encounterId', r.encounter_id, 'patientId', r.patient_id,
    'prescriberId', r.prescriber_id, 'drug', jsonb_build_object('text', r.drug_name), 'dose', r.dose, 'route', r.route,
    'frequency', r.frequency, 'durationDays', r.duration_days, 'quantity', r.quantity, 'refills', r.refills,
    'instructions', r.instructions, 'instructionsLanguage', r.instructions_language, 'status', r.status,
    'allergyOverrideReason', r.allergy_override_reason, 'createdAt', r.created_at))
$$;

CREATE OR REPLACE FUNCTION clinical_allergy_json(a allergies) RETURNS jsonb
LANGUAGE sql STABLE AS $$
  SELECT jsonb_strip_nulls(jsonb_build_object('id', a.id, 'patientId', a.patient_id, 'substance', a.substance,
    'reaction', a.reaction, 'severity', a.severity, 'status', a.status, 'recordedAt', a.created_at))
$$;

-- Which patient a record belongs to, whatever row-level security shows: so that a refusal can be
-- the patient's 403/404. Returns nothing clinical.
CREATE OR REPLACE FUNCTION clinical_encounter_patient(encounter uuid) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT e.patient_id FROM encounters e WHERE e.id = encounter
$$;
