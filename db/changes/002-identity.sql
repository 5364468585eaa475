--liquibase formatted sql

--changeset moeen:002-app-role splitStatements:false
-- The service's pool runs as moeen_app (startup parameter role=moeen_app): it owns no table, so
-- row-level security applies to it even when the login user is the tables' owner or a superuser.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'moeen_app') THEN
    CREATE ROLE moeen_app NOLOGIN NOSUPERUSER NOBYPASSRLS;
  END IF;
END
$$;
DO $$
BEGIN
  EXECUTE format('GRANT moeen_app TO %I', current_user);
END
$$;

--changeset moeen:002-app-role-grants
GRANT USAGE ON SCHEMA public TO moeen_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO moeen_app;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO moeen_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO moeen_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO moeen_app;
REVOKE ALL ON databasechangelog, databasechangeloglock FROM moeen_app;

--changeset moeen:002-arabic-normalization splitStatements:false
-- Folds the spellings people mix when they type Arabic names: diacritics and tatweel dropped,
-- alef forms to bare alef, alef maqsura to ya, ta marbuta to ha, hamza carriers to their letter,
-- Arabic-Indic and Persian digits to ASCII; Latin lower-cased.
CREATE OR REPLACE FUNCTION normalize_search_text(input text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT lower(translate(
    regexp_replace(coalesce(input, ''), '[\u064B-\u0652\u0670\u0640]', '', 'g'),
    'أإآٱىةؤئ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹',
    'اااايهوي01234567890123456789'))
$$;

--changeset moeen:002-roles-permissions
CREATE TABLE roles (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  code           varchar(50) NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z_]*$'),
  name_ar        text        NOT NULL,
  name_en        text        NOT NULL,
  description_ar text,
  description_en text,
  is_system      boolean     NOT NULL DEFAULT false,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER roles_updated_at BEFORE UPDATE ON roles FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE permissions (
  id             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  code           varchar(100) NOT NULL UNIQUE CHECK (code ~ '^[a-z_]+(\.[a-z_]+)+$'),
  description_ar text         NOT NULL,
  description_en text         NOT NULL,
  created_at     timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE role_permissions (
  role_id       uuid        NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
  permission_id uuid        NOT NULL REFERENCES permissions (id) ON DELETE CASCADE,
  granted_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (role_id, permission_id)
);

--changeset moeen:002-users
CREATE TABLE users (
  id                       uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  email                    varchar(254) CHECK (email = lower(email) AND email LIKE '%_@_%'),
  phone                    varchar(16)  CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  password_hash            text         NOT NULL,
  first_name_ar            text,
  last_name_ar             text,
  first_name_en            text,
  last_name_en             text,
  language_preference      varchar(8)   NOT NULL DEFAULT 'ar' REFERENCES languages (code),
  notification_preferences jsonb        NOT NULL DEFAULT '{}'::jsonb,
  is_active                boolean      NOT NULL DEFAULT true,
  last_login               timestamptz,
  totp_secret              text,
  totp_enabled             boolean      NOT NULL DEFAULT false,
  totp_confirmed_at        timestamptz,
  password_changed_at      timestamptz  NOT NULL DEFAULT now(),
  created_at               timestamptz  NOT NULL DEFAULT now(),
  updated_at               timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT users_reachable CHECK (email IS NOT NULL OR phone IS NOT NULL),
  CONSTRAINT users_named CHECK (coalesce(first_name_ar, first_name_en) IS NOT NULL)
);
CREATE UNIQUE INDEX users_email_unique ON users (email) WHERE email IS NOT NULL;
CREATE UNIQUE INDEX users_phone_unique ON users (phone) WHERE phone IS NOT NULL;
CREATE TRIGGER users_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE user_roles (
  user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role_id    uuid        NOT NULL REFERENCES roles (id) ON DELETE RESTRICT,
  granted_by uuid        REFERENCES users (id),
  granted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, role_id)
);

CREATE TABLE role_change_requests (
  id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id           uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  requested_role_id uuid        NOT NULL REFERENCES roles (id),
  reason            text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  status            varchar(16) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'rejected', 'withdrawn')),
  reviewed_by       uuid        REFERENCES users (id),
  reviewed_at       timestamptz,
  review_notes      text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX role_change_requests_user ON role_change_requests (user_id);
CREATE INDEX role_change_requests_status ON role_change_requests (status, created_at);
-- one open request per user and role
CREATE UNIQUE INDEX role_change_requests_one_pending ON role_change_requests (user_id, requested_role_id) WHERE status = 'pending';
CREATE TRIGGER role_change_requests_updated_at BEFORE UPDATE ON role_change_requests FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE login_activity (
  id             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id        uuid         REFERENCES users (id) ON DELETE CASCADE,
  identifier     varchar(254),
  occurred_at    timestamptz  NOT NULL DEFAULT now(),
  ip_address     inet,
  user_agent     text,
  success        boolean      NOT NULL,
  failure_reason varchar(50)
);
CREATE INDEX login_activity_user_time ON login_activity (user_id, occurred_at DESC);

CREATE TABLE password_reset_tokens (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  token_hash   char(64)    NOT NULL UNIQUE,
  expires_at   timestamptz NOT NULL,
  used_at      timestamptz,
  requested_ip inet,
  created_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE refresh_tokens (
  id            uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  family_id     uuid        NOT NULL,
  token_hash    char(64)    NOT NULL UNIQUE,
  expires_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  revoke_reason varchar(30) CHECK (revoke_reason IN ('rotated', 'logout', 'reuse_detected', 'password_changed', 'deactivated')),
  replaced_by   uuid        REFERENCES refresh_tokens (id),
  ip_address    inet,
  user_agent    text,
  created_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON refresh_tokens (user_id) WHERE revoked_at IS NULL;

--changeset moeen:002-patients
CREATE SEQUENCE patient_record_number_seq START 1001;
CREATE TABLE patients (
  id                      uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  -- human-readable, stable, printed on cards: MRN-0001001
  medical_record_number   varchar(20)  NOT NULL UNIQUE
                                       DEFAULT 'MRN-' || lpad(nextval('patient_record_number_seq')::text, 7, '0'),
  user_id                 uuid         UNIQUE REFERENCES users (id) ON DELETE SET NULL,
  first_name_ar           text,
  last_name_ar            text,
  first_name_en           text,
  last_name_en            text,
  date_of_birth           date         CHECK (date_of_birth > DATE '1880-01-01'),
  gender                  varchar(10)  CHECK (gender IN ('male', 'female')),
  national_id             varchar(20)  CHECK (national_id ~ '^[12][0-9]{9}$'),
  phone                   varchar(16)  CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  email                   varchar(254) CHECK (email = lower(email)),
  address                 text,
  known_allergies         text[]       NOT NULL DEFAULT '{}',
  emergency_contact_name  text,
  emergency_contact_phone varchar(16)  CHECK (emergency_contact_phone ~ '^\+[1-9][0-9]{6,14}$'),
  medical_history         text,
  preferred_language      varchar(8)   NOT NULL DEFAULT 'ar' REFERENCES languages (code),
  is_active               boolean      NOT NULL DEFAULT true,
  created_by              uuid         REFERENCES users (id),
  created_at              timestamptz  NOT NULL DEFAULT now(),
  updated_at              timestamptz  NOT NULL DEFAULT now(),
  search_text             text         GENERATED ALWAYS AS (normalize_search_text(
      coalesce(first_name_ar, '') || ' ' || coalesce(last_name_ar, '') || ' ' ||
      coalesce(first_name_en, '') || ' ' || coalesce(last_name_en, ''))) STORED,
  CONSTRAINT patients_named CHECK (coalesce(first_name_ar, first_name_en) IS NOT NULL)
);
-- national id (Saudi, starts with 1) or iqama (resident, starts with 2): unique when present
CREATE UNIQUE INDEX patients_national_id_unique ON patients (national_id) WHERE national_id IS NOT NULL;
CREATE INDEX patients_phone ON patients (phone);
CREATE INDEX patients_search_trgm ON patients USING gin (search_text gin_trgm_ops);
CREATE TRIGGER patients_updated_at BEFORE UPDATE ON patients FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE family_members (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id   uuid        NOT NULL REFERENCES patients (id) ON DELETE CASCADE,
  user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  relationship varchar(20) NOT NULL CHECK (relationship IN ('parent', 'child', 'spouse', 'sibling', 'guardian', 'other')),
  -- what the patient lets this person see or do, e.g. appointments.read, appointments.write, medical_records.read
  scopes       text[]      NOT NULL DEFAULT '{}',
  granted_at   timestamptz NOT NULL DEFAULT now(),
  revoked_at   timestamptz,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX family_members_one_active ON family_members (patient_id, user_id) WHERE revoked_at IS NULL;
CREATE INDEX family_members_user ON family_members (user_id) WHERE revoked_at IS NULL;
CREATE TRIGGER family_members_updated_at BEFORE UPDATE ON family_members FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

--changeset moeen:002-audit
-- Append-only: who did what to which record, when and from where.
CREATE TABLE audit_logs (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  occurred_at timestamptz NOT NULL DEFAULT now(),
  user_id     uuid,
  role        varchar(50),
  action      varchar(30) NOT NULL,
  entity_type varchar(64) NOT NULL,
  entity_id   text,
  patient_id  uuid,
  old_values  jsonb,
  new_values  jsonb,
  ip_address  inet,
  request_id  varchar(64)
);
CREATE INDEX audit_logs_time ON audit_logs (occurred_at DESC);
CREATE INDEX audit_logs_entity ON audit_logs (entity_type, entity_id, occurred_at DESC);
CREATE INDEX audit_logs_user ON audit_logs (user_id, occurred_at DESC);
CREATE INDEX audit_logs_patient ON audit_logs (patient_id, occurred_at DESC);
REVOKE UPDATE, DELETE, TRUNCATE ON audit_logs FROM moeen_app;

--changeset moeen:002-audit-functions splitStatements:false
CREATE OR REPLACE FUNCTION audit_logs_are_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_logs is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_logs_no_update BEFORE UPDATE OR DELETE ON audit_logs
  FOR EACH ROW EXECUTE FUNCTION audit_logs_are_append_only();
CREATE TRIGGER audit_logs_no_truncate BEFORE TRUNCATE ON audit_logs
  FOR EACH STATEMENT EXECUTE FUNCTION audit_logs_are_append_only();

-- The session settings each transaction sets (see common.db.SessionContext).
CREATE OR REPLACE FUNCTION app_setting(name text) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('app.' || name, true), '')
$$;

CREATE OR REPLACE FUNCTION app_user_id() RETURNS uuid
LANGUAGE sql STABLE AS $$
  SELECT app_setting('user_id')::uuid
$$;

-- Row changes to patient data: one audit row per change, with the changed values.
-- SECURITY DEFINER so the row is written even though moeen_app may only insert.
CREATE OR REPLACE FUNCTION audit_row_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  old_json jsonb := CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN to_jsonb(OLD) - 'search_text' END;
  new_json jsonb := CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN to_jsonb(NEW) - 'search_text' END;
  row_json jsonb := coalesce(new_json, old_json);
BEGIN
  IF TG_OP = 'UPDATE' THEN
    -- keep only what changed
    SELECT jsonb_object_agg(n.key, n.value) INTO new_json FROM jsonb_each(to_jsonb(NEW) - 'search_text') n
      WHERE n.value IS DISTINCT FROM old_json -> n.key AND n.key <> 'updated_at';
    IF new_json IS NULL THEN
      RETURN NULL;
    END IF;
    SELECT jsonb_object_agg(k, old_json -> k) INTO old_json FROM jsonb_object_keys(new_json) k;
  END IF;
  INSERT INTO audit_logs (user_id, role, action, entity_type, entity_id, patient_id, old_values, new_values, ip_address, request_id)
  VALUES (app_user_id(), app_setting('role'), lower(TG_OP), TG_TABLE_NAME, row_json ->> 'id',
          (CASE WHEN TG_TABLE_NAME = 'patients' THEN row_json ->> 'id' ELSE row_json ->> 'patient_id' END)::uuid,
          old_json, new_json, app_setting('ip')::inet, app_setting('request_id'));
  RETURN NULL;
END;
$$;

CREATE TRIGGER patients_audit AFTER INSERT OR UPDATE OR DELETE ON patients
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();
CREATE TRIGGER family_members_audit AFTER INSERT OR UPDATE OR DELETE ON family_members
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();

--changeset moeen:002-row-level-security splitStatements:false
-- The second wall behind the application's own checks. app.patient_access is 'any' for staff
-- allowed to see every patient; otherwise a principal sees the patient record linked to its
-- user and those a patient granted it through family_members.
CREATE OR REPLACE FUNCTION app_visible_patient_ids() RETURNS SETOF uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT p.id FROM patients p WHERE p.user_id = app_user_id()
  UNION
  SELECT f.patient_id FROM family_members f WHERE f.user_id = app_user_id() AND f.revoked_at IS NULL
$$;
REVOKE ALL ON FUNCTION app_visible_patient_ids() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app_visible_patient_ids() TO moeen_app;

CREATE OR REPLACE FUNCTION app_may_see_patient(patient uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT app_setting('patient_access') = 'any' OR patient IN (SELECT app_visible_patient_ids())
$$;

ALTER TABLE patients ENABLE ROW LEVEL SECURITY;
CREATE POLICY patients_visible ON patients
  USING (app_may_see_patient(id))
  WITH CHECK (app_setting('patient_access') = 'any' OR user_id = app_user_id());

ALTER TABLE family_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY family_members_visible ON family_members
  USING (app_setting('patient_access') = 'any' OR user_id = app_user_id()
         OR patient_id IN (SELECT p.id FROM patients p WHERE p.user_id = app_user_id()))
  WITH CHECK (app_setting('patient_access') = 'any'
         OR patient_id IN (SELECT p.id FROM patients p WHERE p.user_id = app_user_id()));

ALTER TABLE audit_logs ENABLE ROW LEVEL SECURITY;
-- anyone may append (through the triggers or the application); only auditors read
CREATE POLICY audit_logs_append ON audit_logs FOR INSERT WITH CHECK (true);
CREATE POLICY audit_logs_read ON audit_logs FOR SELECT USING (app_setting('audit_access') = 'any');

--changeset moeen:002-role-catalogue
INSERT INTO roles (code, name_ar, name_en, is_system) VALUES
  ('admin',         'مدير النظام',     'Administrator',  true),
  ('supervisor',    'مشرف',            'Supervisor',     true),
  ('receptionist',  'موظف استقبال',    'Receptionist',   true),
  ('doctor',        'طبيب',            'Doctor',         true),
  ('nurse',         'ممرض',            'Nurse',          true),
  ('pharmacist',    'صيدلي',           'Pharmacist',     true),
  ('accountant',    'محاسب',           'Accountant',     true),
  ('marketer',      'مسوّق',           'Marketer',       true),
  ('patient',       'مريض',            'Patient',        true),
  ('family_member', 'فرد من العائلة',  'Family member',  true);

-- Fine-grained permissions: <resource>.<action>[.any|.own]. Code asks for these, never for a role.
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('users.read.any',            'See every user account',                         'عرض جميع حسابات المستخدمين'),
  ('users.write.any',           'Activate, deactivate and edit user accounts',    'تفعيل حسابات المستخدمين وتعطيلها وتعديلها'),
  ('roles.manage',              'Manage roles and their permissions, and grant roles', 'إدارة الأدوار وصلاحياتها ومنح الأدوار'),
  ('role_requests.review',      'Approve or reject role change requests',         'قبول طلبات تغيير الدور أو رفضها'),
  ('audit_logs.read',           'Read the audit log',                             'الاطلاع على سجل التدقيق'),
  ('patients.read.any',         'See every patient''s record',                    'عرض سجل أي مريض'),
  ('patients.read.own',         'See one''s own patient record',                  'عرض سجل المريض الخاص به'),
  ('patients.create',           'Register patients',                              'تسجيل المرضى'),
  ('patients.write.any',        'Edit any patient''s record',                     'تعديل سجل أي مريض'),
  ('patients.write.own',        'Edit one''s own contact details',                'تعديل بيانات التواصل الخاصة به'),
  ('medical_records.read.any',  'Read any patient''s medical records',            'الاطلاع على السجلات الطبية لأي مريض'),
  ('medical_records.read.own',  'Read one''s own medical records',                'الاطلاع على سجلاته الطبية'),
  ('medical_records.write.any', 'Write medical records',                          'كتابة السجلات الطبية'),
  ('family.manage.own',         'Let family members see one''s records',          'منح أفراد العائلة صلاحية الاطلاع على سجلاته'),
  ('appointments.read.any',     'See every appointment',                          'عرض جميع المواعيد'),
  ('appointments.read.own',     'See one''s own appointments',                    'عرض مواعيده'),
  ('appointments.write.any',    'Book, move and cancel any appointment',          'حجز أي موعد ونقله وإلغاؤه'),
  ('appointments.write.own',    'Book, move and cancel one''s own appointments',  'حجز مواعيده ونقلها وإلغاؤها'),
  ('schedule.manage',           'Manage departments, locations, doctors, services and hours', 'إدارة الأقسام والفروع والأطباء والخدمات وساعات العمل'),
  ('leads.read',                'See CRM leads',                                  'عرض العملاء المحتملين'),
  ('leads.write',               'Create and work CRM leads',                      'إضافة العملاء المحتملين ومتابعتهم'),
  ('leads.assign',              'Assign leads to marketers',                      'إسناد العملاء المحتملين إلى المسوّقين'),
  ('crm.reports.read',          'Read CRM reports',                               'الاطلاع على تقارير إدارة العملاء'),
  ('billing.read.any',          'See every invoice and payment',                  'عرض جميع الفواتير والمدفوعات'),
  ('billing.read.own',          'See one''s own invoices and payments',           'عرض فواتيره ومدفوعاته'),
  ('billing.write.any',         'Issue invoices and record payments',             'إصدار الفواتير وتسجيل المدفوعات'),
  ('pharmacy.read',             'See prescriptions and stock',                    'عرض الوصفات والمخزون'),
  ('pharmacy.write',            'Dispense and manage stock',                      'صرف الأدوية وإدارة المخزون'),
  ('settings.read.all',         'Read every system setting',                      'الاطلاع على جميع إعدادات النظام'),
  ('settings.write',            'Change system settings',                         'تعديل إعدادات النظام'),
  ('notifications.read.own',    'Read one''s own notifications',                  'الاطلاع على إشعاراته');

INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  r.code = 'admin'
  OR (r.code = 'supervisor' AND p.code IN ('users.read.any', 'role_requests.review', 'audit_logs.read',
        'patients.read.any', 'patients.create', 'patients.write.any', 'appointments.read.any', 'appointments.write.any',
        'schedule.manage', 'leads.read', 'leads.write', 'leads.assign', 'crm.reports.read', 'billing.read.any',
        'settings.read.all', 'notifications.read.own'))
  OR (r.code = 'receptionist' AND p.code IN ('patients.read.any', 'patients.create', 'patients.write.any',
        'appointments.read.any', 'appointments.write.any', 'billing.read.any', 'notifications.read.own'))
  OR (r.code = 'doctor' AND p.code IN ('patients.read.any', 'medical_records.read.any', 'medical_records.write.any',
        'appointments.read.own', 'appointments.write.own', 'notifications.read.own'))
  OR (r.code = 'nurse' AND p.code IN ('patients.read.any', 'medical_records.read.any', 'appointments.read.any',
        'notifications.read.own'))
  OR (r.code = 'pharmacist' AND p.code IN ('patients.read.any', 'pharmacy.read', 'pharmacy.write', 'notifications.read.own'))
  OR (r.code = 'accountant' AND p.code IN ('patients.read.any', 'billing.read.any', 'billing.write.any', 'notifications.read.own'))
  OR (r.code = 'marketer' AND p.code IN ('leads.read', 'leads.write', 'crm.reports.read', 'notifications.read.own'))
  OR (r.code = 'patient' AND p.code IN ('patients.read.own', 'patients.write.own', 'medical_records.read.own',
        'family.manage.own', 'appointments.read.own', 'appointments.write.own', 'billing.read.own', 'notifications.read.own'))
  OR (r.code = 'family_member' AND p.code IN ('patients.read.own', 'medical_records.read.own', 'appointments.read.own',
        'appointments.write.own', 'notifications.read.own'));

--changeset moeen:002-principal-function splitStatements:false
-- Everything the API needs to know about a caller, in one round trip. SECURITY DEFINER: it must
-- read the caller's patient links before any session context exists.
CREATE OR REPLACE FUNCTION principal_of(target uuid) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT jsonb_build_object(
    'userId', u.id,
    'roles', coalesce((
      SELECT jsonb_agg(r.code ORDER BY array_position(ARRAY['admin', 'supervisor', 'doctor', 'nurse', 'pharmacist',
               'accountant', 'receptionist', 'marketer', 'patient', 'family_member']::text[], r.code::text), r.code)
      FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id), '[]'::jsonb),
    'permissions', coalesce((
      SELECT jsonb_agg(DISTINCT p.code)
      FROM user_roles ur
      JOIN role_permissions rp ON rp.role_id = ur.role_id
      JOIN permissions p ON p.id = rp.permission_id
      WHERE ur.user_id = u.id), '[]'::jsonb),
    'patientId', (SELECT p.id FROM patients p WHERE p.user_id = u.id AND p.is_active),
    'family', coalesce((
      SELECT jsonb_agg(jsonb_build_object('patientId', f.patient_id, 'scopes', to_jsonb(f.scopes)))
      FROM family_members f JOIN patients p ON p.id = f.patient_id AND p.is_active
      WHERE f.user_id = u.id AND f.revoked_at IS NULL), '[]'::jsonb),
    'language', u.language_preference)
  FROM users u
  WHERE u.id = target AND u.is_active
$$;
REVOKE ALL ON FUNCTION principal_of(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION principal_of(uuid) TO moeen_app;
