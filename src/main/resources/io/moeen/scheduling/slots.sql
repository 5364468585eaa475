-- SQL of slot search: the catalogue rows it needs, a doctor's hours, and busy times.

-- name: booking_rules
SELECT key, value FROM system_settings
WHERE key IN ('booking.min_notice_minutes', 'booking.horizon_days', 'booking.slot_step_minutes');

-- name: service
SELECT id, duration_minutes, buffer_before_minutes, buffer_after_minutes, is_active
FROM services WHERE id = $1;

-- name: location
SELECT id, time_zone, is_active FROM clinic_locations WHERE id = $1;

-- name: doctor
-- $1 doctor, $2 service: is the doctor active, and do they offer the service
SELECT d.id, d.is_active AND u.is_active AS is_active,
       EXISTS (SELECT 1 FROM doctor_services ds WHERE ds.doctor_id = d.id AND ds.service_id = $2) AS offers
FROM doctors d JOIN users u ON u.id = d.user_id
WHERE d.id = $1;

-- name: doctor_places
-- Active doctors (one, or all offering service $2 when $1 is null) with the active locations they work at
-- (at $3 only when given), in a stable order; names in both languages.
SELECT DISTINCT d.id AS doctor_id, l.id AS location_id, l.time_zone,
       u.first_name_ar, u.last_name_ar, u.first_name_en, u.last_name_en
FROM doctors d
JOIN users u ON u.id = d.user_id AND u.is_active
JOIN doctor_services ds ON ds.doctor_id = d.id AND ds.service_id = $2
JOIN (SELECT doctor_id, location_id FROM availability_blocks
      UNION SELECT doctor_id, location_id FROM availability_overrides WHERE NOT is_closed AND on_date >= $4::date) w
  ON w.doctor_id = d.id
JOIN clinic_locations l ON l.id = w.location_id AND l.is_active
WHERE d.is_active
  AND ($1::uuid IS NULL OR d.id = $1)
  AND ($3::uuid IS NULL OR l.id = $3)
ORDER BY l.id, d.id;

-- name: weekly_blocks
SELECT doctor_id, location_id, day_of_week, starts_at, ends_at, valid_from, valid_until
FROM availability_blocks WHERE doctor_id = ANY($1);

-- name: overrides
SELECT doctor_id, location_id, on_date, is_closed, starts_at, ends_at
FROM availability_overrides WHERE doctor_id = ANY($1) AND on_date BETWEEN $2 AND $3;

-- name: holidays
SELECT location_id, starts_on, ends_on FROM clinic_holidays WHERE starts_on <= $2 AND ends_on >= $1;

-- name: ramadan_hours
SELECT location_id, doctor_id, day_of_week, starts_at, ends_at
FROM ramadan_hours WHERE doctor_id IS NULL OR doctor_id = ANY($1);

-- name: doctor_busy
-- Busy times of several doctors at once, without saying with whom.
SELECT d AS doctor_id, r.blocked_from, r.blocked_until
FROM unnest($1::uuid[]) d, doctor_busy_ranges(d, $2, $3) r;

-- name: patient_busy
SELECT busy_from, busy_until FROM patient_busy_ranges($1, $2, $3);
