--liquibase formatted sql

--changeset moeen:063-room-kinds splitStatements:false
-- Issue 16, reception's agenda by room. Scheduling's rooms serve two owners: the clinic's consulting rooms,
-- where appointments take place, and the hospital's rooms (wards with beds, changeset 035), which are rows of
-- this same table with a hospital_rooms row. kind tells them apart for scheduling, which must not read the
-- hospital's tables (hospital comes after it): only a 'consulting' room can hold an appointment, and reception's
-- room list asks for those. Rooms the hospital already equipped are 'inpatient'; equipping one later makes it so
-- through the trigger below (the hospital's code is unchanged).
ALTER TABLE rooms ADD COLUMN kind varchar(16) NOT NULL DEFAULT 'consulting' CHECK (kind IN ('consulting', 'inpatient'));
UPDATE rooms SET kind = 'inpatient' WHERE id IN (SELECT room_id FROM hospital_rooms);

CREATE OR REPLACE FUNCTION rooms_mark_inpatient() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  UPDATE rooms SET kind = 'inpatient' WHERE id = NEW.room_id AND kind <> 'inpatient';
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION rooms_mark_inpatient() FROM PUBLIC;
CREATE TRIGGER hospital_rooms_mark_inpatient AFTER INSERT ON hospital_rooms
  FOR EACH ROW EXECUTE FUNCTION rooms_mark_inpatient();

-- (id, location_id) as a key, so an appointment's and a doctor's default room are tied to their location.
ALTER TABLE rooms ADD CONSTRAINT rooms_id_location UNIQUE (id, location_id);

--changeset moeen:063-appointment-rooms splitStatements:false
-- An appointment's room must be at its location (the application says which rule a refusal broke first:
-- 422 room_other_location; this is the last word), and two appointments that hold a room never share it at
-- overlapping times. Which statuses hold a room: every one but cancelled, no_show and completed (a finished
-- visit frees its room, unlike the doctor's time, which stays accounted for). The range is the visit
-- itself (starts_at, ends_at), not the doctor's buffers; half-open, so back to back is fine.
ALTER TABLE appointments ADD CONSTRAINT appointments_room_at_location
  FOREIGN KEY (room_id, location_id) REFERENCES rooms (id, location_id);
ALTER TABLE appointments ADD CONSTRAINT appointments_room_free EXCLUDE USING gist (
  room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
  WHERE (room_id IS NOT NULL AND status NOT IN ('cancelled', 'no_show', 'completed'));
CREATE INDEX appointments_room_time ON appointments (room_id, starts_at) WHERE room_id IS NOT NULL;

-- A doctor's usual room at a location: a booking that names no room gets it when it is free then.
CREATE TABLE doctor_default_rooms (
  doctor_id   uuid        NOT NULL REFERENCES doctors (id) ON DELETE CASCADE,
  location_id uuid        NOT NULL REFERENCES clinic_locations (id) ON DELETE CASCADE,
  room_id     uuid        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (doctor_id, location_id),
  CONSTRAINT doctor_default_rooms_room_at_location FOREIGN KEY (room_id, location_id)
    REFERENCES rooms (id, location_id) ON DELETE CASCADE
);
CREATE TRIGGER doctor_default_rooms_updated_at BEFORE UPDATE ON doctor_default_rooms
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Who holds a room when, without saying who: what the default room, the room picker and a move need even
-- when the caller may not see other patients' appointments (a patient booking). except: the appointment itself.
CREATE OR REPLACE FUNCTION room_busy_ranges(room uuid, range_from timestamptz, range_until timestamptz, except_id uuid)
RETURNS TABLE (busy_from timestamptz, busy_until timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT a.starts_at, a.ends_at
  FROM appointments a
  WHERE a.room_id = room
    AND a.status NOT IN ('cancelled', 'no_show', 'completed')
    AND (except_id IS NULL OR a.id <> except_id)
    AND a.starts_at < range_until AND a.ends_at > range_from
  ORDER BY a.starts_at
$$;
REVOKE ALL ON FUNCTION room_busy_ranges(uuid, timestamptz, timestamptz, uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION room_busy_ranges(uuid, timestamptz, timestamptz, uuid) TO moeen_app;

-- appointment_rows (013) with the room, its names appended (a view's columns may only grow at the end).
CREATE OR REPLACE VIEW appointment_rows WITH (security_invoker = true) AS
SELECT a.id, a.status, a.type, a.source, a.notes, a.starts_at, a.ends_at, a.version, a.created_at, a.updated_at,
       a.cancellation_reason, a.cancelled_by, a.cancelled_at, a.requested_starts_at, a.request_notes, a.requested_at,
       a.request_previous_status,
       a.patient_id, p.first_name_ar AS patient_first_ar, p.last_name_ar AS patient_last_ar,
       p.first_name_en AS patient_first_en, p.last_name_en AS patient_last_en, p.medical_record_number,
       a.doctor_id, d.user_id AS doctor_user_id, du.first_name_ar AS doctor_first_ar, du.last_name_ar AS doctor_last_ar,
       du.first_name_en AS doctor_first_en, du.last_name_en AS doctor_last_en, d.specialty_ar, d.specialty_en,
       a.service_id, s.name_ar AS service_ar, s.name_en AS service_en,
       a.location_id, l.name_ar AS location_ar, l.name_en AS location_en, l.address_ar, l.address_en, l.time_zone,
       a.room_id, r.name_ar AS room_ar, r.name_en AS room_en
FROM appointments a
JOIN patients p ON p.id = a.patient_id
JOIN doctors d ON d.id = a.doctor_id
JOIN users du ON du.id = d.user_id
JOIN services s ON s.id = a.service_id
JOIN clinic_locations l ON l.id = a.location_id
LEFT JOIN rooms r ON r.id = a.room_id;
