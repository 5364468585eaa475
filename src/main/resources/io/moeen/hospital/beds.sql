-- SQL of the hospital's rooms and beds: room types, wards, rooms (scheduling's, equipped), beds, the board.

-- name: room_types
SELECT id, code, category, name_ar, name_en, daily_rate, currency, max_beds, is_active FROM room_types
ORDER BY daily_rate, code;

-- name: insert_room_type
INSERT INTO room_types (code, category, name_ar, name_en, daily_rate, max_beds) VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, code, category, name_ar, name_en, daily_rate, currency, max_beds, is_active;

-- name: type_for_update
SELECT id, code, category, name_ar, name_en, daily_rate, max_beds, is_active FROM room_types WHERE id = $1 FOR UPDATE;

-- name: fullest_room_of_type
-- The room of type $1 with the most beds (a type's beds per room cannot go below it).
SELECT r.code, (SELECT count(*) FROM beds b WHERE b.room_id = r.room_id) AS beds
FROM hospital_rooms r WHERE r.room_type_id = $1 ORDER BY 2 DESC, r.code LIMIT 1;

-- name: update_room_type
UPDATE room_types SET category = $2, name_ar = $3, name_en = $4, daily_rate = $5, max_beds = $6, is_active = $7
WHERE id = $1
RETURNING id, code, category, name_ar, name_en, daily_rate, currency, max_beds, is_active;

-- name: room_of_type
SELECT code FROM hospital_rooms WHERE room_type_id = $1 ORDER BY code LIMIT 1;

-- name: delete_room_type
DELETE FROM room_types WHERE id = $1;

-- name: wards
SELECT id, code, location_id, name_ar, name_en, is_active FROM hospital_wards ORDER BY code;

-- name: insert_ward
INSERT INTO hospital_wards (code, location_id, name_ar, name_en) VALUES ($1, $2, $3, $4)
RETURNING id, code, location_id, name_ar, name_en, is_active;

-- name: ward_for_update
SELECT id, code, name_ar, name_en, is_active FROM hospital_wards WHERE id = $1 FOR UPDATE;

-- name: update_ward
UPDATE hospital_wards SET name_ar = $2, name_en = $3, is_active = $4 WHERE id = $1
RETURNING id, code, location_id, name_ar, name_en, is_active;

-- name: room_of_ward
SELECT code FROM hospital_rooms WHERE ward_id = $1 ORDER BY code LIMIT 1;

-- name: delete_ward
DELETE FROM hospital_wards WHERE id = $1;

-- name: rooms
-- $1 room id or null (all)
SELECT r.room_id, r.code, r.floor, rm.name_ar, rm.name_en, rm.location_id, rm.is_active,
       w.id AS ward_id, w.code AS ward_code, w.name_ar AS ward_name_ar, w.name_en AS ward_name_en,
       t.id AS type_id, t.code AS type_code, t.category, t.name_ar AS type_name_ar, t.name_en AS type_name_en,
       t.daily_rate, t.currency, t.max_beds,
       coalesce((SELECT jsonb_agg(jsonb_build_object('id', b.id, 'code', b.code, 'state', b.state) ORDER BY b.code)
                 FROM beds b WHERE b.room_id = r.room_id), '[]'::jsonb) AS beds
FROM hospital_rooms r
JOIN rooms rm ON rm.id = r.room_id
JOIN hospital_wards w ON w.id = r.ward_id
JOIN room_types t ON t.id = r.room_type_id
WHERE $1::uuid IS NULL OR r.room_id = $1
ORDER BY w.code, r.code;

-- name: scheduling_room
SELECT id, location_id FROM rooms WHERE id = $1;

-- name: ward_for_room
-- The ward $1, and whether room $2 is already in it (a retired ward keeps the rooms it has).
SELECT w.code, w.location_id, w.is_active,
       EXISTS (SELECT 1 FROM hospital_rooms r WHERE r.room_id = $2 AND r.ward_id = w.id) AS already_there
FROM hospital_wards w WHERE w.id = $1;

-- name: room_type_for_update
-- The room's type, with the room locked so beds are added one at a time (max_beds holds), and the type shared
-- so that its max_beds cannot be lowered meanwhile.
SELECT t.max_beds, t.category, (SELECT count(*) FROM beds b WHERE b.room_id = r.room_id) AS beds
FROM hospital_rooms r JOIN room_types t ON t.id = r.room_type_id
WHERE r.room_id = $1 FOR UPDATE OF r FOR SHARE OF t;

-- name: type_capacity
-- The type $1, and whether room $2 already has it (a retired type stays with the rooms it has).
SELECT t.code, t.max_beds, t.is_active,
       EXISTS (SELECT 1 FROM hospital_rooms r WHERE r.room_id = $2 AND r.room_type_id = t.id) AS already_there
FROM room_types t WHERE t.id = $1 FOR SHARE;

-- name: beds_in_room
SELECT count(*) AS beds FROM beds WHERE room_id = $1;

-- name: equip_room
INSERT INTO hospital_rooms (room_id, ward_id, room_type_id, code, floor) VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (room_id) DO UPDATE SET ward_id = EXCLUDED.ward_id, room_type_id = EXCLUDED.room_type_id,
  code = EXCLUDED.code, floor = EXCLUDED.floor;

-- name: insert_bed
INSERT INTO beds (room_id, code) VALUES ($1, $2) RETURNING id;

-- name: bed_for_update
-- The bed, its room's code and its open cleaning task, locked: every change of a bed goes through here first.
SELECT b.id, b.code, b.state, b.room_id, r.code AS room_code,
       (SELECT ct.id FROM cleaning_tasks ct WHERE ct.bed_id = b.id AND ct.status = 'open') AS cleaning_task_id
FROM beds b JOIN hospital_rooms r ON r.room_id = b.room_id
WHERE b.id = $1 FOR UPDATE OF b;

-- name: set_bed_state
UPDATE beds SET state = $2, state_changed_at = $3, out_of_service_reason = $4 WHERE id = $1;

-- name: start_service_break
-- The bed goes out of service at $2 (the occupancy report stops counting its hours).
INSERT INTO bed_service_breaks (bed_id, during, reason) VALUES ($1, tstzrange($2, NULL, '[)'), $3);

-- name: end_service_break
-- ... and comes back at $2.
WITH no_time AS (DELETE FROM bed_service_breaks WHERE bed_id = $1 AND upper_inf(during) AND lower(during) >= $2)
UPDATE bed_service_breaks SET during = tstzrange(lower(during), $2, '[)')
WHERE bed_id = $1 AND upper_inf(during) AND lower(during) < $2;

-- name: board
-- Every bed (or one, $2), with its current stay and next reservation as the caller may see them (row-level
-- security hides both from those who may not see patients); $1 now, $3 ward id or null.
SELECT b.id AS bed_id, b.code AS bed_code, b.state, b.state_changed_at, b.out_of_service_reason,
       r.room_id, r.code AS room_code, r.floor, rm.name_ar AS room_name_ar, rm.name_en AS room_name_en,
       w.id AS ward_id, w.code AS ward_code, w.name_ar AS ward_name_ar, w.name_en AS ward_name_en,
       t.code AS type_code, t.category, t.name_ar AS type_name_ar, t.name_en AS type_name_en, t.daily_rate,
       ct.id AS cleaning_task_id, ct.due_at AS cleaning_due_at,
       stay.admission_id, stay.since, a.expected_discharge_at, a.discharge_ordered_at,
       p.id AS patient_id, p.medical_record_number, p.first_name_ar, p.last_name_ar, p.first_name_en, p.last_name_en,
       res.admission_id AS reserved_for, res.reserved_from
FROM beds b
JOIN hospital_rooms r ON r.room_id = b.room_id
JOIN rooms rm ON rm.id = r.room_id
JOIN hospital_wards w ON w.id = r.ward_id
JOIN room_types t ON t.id = r.room_type_id
LEFT JOIN cleaning_tasks ct ON ct.bed_id = b.id AND ct.status = 'open'
LEFT JOIN LATERAL (SELECT ba.admission_id, lower(ba.during) AS since FROM bed_assignments ba
                   WHERE ba.bed_id = b.id AND ba.kind = 'stay' AND ba.during @> $1::timestamptz) stay ON true
LEFT JOIN admissions a ON a.id = stay.admission_id
LEFT JOIN patients p ON p.id = a.patient_id
LEFT JOIN LATERAL (SELECT ba.admission_id, lower(ba.during) AS reserved_from FROM bed_assignments ba
                   WHERE ba.bed_id = b.id AND ba.kind = 'reservation' AND (upper_inf(ba.during) OR upper(ba.during) > $1)
                   ORDER BY lower(ba.during) LIMIT 1) res ON true
WHERE ($2::uuid IS NULL OR b.id = $2) AND ($3::uuid IS NULL OR w.id = $3)
ORDER BY w.code, r.code, b.code;
