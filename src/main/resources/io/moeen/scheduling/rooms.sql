-- SQL of appointment rooms (changeset 063): which room an appointment is in, a doctor's default room per
-- location, and who holds a room when. room_busy_ranges is SECURITY DEFINER: it says when a room is taken,
-- never by whom, so a patient's own booking can still be given the doctor's free default room.

-- name: room
-- $1 room id
SELECT id, location_id, is_active, kind, name_ar, name_en FROM rooms WHERE id = $1;

-- name: room_busy
-- $1 room, $2 from, $3 until, $4 the appointment itself (or null): the first appointment holding the room then
SELECT busy_from, busy_until FROM room_busy_ranges($1::uuid, $2::timestamptz, $3::timestamptz, $4::uuid) LIMIT 1;

-- name: set_room
-- $2 the room or null
UPDATE appointments SET room_id = $2, version = version + 1
WHERE id = $1
RETURNING version;

-- name: doctor_exists
SELECT 1 FROM doctors WHERE id = $1;

-- name: location_exists
SELECT 1 FROM clinic_locations WHERE id = $1;

-- name: set_default_room
-- $1 doctor, $2 location, $3 room
INSERT INTO doctor_default_rooms (doctor_id, location_id, room_id) VALUES ($1, $2, $3)
ON CONFLICT (doctor_id, location_id) DO UPDATE SET room_id = excluded.room_id;

-- name: clear_default_room
DELETE FROM doctor_default_rooms WHERE doctor_id = $1 AND location_id = $2;
