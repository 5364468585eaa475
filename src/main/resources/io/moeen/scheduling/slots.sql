-- SQL of slot search: everything one search needs, in one statement and one round trip.

-- name: slot_inputs
-- $1 doctor (null: every doctor offering the service), $2 service, $3 location (null: every location),
-- $4 first day of work to consider (places), $5..$6 days of hours, $7..$8 busy range, $9 patient (null: none).
-- One row per fact, tagged by `part`; the columns a part does not use are null:
--   rule         label = setting key, numbers = {value}
--   service      numbers = {duration, buffer before, buffer after}, flag = active
--   location     location_id, label = time zone, flag = active            ($3 only)
--   doctor       doctor_id, flag = active (doctor and account), offers    ($1 only)
--   place        doctor_id, location_id, label = time zone, names = {first ar, last ar, first en, last en}
--   weekly       doctor_id, location_id, day_of_week, starts_at, ends_at, first_day/last_day = valid from/until
--   override     doctor_id, location_id, first_day = date, flag = closed, starts_at, ends_at
--   holiday      location_id (null: every location), first_day, last_day
--   ramadan      location_id, doctor_id (null: everyone there), day_of_week (null: every day), starts_at, ends_at
--   doctor_busy  doctor_id, busy_from, busy_until (doctor_busy_ranges: when, never with whom)
--   patient_busy busy_from, busy_until (patient_busy_ranges)
WITH place AS (
  -- active doctors (one, or all offering the service) with the active locations they work at
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
), working AS (
  SELECT DISTINCT doctor_id FROM place
)
SELECT 'rule'::text AS part, NULL::uuid AS doctor_id, NULL::uuid AS location_id, key::text AS label,
       ARRAY[(value #>> '{}')::int] AS numbers, NULL::boolean AS flag, NULL::boolean AS offers, NULL::text[] AS names,
       NULL::int AS day_of_week, NULL::time AS starts_at, NULL::time AS ends_at,
       NULL::date AS first_day, NULL::date AS last_day, NULL::timestamptz AS busy_from, NULL::timestamptz AS busy_until
FROM system_settings
WHERE key IN ('booking.min_notice_minutes', 'booking.horizon_days', 'booking.slot_step_minutes')
UNION ALL
SELECT 'service', NULL, NULL, NULL, ARRAY[duration_minutes, buffer_before_minutes, buffer_after_minutes], is_active,
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM services WHERE id = $2
UNION ALL
SELECT 'location', NULL, id, time_zone, NULL, is_active, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM clinic_locations WHERE id = $3
UNION ALL
SELECT 'doctor', d.id, NULL, NULL, NULL, d.is_active AND u.is_active,
       EXISTS (SELECT 1 FROM doctor_services ds WHERE ds.doctor_id = d.id AND ds.service_id = $2),
       NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM doctors d JOIN users u ON u.id = d.user_id
WHERE d.id = $1
UNION ALL
SELECT 'place', doctor_id, location_id, time_zone, NULL, NULL, NULL,
       ARRAY[first_name_ar, last_name_ar, first_name_en, last_name_en], NULL, NULL, NULL, NULL, NULL, NULL, NULL
FROM place
UNION ALL
SELECT 'weekly', doctor_id, location_id, NULL, NULL, NULL, NULL, NULL, day_of_week, starts_at, ends_at,
       valid_from, valid_until, NULL, NULL
FROM availability_blocks WHERE doctor_id IN (SELECT doctor_id FROM working)
UNION ALL
SELECT 'override', doctor_id, location_id, NULL, NULL, is_closed, NULL, NULL, NULL, starts_at, ends_at,
       on_date, NULL, NULL, NULL
FROM availability_overrides WHERE doctor_id IN (SELECT doctor_id FROM working) AND on_date BETWEEN $5 AND $6
UNION ALL
SELECT 'holiday', NULL, location_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, starts_on, ends_on, NULL, NULL
FROM clinic_holidays WHERE starts_on <= $6 AND ends_on >= $5
UNION ALL
SELECT 'ramadan', doctor_id, location_id, NULL, NULL, NULL, NULL, NULL, day_of_week, starts_at, ends_at,
       NULL, NULL, NULL, NULL
FROM ramadan_hours WHERE doctor_id IS NULL OR doctor_id IN (SELECT doctor_id FROM working)
UNION ALL
SELECT 'doctor_busy', w.doctor_id, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
       r.blocked_from, r.blocked_until
FROM working w, doctor_busy_ranges(w.doctor_id, $7, $8) r
UNION ALL
SELECT 'patient_busy', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, r.busy_from, r.busy_until
FROM patient_busy_ranges($9, $7, $8) r WHERE $9::uuid IS NOT NULL;
