--liquibase formatted sql

--changeset moeen:035-hospital-roles-permissions
-- The hospital side's own roles and permissions. Code asks for permissions, never for a role.
INSERT INTO roles (code, name_ar, name_en, is_system) VALUES
  ('admissions',   'موظف القبول والتنويم',  'Admissions desk',      true),
  ('housekeeping', 'موظف خدمات النظافة',    'Housekeeping',         true),
  ('dispatcher',   'منسّق الإسعاف',          'Ambulance dispatcher', true);

INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('beds.read',             'See wards, rooms, beds and the occupancy board (without patients)', 'عرض الأجنحة والغرف والأسرّة ولوحة الإشغال (دون بيانات المرضى)'),
  ('beds.manage',           'Manage room types, wards, rooms and beds, and take beds out of service', 'إدارة أنواع الغرف والأجنحة والغرف والأسرّة وإيقاف الأسرّة عن الخدمة'),
  ('admissions.read',       'See inpatient admissions and who lies in which bed', 'عرض حالات التنويم ومن يشغل كل سرير'),
  ('admissions.write',      'Admit, reserve beds, transfer and discharge inpatients', 'تنويم المرضى وحجز الأسرّة ونقلهم وإخراجهم'),
  ('cleaning.read',         'See cleaning tasks', 'عرض مهام التنظيف'),
  ('cleaning.write',        'Mark cleaning tasks done', 'إنجاز مهام التنظيف'),
  ('cleaning.supervise',    'Schedule cleaning and be told of overdue tasks', 'جدولة التنظيف وتلقي تنبيهات المهام المتأخرة'),
  ('ambulances.read',       'See ambulances, crews and runs', 'عرض سيارات الإسعاف وطواقمها ومهماتها'),
  ('ambulances.dispatch',   'Log ambulance calls and the steps of each run', 'تسجيل بلاغات الإسعاف ومراحل كل مهمة'),
  ('ambulances.manage',     'Manage the ambulance fleet and crews', 'إدارة أسطول الإسعاف وطواقمه'),
  ('staff.read',            'See staff profiles', 'عرض ملفات الموظفين'),
  ('staff.manage',          'Manage staff profiles', 'إدارة ملفات الموظفين'),
  ('hospital.reports.read', 'Read hospital reports (occupancy, length of stay, response times, cleaning)', 'الاطلاع على تقارير المستشفى (الإشغال ومدة الإقامة وزمن الاستجابة والتنظيف)');

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (r.code IN ('admin', 'supervisor') AND p.code IN ('beds.read', 'beds.manage', 'admissions.read', 'admissions.write',
      'cleaning.read', 'cleaning.write', 'cleaning.supervise', 'ambulances.read', 'ambulances.dispatch',
      'ambulances.manage', 'staff.read', 'staff.manage', 'hospital.reports.read'))
  OR (r.code = 'admissions' AND p.code IN ('beds.read', 'beds.manage', 'admissions.read', 'admissions.write',
      'cleaning.read', 'staff.read', 'hospital.reports.read', 'patients.read.any', 'patients.create',
      'notifications.read.own'))
  OR (r.code = 'nurse' AND p.code IN ('beds.read', 'beds.manage', 'admissions.read', 'admissions.write',
      'cleaning.read', 'staff.read'))
  OR (r.code = 'doctor' AND p.code IN ('beds.read', 'admissions.read'))
  OR (r.code = 'housekeeping' AND p.code IN ('beds.read', 'cleaning.read', 'cleaning.write', 'notifications.read.own'))
  OR (r.code = 'dispatcher' AND p.code IN ('ambulances.read', 'ambulances.dispatch', 'staff.read',
      'notifications.read.own'));

--changeset moeen:035-hospital-beds
-- A ward is a nursing unit at a location; a hospital room is one of scheduling's rooms (not a copy)
-- with a ward, a type and a short code; beds belong to rooms.
CREATE TABLE hospital_wards (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  code        varchar(50) NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  location_id uuid        NOT NULL REFERENCES clinic_locations (id),
  name_ar     text        NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en     text        NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  is_active   boolean     NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER hospital_wards_updated_at BEFORE UPDATE ON hospital_wards FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE room_types (
  id          uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  code        varchar(50)   NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  category    varchar(16)   NOT NULL CHECK (category IN ('ward', 'private', 'icu', 'day_care', 'procedure')),
  name_ar     text          NOT NULL CHECK (length(name_ar) BETWEEN 1 AND 200),
  name_en     text          NOT NULL CHECK (length(name_en) BETWEEN 1 AND 200),
  daily_rate  numeric(10,2) NOT NULL CHECK (daily_rate >= 0),
  currency    char(3)       NOT NULL DEFAULT 'SAR',
  -- a private room has one bed; a ward as many as this
  max_beds    smallint      NOT NULL CHECK (max_beds BETWEEN 1 AND 40),
  is_active   boolean       NOT NULL DEFAULT true,
  created_at  timestamptz   NOT NULL DEFAULT now(),
  updated_at  timestamptz   NOT NULL DEFAULT now(),
  CONSTRAINT room_types_private_has_one_bed CHECK (category <> 'private' OR max_beds = 1)
);
CREATE TRIGGER room_types_updated_at BEFORE UPDATE ON room_types FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE hospital_rooms (
  -- scheduling's room; no cascade: a room with beds is in use and cannot be deleted there
  room_id      uuid        PRIMARY KEY REFERENCES rooms (id),
  ward_id      uuid        NOT NULL REFERENCES hospital_wards (id),
  room_type_id uuid        NOT NULL REFERENCES room_types (id),
  code         varchar(20) NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9-]*$'),
  floor        smallint    CHECK (floor BETWEEN -5 AND 200),
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER hospital_rooms_updated_at BEFORE UPDATE ON hospital_rooms FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- state: what the bed is now. Who lies in it, and when, is bed_assignments' business (the constraints).
CREATE TABLE beds (
  id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id               uuid        NOT NULL REFERENCES hospital_rooms (room_id),
  code                  varchar(20) NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9-]*$'),
  state                 varchar(16) NOT NULL DEFAULT 'available'
                          CHECK (state IN ('available', 'occupied', 'cleaning', 'out_of_service')),
  state_changed_at      timestamptz NOT NULL DEFAULT now(),
  out_of_service_reason text        CHECK (length(out_of_service_reason) <= 500),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT beds_code_in_room UNIQUE (room_id, code)
);
CREATE TRIGGER beds_updated_at BEFORE UPDATE ON beds FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

--changeset moeen:035-hospital-admissions
CREATE TABLE admissions (
  id                    uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id            uuid        NOT NULL REFERENCES patients (id),
  doctor_id             uuid        NOT NULL REFERENCES doctors (id),
  reason                text        NOT NULL CHECK (length(btrim(reason)) BETWEEN 1 AND 1000),
  status                varchar(12) NOT NULL CHECK (status IN ('planned', 'admitted', 'discharged', 'cancelled')),
  planned_admission_at  timestamptz,
  expected_discharge_at timestamptz,
  admitted_at           timestamptz,
  discharge_ordered_at  timestamptz,
  discharged_at         timestamptz,
  created_by            uuid        REFERENCES users (id),
  version               integer     NOT NULL DEFAULT 1,
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT admissions_id_patient UNIQUE (id, patient_id),
  CONSTRAINT admissions_discharge_after_admission CHECK (discharged_at > admitted_at),
  CONSTRAINT admissions_expected_after_start CHECK (expected_discharge_at > coalesce(admitted_at, planned_admission_at)),
  CONSTRAINT admissions_times_by_status CHECK (
       (status = 'planned' AND planned_admission_at IS NOT NULL AND admitted_at IS NULL AND discharged_at IS NULL)
    OR (status = 'admitted' AND admitted_at IS NOT NULL AND discharged_at IS NULL)
    OR (status = 'discharged' AND admitted_at IS NOT NULL AND discharged_at IS NOT NULL)
    OR (status = 'cancelled' AND admitted_at IS NULL AND discharged_at IS NULL))
);
CREATE INDEX admissions_status ON admissions (status, admitted_at);
CREATE INDEX admissions_patient ON admissions (patient_id);
CREATE TRIGGER admissions_updated_at BEFORE UPDATE ON admissions FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Who holds which bed when: a stay (admitted; open-ended until the actual discharge or transfer) or a
-- reservation for a planned admission. Both block alike: one patient per bed and one bed per patient at
-- any instant, whatever the application believes (the overlap bug Care and Marley Health shipped).
CREATE TABLE bed_assignments (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  admission_id uuid        NOT NULL,
  patient_id   uuid        NOT NULL,
  bed_id       uuid        NOT NULL REFERENCES beds (id),
  kind         varchar(12) NOT NULL CHECK (kind IN ('reservation', 'stay')),
  during       tstzrange   NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during)),
  ended_by     varchar(12) CHECK (ended_by IN ('transfer', 'discharge')),
  created_at   timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT bed_assignments_admission FOREIGN KEY (admission_id, patient_id) REFERENCES admissions (id, patient_id),
  CONSTRAINT bed_assignments_one_patient_per_bed EXCLUDE USING gist (bed_id WITH =, during WITH &&),
  CONSTRAINT bed_assignments_one_bed_per_patient EXCLUDE USING gist (patient_id WITH =, during WITH &&)
);
CREATE INDEX bed_assignments_admission ON bed_assignments (admission_id);

-- admissions are patient data: audited like the patient record, visible as the patient record is
CREATE TRIGGER admissions_audit AFTER INSERT OR UPDATE OR DELETE ON admissions
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER bed_assignments_audit AFTER INSERT OR UPDATE OR DELETE ON bed_assignments
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();
ALTER TABLE admissions ENABLE ROW LEVEL SECURITY;
CREATE POLICY admissions_visible ON admissions USING (app_may_see_patient(patient_id))
  WITH CHECK (app_setting('patient_access') = 'any');
ALTER TABLE bed_assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY bed_assignments_visible ON bed_assignments USING (app_may_see_patient(patient_id))
  WITH CHECK (app_setting('patient_access') = 'any');

--changeset moeen:035-hospital-cleaning
CREATE TABLE cleaning_tasks (
  id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  room_id             uuid        NOT NULL REFERENCES hospital_rooms (room_id),
  bed_id              uuid        REFERENCES beds (id),
  kind                varchar(12) NOT NULL CHECK (kind IN ('discharge', 'transfer', 'daily_round', 'deep_clean')),
  status              varchar(12) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
  due_at              timestamptz NOT NULL,
  repeat_daily        boolean     NOT NULL DEFAULT false,
  notes               text        CHECK (length(notes) <= 1000),
  created_by          uuid        REFERENCES users (id),
  completed_by        uuid        REFERENCES users (id),
  completed_at        timestamptz,
  overdue_notified_at timestamptz,
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT cleaning_tasks_bed_kinds CHECK (kind NOT IN ('discharge', 'transfer') OR bed_id IS NOT NULL),
  CONSTRAINT cleaning_tasks_done_shape CHECK ((status = 'done') = (completed_at IS NOT NULL AND completed_by IS NOT NULL)),
  CONSTRAINT cleaning_tasks_done_after_created CHECK (completed_at >= created_at)
);
-- a dirty bed has one open task
CREATE UNIQUE INDEX cleaning_tasks_one_open_per_bed ON cleaning_tasks (bed_id) WHERE status = 'open' AND bed_id IS NOT NULL;
CREATE INDEX cleaning_tasks_open_due ON cleaning_tasks (due_at) WHERE status = 'open';
CREATE TRIGGER cleaning_tasks_updated_at BEFORE UPDATE ON cleaning_tasks FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

INSERT INTO system_settings (key, value, category, is_public, is_localized, description_en, description_ar) VALUES
  ('hospital.cleaning_due_minutes', '60', 'hospital', false, false,
   'Minutes housekeeping has to clean a bed after a discharge or transfer before the task is overdue',
   'عدد الدقائق المتاحة لتنظيف السرير بعد خروج المريض أو نقله قبل أن تُعدّ المهمة متأخرة');

WITH wording (event_type, locale, subject, body) AS (VALUES
  ('cleaning_task_overdue', 'ar', 'مهمة تنظيف متأخرة',
   'مهمة التنظيف في الغرفة {roomCode}{bedCode, select, none {} other { (السرير {bedCode})}} كان موعدها {dueAt} ولم تُنجز بعد.'),
  ('cleaning_task_overdue', 'en', 'Cleaning task overdue',
   'The cleaning task in room {roomCode}{bedCode, select, none {} other { (bed {bedCode})}} was due at {dueAt} and is not done yet.')
)
INSERT INTO notification_templates (event_type, channel, locale, subject, body)
SELECT w.event_type, 'in_app', w.locale, w.subject, w.body FROM wording w;

--changeset moeen:035-hospital-staff-ambulances
-- People who work here and are not doctors; user_id links those who sign in.
CREATE TABLE staff_profiles (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid        UNIQUE REFERENCES users (id),
  first_name_ar text        NOT NULL CHECK (length(first_name_ar) BETWEEN 1 AND 100),
  last_name_ar  text        CHECK (length(last_name_ar) <= 100),
  first_name_en text        NOT NULL CHECK (length(first_name_en) BETWEEN 1 AND 100),
  last_name_en  text        CHECK (length(last_name_en) <= 100),
  job           varchar(16) NOT NULL CHECK (job IN ('nurse', 'pharmacist', 'housekeeping', 'driver', 'paramedic',
                                                      'receptionist', 'admissions', 'dispatcher', 'technician', 'other')),
  department_id uuid        REFERENCES departments (id),
  shift         varchar(12) NOT NULL CHECK (shift IN ('morning', 'evening', 'night', 'rotating')),
  phone         varchar(16) CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  is_active     boolean     NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER staff_profiles_updated_at BEFORE UPDATE ON staff_profiles FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE ambulances (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  plate       varchar(20) NOT NULL UNIQUE CHECK (length(btrim(plate)) BETWEEN 2 AND 20),
  kind        varchar(12) NOT NULL CHECK (kind IN ('basic', 'advanced', 'transport', 'neonatal')),
  equipment   text[]      NOT NULL DEFAULT '{}',
  in_service  boolean     NOT NULL DEFAULT true,
  location_id uuid        REFERENCES clinic_locations (id),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER ambulances_updated_at BEFORE UPDATE ON ambulances FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE ambulance_crew (
  ambulance_id uuid        NOT NULL REFERENCES ambulances (id) ON DELETE CASCADE,
  staff_id     uuid        NOT NULL REFERENCES staff_profiles (id),
  crew_role    varchar(12) NOT NULL CHECK (crew_role IN ('driver', 'paramedic', 'nurse', 'emt')),
  PRIMARY KEY (ambulance_id, staff_id)
);

-- A run: call received → dispatched → at scene → transporting → at hospital → available (the last two
-- may be skipped when no one is carried). A vehicle is on one run at a time, from dispatch until available.
CREATE TABLE ambulance_runs (
  id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  ambulance_id     uuid        REFERENCES ambulances (id),
  status           varchar(16) NOT NULL DEFAULT 'call_received' CHECK (status IN ('call_received', 'dispatched',
                                 'at_scene', 'transporting', 'at_hospital', 'available', 'cancelled')),
  call_received_at timestamptz NOT NULL,
  dispatched_at    timestamptz,
  at_scene_at      timestamptz,
  transporting_at  timestamptz,
  at_hospital_at   timestamptz,
  available_at     timestamptz,
  pickup           text        NOT NULL CHECK (length(btrim(pickup)) BETWEEN 1 AND 500),
  destination      text        NOT NULL CHECK (length(btrim(destination)) BETWEEN 1 AND 500),
  patient_id       uuid        REFERENCES patients (id),
  caller_phone     varchar(16) CHECK (caller_phone ~ '^\+[1-9][0-9]{6,14}$'),
  notes            text        CHECK (length(notes) <= 2000),
  created_by       uuid        REFERENCES users (id),
  version          integer     NOT NULL DEFAULT 1,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ambulance_runs_dispatch_has_vehicle CHECK (dispatched_at IS NULL OR ambulance_id IS NOT NULL),
  CONSTRAINT ambulance_runs_steps_in_order CHECK (
        dispatched_at >= call_received_at AND at_scene_at >= dispatched_at AND transporting_at >= at_scene_at
    AND at_hospital_at >= transporting_at
    AND available_at >= coalesce(at_hospital_at, transporting_at, at_scene_at, dispatched_at)),
  CONSTRAINT ambulance_runs_one_run_per_vehicle EXCLUDE USING gist
    (ambulance_id WITH =, tstzrange(dispatched_at, available_at, '[)') WITH &&)
    WHERE (ambulance_id IS NOT NULL AND dispatched_at IS NOT NULL)
);
CREATE INDEX ambulance_runs_call ON ambulance_runs (call_received_at);
CREATE TRIGGER ambulance_runs_updated_at BEFORE UPDATE ON ambulance_runs FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

--changeset moeen:035-hospital-report-functions splitStatements:false
-- The reports count stays and discharges, never name anyone: these definer functions give them the times and
-- beds alone, so a report reads the same whoever may or may not see the patients behind it.
CREATE OR REPLACE FUNCTION hospital_occupancy_stays() RETURNS TABLE (bed_id uuid, admission_id uuid, during tstzrange)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT ba.bed_id, ba.admission_id, ba.during FROM bed_assignments ba WHERE ba.kind = 'stay'
$$;
REVOKE ALL ON FUNCTION hospital_occupancy_stays() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hospital_occupancy_stays() TO moeen_app;

CREATE OR REPLACE FUNCTION hospital_discharges(p_from timestamptz, p_to timestamptz)
RETURNS TABLE (admitted_at timestamptz, discharged_at timestamptz, last_bed_id uuid)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.admitted_at, a.discharged_at,
         (SELECT ba.bed_id FROM bed_assignments ba WHERE ba.admission_id = a.id AND ba.kind = 'stay'
          ORDER BY lower(ba.during) DESC LIMIT 1)
  FROM admissions a WHERE a.status = 'discharged' AND a.discharged_at >= p_from AND a.discharged_at < p_to
$$;
REVOKE ALL ON FUNCTION hospital_discharges(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION hospital_discharges(timestamptz, timestamptz) TO moeen_app;
