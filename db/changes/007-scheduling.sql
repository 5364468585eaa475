--liquibase formatted sql

--changeset moeen:007-catalogue
CREATE TABLE departments (
  id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  code           varchar(50) NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  name_ar        text        NOT NULL,
  name_en        text        NOT NULL,
  description_ar text,
  description_en text,
  is_active      boolean     NOT NULL DEFAULT true,
  sort_order     integer     NOT NULL DEFAULT 0,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER departments_updated_at BEFORE UPDATE ON departments FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE clinic_locations (
  id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  code         varchar(50)  NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  name_ar      text         NOT NULL,
  name_en      text         NOT NULL,
  address_ar   text,
  address_en   text,
  phone        varchar(16)  CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  latitude     numeric(9,6) CHECK (latitude BETWEEN -90 AND 90),
  longitude    numeric(9,6) CHECK (longitude BETWEEN -180 AND 180),
  -- IANA zone; every computation for this location happens in it (checked by the application)
  time_zone    varchar(64)  NOT NULL DEFAULT 'Asia/Riyadh',
  -- ISO days of the week (1 Monday … 7 Sunday); Friday and Saturday in Saudi Arabia
  weekend_days smallint[]   NOT NULL DEFAULT '{5,6}' CHECK (weekend_days <@ '{1,2,3,4,5,6,7}'::smallint[]),
  is_active    boolean      NOT NULL DEFAULT true,
  created_at   timestamptz  NOT NULL DEFAULT now(),
  updated_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE TRIGGER clinic_locations_updated_at BEFORE UPDATE ON clinic_locations FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE rooms (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  location_id uuid        NOT NULL REFERENCES clinic_locations (id) ON DELETE CASCADE,
  name_ar     text        NOT NULL,
  name_en     text        NOT NULL,
  is_active   boolean     NOT NULL DEFAULT true,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER rooms_updated_at BEFORE UPDATE ON rooms FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE doctors (
  id               uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id          uuid          NOT NULL UNIQUE REFERENCES users (id),
  department_id    uuid          REFERENCES departments (id),
  specialty_ar     text          NOT NULL,
  specialty_en     text          NOT NULL,
  license_number   varchar(50)   UNIQUE,
  bio_ar           text,
  bio_en           text,
  consultation_fee numeric(10,2) CHECK (consultation_fee >= 0),
  is_active        boolean       NOT NULL DEFAULT true,
  created_at       timestamptz   NOT NULL DEFAULT now(),
  updated_at       timestamptz   NOT NULL DEFAULT now()
);
CREATE TRIGGER doctors_updated_at BEFORE UPDATE ON doctors FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE services (
  id                    uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
  code                  varchar(50)   NOT NULL UNIQUE CHECK (code ~ '^[a-z][a-z0-9_]*$'),
  name_ar               text          NOT NULL,
  name_en               text          NOT NULL,
  description_ar        text,
  description_en        text,
  -- seed 003's dental categories and the general ones
  category              varchar(30)   NOT NULL DEFAULT 'general' CHECK (category IN ('general', 'consultation',
                          'follow_up', 'checkup', 'pediatrics', 'cardiology', 'lab', 'imaging', 'vaccination',
                          'orthodontics', 'restorations', 'xrays', 'oral_surgery', 'preventive', 'cosmetic')),
  department_id         uuid          REFERENCES departments (id),
  duration_minutes      integer       NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  price                 numeric(10,2) NOT NULL CHECK (price >= 0),
  currency              char(3)       NOT NULL DEFAULT 'SAR',
  buffer_before_minutes integer       NOT NULL DEFAULT 0 CHECK (buffer_before_minutes BETWEEN 0 AND 120),
  buffer_after_minutes  integer       NOT NULL DEFAULT 0 CHECK (buffer_after_minutes BETWEEN 0 AND 120),
  is_active             boolean       NOT NULL DEFAULT true,
  created_at            timestamptz   NOT NULL DEFAULT now(),
  updated_at            timestamptz   NOT NULL DEFAULT now()
);
CREATE TRIGGER services_updated_at BEFORE UPDATE ON services FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE doctor_services (
  doctor_id  uuid NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
  service_id uuid NOT NULL REFERENCES services (id) ON DELETE CASCADE,
  PRIMARY KEY (doctor_id, service_id)
);
CREATE INDEX doctor_services_service ON doctor_services (service_id);

--changeset moeen:007-availability
-- A doctor's regular week at a location: several blocks a day, in the location's local time.
CREATE TABLE availability_blocks (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  doctor_id   uuid        NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
  location_id uuid        NOT NULL REFERENCES clinic_locations (id) ON DELETE CASCADE,
  day_of_week smallint    NOT NULL CHECK (day_of_week BETWEEN 1 AND 7),
  starts_at   time        NOT NULL,
  ends_at     time        NOT NULL,
  valid_from  date,
  valid_until date,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT availability_blocks_order CHECK (ends_at > starts_at),
  CONSTRAINT availability_blocks_validity CHECK (valid_until IS NULL OR valid_from IS NULL OR valid_until >= valid_from),
  CONSTRAINT availability_blocks_unique_start UNIQUE (doctor_id, day_of_week, starts_at)
);
CREATE INDEX availability_blocks_doctor ON availability_blocks (doctor_id, location_id);
CREATE TRIGGER availability_blocks_updated_at BEFORE UPDATE ON availability_blocks FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- One date different from the regular week: closed, or other hours (one row per block).
CREATE TABLE availability_overrides (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  doctor_id   uuid        NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
  location_id uuid        NOT NULL REFERENCES clinic_locations (id) ON DELETE CASCADE,
  on_date     date        NOT NULL,
  is_closed   boolean     NOT NULL DEFAULT false,
  starts_at   time,
  ends_at     time,
  reason_ar   text,
  reason_en   text,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT availability_overrides_shape CHECK (
    (is_closed AND starts_at IS NULL AND ends_at IS NULL)
    OR (NOT is_closed AND starts_at IS NOT NULL AND ends_at IS NOT NULL AND ends_at > starts_at)),
  CONSTRAINT availability_overrides_unique_start UNIQUE NULLS NOT DISTINCT (doctor_id, on_date, starts_at)
);
CREATE INDEX availability_overrides_doctor_date ON availability_overrides (doctor_id, on_date);
CREATE TRIGGER availability_overrides_updated_at BEFORE UPDATE ON availability_overrides FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Days the clinic is closed: one location, or every location when location_id is null.
CREATE TABLE clinic_holidays (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  location_id uuid        REFERENCES clinic_locations (id) ON DELETE CASCADE,
  starts_on   date        NOT NULL,
  ends_on     date        NOT NULL,
  name_ar     text        NOT NULL,
  name_en     text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT clinic_holidays_order CHECK (ends_on >= starts_on)
);
CREATE INDEX clinic_holidays_dates ON clinic_holidays (starts_on, ends_on);
CREATE TRIGGER clinic_holidays_updated_at BEFORE UPDATE ON clinic_holidays FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Hours that replace the regular week during the Hijri month of Ramadan (Umm al-Qura), for a
-- location (doctor_id null) or one doctor there. A block may cross midnight: ends_at <= starts_at
-- means it ends the next day (21:00–02:00). day_of_week null: every day the doctor normally works there.
CREATE TABLE ramadan_hours (
  id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  location_id uuid        NOT NULL REFERENCES clinic_locations (id) ON DELETE CASCADE,
  doctor_id   uuid        REFERENCES doctors (id) ON DELETE CASCADE,
  day_of_week smallint    CHECK (day_of_week BETWEEN 1 AND 7),
  starts_at   time        NOT NULL,
  ends_at     time        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT ramadan_hours_not_empty CHECK (ends_at <> starts_at)
);
CREATE INDEX ramadan_hours_location ON ramadan_hours (location_id);
CREATE TRIGGER ramadan_hours_updated_at BEFORE UPDATE ON ramadan_hours FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

--changeset moeen:007-appointments
CREATE TABLE appointments (
  id                          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  patient_id                  uuid        NOT NULL REFERENCES patients (id),
  doctor_id                   uuid        NOT NULL REFERENCES doctors (id),
  service_id                  uuid        NOT NULL REFERENCES services (id),
  location_id                 uuid        NOT NULL REFERENCES clinic_locations (id),
  room_id                     uuid        REFERENCES rooms (id),
  starts_at                   timestamptz NOT NULL,
  ends_at                     timestamptz NOT NULL,
  -- the doctor's time this appointment takes, buffers included: what must not overlap
  blocked_from                timestamptz NOT NULL,
  blocked_until               timestamptz NOT NULL,
  status                      varchar(24) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'confirmed',
                                'checked_in', 'completed', 'cancelled', 'no_show', 'reschedule_requested',
                                'cancel_requested')),
  type                        varchar(20) NOT NULL DEFAULT 'consultation' CHECK (type IN ('consultation',
                                'follow_up', 'emergency', 'routine_checkup')),
  source                      varchar(12) NOT NULL CHECK (source IN ('web', 'chatbot', 'whatsapp', 'reception', 'phone')),
  notes                       text        CHECK (length(notes) <= 2000),
  cancellation_reason         text,
  cancelled_by                uuid        REFERENCES users (id),
  cancelled_at                timestamptz,
  -- seed 003: a patient asks to move or cancel; staff approve or reject
  requested_starts_at         timestamptz,
  requested_doctor_id         uuid        REFERENCES doctors (id),
  requested_service_id        uuid        REFERENCES services (id),
  request_notes               text,
  requested_at                timestamptz,
  request_previous_status     varchar(24),
  idempotency_key             varchar(200),
  created_by                  uuid        REFERENCES users (id),
  version                     integer     NOT NULL DEFAULT 1,
  created_at                  timestamptz NOT NULL DEFAULT now(),
  updated_at                  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT appointments_order CHECK (ends_at > starts_at),
  CONSTRAINT appointments_blocked_covers CHECK (blocked_from <= starts_at AND blocked_until >= ends_at),
  -- No double booking, enforced here whatever the code does: half-open ranges, so back-to-back is fine.
  CONSTRAINT appointments_doctor_free EXCLUDE USING gist (
    doctor_id WITH =, tstzrange(blocked_from, blocked_until, '[)') WITH &&)
    WHERE (status NOT IN ('cancelled', 'no_show')),
  CONSTRAINT appointments_patient_free EXCLUDE USING gist (
    patient_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
    WHERE (status NOT IN ('cancelled', 'no_show'))
);
CREATE INDEX appointments_doctor_time ON appointments (doctor_id, starts_at);
CREATE INDEX appointments_patient_time ON appointments (patient_id, starts_at);
CREATE INDEX appointments_location_time ON appointments (location_id, starts_at);
CREATE INDEX appointments_status_time ON appointments (status, starts_at);
CREATE UNIQUE INDEX appointments_idempotency ON appointments (created_by, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE TRIGGER appointments_updated_at BEFORE UPDATE ON appointments FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
CREATE TRIGGER appointments_audit AFTER INSERT OR UPDATE OR DELETE ON appointments
  FOR EACH ROW EXECUTE FUNCTION audit_row_change();

ALTER TABLE appointments ENABLE ROW LEVEL SECURITY;
-- Staff who may see every patient see every appointment; others their own and their family's.
CREATE POLICY appointments_visible ON appointments
  USING (app_may_see_patient(patient_id))
  WITH CHECK (app_may_see_patient(patient_id));

--changeset moeen:007-busy-times splitStatements:false
-- When a doctor is busy, without saying with whom: what slot search needs even when the caller
-- may not see other patients' appointments.
CREATE OR REPLACE FUNCTION doctor_busy_ranges(doctor uuid, range_from timestamptz, range_until timestamptz)
RETURNS TABLE (blocked_from timestamptz, blocked_until timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.blocked_from, a.blocked_until
  FROM appointments a
  WHERE a.doctor_id = doctor
    AND a.status NOT IN ('cancelled', 'no_show')
    AND a.blocked_from < range_until AND a.blocked_until > range_from
  ORDER BY a.blocked_from
$$;
REVOKE ALL ON FUNCTION doctor_busy_ranges(uuid, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doctor_busy_ranges(uuid, timestamptz, timestamptz) TO moeen_app;

-- Same for a patient (so a slot the patient is already booked in is not offered to them).
CREATE OR REPLACE FUNCTION patient_busy_ranges(patient uuid, range_from timestamptz, range_until timestamptz)
RETURNS TABLE (busy_from timestamptz, busy_until timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.starts_at, a.ends_at
  FROM appointments a
  WHERE a.patient_id = patient
    AND a.status NOT IN ('cancelled', 'no_show')
    AND a.starts_at < range_until AND a.ends_at > range_from
  ORDER BY a.starts_at
$$;
REVOKE ALL ON FUNCTION patient_busy_ranges(uuid, timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION patient_busy_ranges(uuid, timestamptz, timestamptz) TO moeen_app;

--changeset moeen:007-views
-- Seed 002's views. security_invoker: they show only what the caller's row-level security allows.
CREATE VIEW appointment_details WITH (security_invoker = true) AS
SELECT a.id, a.starts_at, a.ends_at, a.status, a.type, a.source, a.notes,
       a.patient_id, p.medical_record_number, p.first_name_ar AS patient_first_name_ar, p.last_name_ar AS patient_last_name_ar,
       p.first_name_en AS patient_first_name_en, p.last_name_en AS patient_last_name_en, p.phone AS patient_phone,
       a.doctor_id, du.first_name_ar AS doctor_first_name_ar, du.last_name_ar AS doctor_last_name_ar,
       du.first_name_en AS doctor_first_name_en, du.last_name_en AS doctor_last_name_en,
       d.specialty_ar, d.specialty_en,
       a.service_id, s.name_ar AS service_name_ar, s.name_en AS service_name_en, s.price, s.currency,
       a.location_id, l.name_ar AS location_name_ar, l.name_en AS location_name_en, l.time_zone
FROM appointments a
JOIN patients p ON p.id = a.patient_id
JOIN doctors d ON d.id = a.doctor_id
JOIN users du ON du.id = d.user_id
JOIN services s ON s.id = a.service_id
JOIN clinic_locations l ON l.id = a.location_id;

CREATE VIEW doctor_dashboard WITH (security_invoker = true) AS
SELECT d.id AS doctor_id, d.user_id,
       count(*) FILTER (WHERE a.starts_at >= date_trunc('day', now()) AND a.starts_at < date_trunc('day', now()) + interval '1 day'
                          AND a.status NOT IN ('cancelled', 'no_show')) AS appointments_today_utc,
       count(*) FILTER (WHERE a.starts_at >= now() AND a.status IN ('pending', 'confirmed')) AS upcoming,
       count(*) FILTER (WHERE a.status = 'pending' AND a.starts_at >= now()) AS awaiting_confirmation,
       count(*) FILTER (WHERE a.status IN ('reschedule_requested', 'cancel_requested')) AS open_requests,
       count(*) FILTER (WHERE a.status = 'completed') AS completed,
       count(*) FILTER (WHERE a.status = 'no_show') AS no_shows,
       min(a.starts_at) FILTER (WHERE a.starts_at >= now() AND a.status IN ('pending', 'confirmed')) AS next_appointment_at
FROM doctors d
LEFT JOIN appointments a ON a.doctor_id = d.id
GROUP BY d.id, d.user_id;

CREATE VIEW patient_dashboard WITH (security_invoker = true) AS
SELECT p.id AS patient_id, p.user_id, p.medical_record_number,
       count(a.id) FILTER (WHERE a.starts_at >= now() AND a.status NOT IN ('cancelled', 'no_show', 'completed')) AS upcoming,
       count(a.id) FILTER (WHERE a.status = 'completed') AS completed,
       count(a.id) FILTER (WHERE a.status = 'cancelled') AS cancelled,
       count(a.id) FILTER (WHERE a.status = 'no_show') AS no_shows,
       min(a.starts_at) FILTER (WHERE a.starts_at >= now() AND a.status NOT IN ('cancelled', 'no_show', 'completed')) AS next_appointment_at,
       max(a.starts_at) FILTER (WHERE a.status = 'completed') AS last_visit_at
FROM patients p
LEFT JOIN appointments a ON a.patient_id = p.id
GROUP BY p.id, p.user_id, p.medical_record_number;
