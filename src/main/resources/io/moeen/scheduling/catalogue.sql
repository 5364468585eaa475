-- SQL of the scheduling catalogue: departments, locations, rooms, services, doctors and their hours.
-- Reads take "$n include inactive": the public passes false, writes read back their row with true.

-- name: departments
-- $1 id or null, $2 include inactive
SELECT id, code, name_ar, name_en, description_ar, description_en, sort_order, is_active
FROM departments
WHERE ($1::uuid IS NULL OR id = $1) AND (is_active OR $2::boolean)
ORDER BY sort_order, name_en;

-- name: insert_department
INSERT INTO departments (code, name_ar, name_en, description_ar, description_en, sort_order)
VALUES ($1, $2, $3, $4, $5, coalesce($6, 0))
RETURNING id;

-- name: update_department
UPDATE departments SET name_ar = coalesce($2, name_ar), name_en = coalesce($3, name_en),
       description_ar = coalesce($4, description_ar), description_en = coalesce($5, description_en),
       sort_order = coalesce($6, sort_order), is_active = coalesce($7, is_active)
WHERE id = $1
RETURNING id;

-- name: delete_department
DELETE FROM departments WHERE id = $1
  AND NOT EXISTS (SELECT 1 FROM doctors WHERE department_id = $1)
  AND NOT EXISTS (SELECT 1 FROM services WHERE department_id = $1)
RETURNING id;

-- name: department_exists
SELECT 1 FROM departments WHERE id = $1;

-- name: locations
-- $1 id or null, $2 include inactive
SELECT id, code, name_ar, name_en, address_ar, address_en, phone, latitude, longitude, time_zone,
       weekend_days, is_active
FROM clinic_locations
WHERE ($1::uuid IS NULL OR id = $1) AND (is_active OR $2::boolean)
ORDER BY code;

-- name: insert_location
INSERT INTO clinic_locations (code, name_ar, name_en, address_ar, address_en, phone, latitude, longitude,
                              time_zone, weekend_days)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9, 'Asia/Riyadh'), coalesce($10::smallint[], '{5,6}'))
RETURNING id;

-- name: update_location
UPDATE clinic_locations SET name_ar = coalesce($2, name_ar), name_en = coalesce($3, name_en),
       address_ar = coalesce($4, address_ar), address_en = coalesce($5, address_en), phone = coalesce($6, phone),
       latitude = coalesce($7, latitude), longitude = coalesce($8, longitude), time_zone = coalesce($9, time_zone),
       weekend_days = coalesce($10::smallint[], weekend_days), is_active = coalesce($11, is_active)
WHERE id = $1
RETURNING id;

-- name: delete_location
-- Only a location nothing refers to; the cascades in the schema would otherwise erase hours and rooms.
DELETE FROM clinic_locations WHERE id = $1
  AND NOT EXISTS (SELECT 1 FROM rooms WHERE location_id = $1)
  AND NOT EXISTS (SELECT 1 FROM availability_blocks WHERE location_id = $1)
  AND NOT EXISTS (SELECT 1 FROM availability_overrides WHERE location_id = $1)
  AND NOT EXISTS (SELECT 1 FROM clinic_holidays WHERE location_id = $1)
  AND NOT EXISTS (SELECT 1 FROM ramadan_hours WHERE location_id = $1)
  AND NOT EXISTS (SELECT 1 FROM appointments WHERE location_id = $1)
RETURNING id;

-- name: location_exists
SELECT 1 FROM clinic_locations WHERE id = $1;

-- name: known_locations
SELECT id FROM clinic_locations WHERE id = ANY($1::uuid[]);

-- name: rooms
-- $1 location id, $2 room id or null, $3 kind or null (consulting: the clinic's; inpatient: the hospital's, 063)
SELECT id, location_id, name_ar, name_en, is_active, kind FROM rooms
WHERE ($1::uuid IS NULL OR location_id = $1) AND ($2::uuid IS NULL OR id = $2) AND ($3::text IS NULL OR kind = $3)
ORDER BY name_en, id;

-- name: insert_room
INSERT INTO rooms (location_id, name_ar, name_en) VALUES ($1, $2, $3) RETURNING id;

-- name: update_room
UPDATE rooms SET name_ar = coalesce($2, name_ar), name_en = coalesce($3, name_en), is_active = coalesce($4, is_active)
WHERE id = $1
RETURNING id;

-- name: delete_room
DELETE FROM rooms WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM appointments WHERE room_id = $1) RETURNING id;

-- name: room_exists
SELECT 1 FROM rooms WHERE id = $1;

-- name: services
-- $1 id, $2 department id, $3 category, $4 doctor id (each or null), $5 include inactive
SELECT s.id, s.code, s.name_ar, s.name_en, s.description_ar, s.description_en, s.category, s.department_id,
       s.duration_minutes, s.price, s.currency, s.buffer_before_minutes, s.buffer_after_minutes, s.is_active,
       coalesce((SELECT array_agg(ds.doctor_id ORDER BY ds.doctor_id) FROM doctor_services ds
                 JOIN doctors d ON d.id = ds.doctor_id
                 WHERE ds.service_id = s.id AND (d.is_active OR $5::boolean)), '{}') AS doctor_ids
FROM services s
WHERE ($1::uuid IS NULL OR s.id = $1)
  AND ($2::uuid IS NULL OR s.department_id = $2)
  AND ($3::text IS NULL OR s.category = $3)
  AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM doctor_services ds WHERE ds.service_id = s.id AND ds.doctor_id = $4))
  AND (s.is_active OR $5::boolean)
ORDER BY s.name_en, s.id;

-- name: insert_service
INSERT INTO services (code, name_ar, name_en, description_ar, description_en, category, department_id,
                      duration_minutes, price, currency, buffer_before_minutes, buffer_after_minutes)
VALUES ($1, $2, $3, $4, $5, coalesce($6, 'general'), $7, $8, $9, coalesce($10, 'SAR'), coalesce($11, 0), coalesce($12, 0))
RETURNING id;

-- name: update_service
UPDATE services SET name_ar = coalesce($2, name_ar), name_en = coalesce($3, name_en),
       description_ar = coalesce($4, description_ar), description_en = coalesce($5, description_en),
       category = coalesce($6, category), department_id = coalesce($7, department_id),
       duration_minutes = coalesce($8, duration_minutes), price = coalesce($9, price), currency = coalesce($10, currency),
       buffer_before_minutes = coalesce($11, buffer_before_minutes), buffer_after_minutes = coalesce($12, buffer_after_minutes),
       is_active = coalesce($13, is_active)
WHERE id = $1
RETURNING id;

-- name: delete_service
DELETE FROM services WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM appointments WHERE service_id = $1) RETURNING id;

-- name: service_exists
SELECT 1 FROM services WHERE id = $1;

-- name: known_services
SELECT id FROM services WHERE id = ANY($1::uuid[]);

-- name: set_service_doctors
-- $1 service, $2 uuid[]: exactly these doctors offer it
WITH gone AS (DELETE FROM doctor_services WHERE service_id = $1 AND NOT (doctor_id = ANY($2::uuid[])))
INSERT INTO doctor_services (doctor_id, service_id) SELECT unnest($2::uuid[]), $1 ON CONFLICT DO NOTHING;

-- name: set_doctor_services
-- $1 doctor, $2 uuid[]: exactly these services
WITH gone AS (DELETE FROM doctor_services WHERE doctor_id = $1 AND NOT (service_id = ANY($2::uuid[])))
INSERT INTO doctor_services (doctor_id, service_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING;

-- name: doctors
-- $1 id, $2 department id, $3 service id, $4 location id (each or null), $5 include inactive
SELECT d.id, d.user_id, u.first_name_ar, u.last_name_ar, u.first_name_en, u.last_name_en,
       d.department_id, dep.name_ar AS department_name_ar, dep.name_en AS department_name_en,
       d.specialty_ar, d.specialty_en, d.license_number, d.bio_ar, d.bio_en, d.consultation_fee, d.is_active,
       coalesce((SELECT array_agg(ds.service_id ORDER BY ds.service_id) FROM doctor_services ds
                 JOIN services s ON s.id = ds.service_id
                 WHERE ds.doctor_id = d.id AND (s.is_active OR $5::boolean)), '{}') AS service_ids,
       coalesce((SELECT array_agg(DISTINCT b.location_id) FROM availability_blocks b
                 JOIN clinic_locations l ON l.id = b.location_id
                 WHERE b.doctor_id = d.id AND (l.is_active OR $5::boolean)), '{}') AS location_ids
FROM doctors d
JOIN users u ON u.id = d.user_id
LEFT JOIN departments dep ON dep.id = d.department_id
WHERE ($1::uuid IS NULL OR d.id = $1)
  AND ($2::uuid IS NULL OR d.department_id = $2)
  AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM doctor_services ds WHERE ds.doctor_id = d.id AND ds.service_id = $3))
  AND ($4::uuid IS NULL OR EXISTS (SELECT 1 FROM availability_blocks b WHERE b.doctor_id = d.id AND b.location_id = $4))
  AND ((d.is_active AND u.is_active) OR $5::boolean)
ORDER BY u.last_name_en, u.first_name_en, d.id;

-- name: user_exists
SELECT 1 FROM users WHERE id = $1;

-- name: insert_doctor
INSERT INTO doctors (user_id, department_id, specialty_ar, specialty_en, license_number, bio_ar, bio_en, consultation_fee)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id;

-- name: grant_doctor_role
-- $1 user, $2 who grants; nothing when the user already holds it
INSERT INTO user_roles (user_id, role_id, granted_by)
SELECT $1, r.id, $2 FROM roles r WHERE r.code = 'doctor'
ON CONFLICT DO NOTHING;

-- name: update_doctor
UPDATE doctors SET department_id = coalesce($2, department_id), specialty_ar = coalesce($3, specialty_ar),
       specialty_en = coalesce($4, specialty_en), license_number = coalesce($5, license_number),
       bio_ar = coalesce($6, bio_ar), bio_en = coalesce($7, bio_en),
       consultation_fee = coalesce($8, consultation_fee), is_active = coalesce($9, is_active)
WHERE id = $1
RETURNING id;

-- name: delete_doctor
DELETE FROM doctors WHERE id = $1
  AND NOT EXISTS (SELECT 1 FROM appointments WHERE doctor_id = $1 OR requested_doctor_id = $1)
RETURNING id;

-- name: lock_doctor
SELECT id FROM doctors WHERE id = $1 FOR UPDATE;

-- name: known_doctors
SELECT id FROM doctors WHERE id = ANY($1::uuid[]);

-- name: availability
SELECT location_id, day_of_week, starts_at, ends_at, valid_from, valid_until
FROM availability_blocks WHERE doctor_id = $1
ORDER BY day_of_week, starts_at;

-- name: clear_availability
DELETE FROM availability_blocks WHERE doctor_id = $1;

-- name: insert_availability
-- $1 doctor; parallel arrays: $2 locations, $3 days, $4 starts, $5 ends
INSERT INTO availability_blocks (doctor_id, location_id, day_of_week, starts_at, ends_at)
SELECT $1, b.location_id, b.day_of_week, b.starts_at, b.ends_at
FROM unnest($2::uuid[], $3::smallint[], $4::time[], $5::time[]) AS b(location_id, day_of_week, starts_at, ends_at);

-- name: overrides
-- $1 doctor, $2 from date or null, $3 until date or null
SELECT id, doctor_id, location_id, on_date, is_closed, starts_at, ends_at, reason_ar, reason_en
FROM availability_overrides
WHERE doctor_id = $1 AND ($2::date IS NULL OR on_date >= $2) AND ($3::date IS NULL OR on_date <= $3)
ORDER BY on_date, starts_at NULLS FIRST;

-- name: insert_override
INSERT INTO availability_overrides (doctor_id, location_id, on_date, is_closed, starts_at, ends_at, reason_ar, reason_en)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
RETURNING id, doctor_id, location_id, on_date, is_closed, starts_at, ends_at, reason_ar, reason_en;

-- name: delete_override
DELETE FROM availability_overrides WHERE id = $1 AND doctor_id = $2 RETURNING id;

-- name: holidays
-- $1 location or null (null: every holiday), $2 from, $3 until (dates or null)
SELECT id, location_id, starts_on, ends_on, name_ar, name_en
FROM clinic_holidays
WHERE ($1::uuid IS NULL OR location_id IS NULL OR location_id = $1)
  AND ($2::date IS NULL OR ends_on >= $2) AND ($3::date IS NULL OR starts_on <= $3)
ORDER BY starts_on, id;

-- name: insert_holiday
INSERT INTO clinic_holidays (location_id, starts_on, ends_on, name_ar, name_en)
VALUES ($1, $2, $3, $4, $5)
RETURNING id, location_id, starts_on, ends_on, name_ar, name_en;

-- name: delete_holiday
DELETE FROM clinic_holidays WHERE id = $1 RETURNING id;

-- name: ramadan_hours
SELECT id, doctor_id, day_of_week, starts_at, ends_at FROM ramadan_hours
WHERE location_id = $1
ORDER BY doctor_id NULLS FIRST, day_of_week NULLS FIRST, starts_at;

-- name: lock_location
SELECT id FROM clinic_locations WHERE id = $1 FOR UPDATE;

-- name: clear_ramadan_hours
DELETE FROM ramadan_hours WHERE location_id = $1;

-- name: insert_ramadan_hours
-- $1 location; parallel arrays: $2 doctors (nullable), $3 days (nullable), $4 starts, $5 ends
INSERT INTO ramadan_hours (location_id, doctor_id, day_of_week, starts_at, ends_at)
SELECT $1, r.doctor_id, r.day_of_week, r.starts_at, r.ends_at
FROM unnest($2::uuid[], $3::smallint[], $4::time[], $5::time[]) AS r(doctor_id, day_of_week, starts_at, ends_at);
