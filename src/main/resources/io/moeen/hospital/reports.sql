-- SQL of the hospital reports. Days are the clinic's: $1 first day, $2 last day (inclusive), $3 zone; occupancy also $4 now.

-- name: occupancy
-- Per ward and day: the beds that existed that day and were in service some of it, their bed-hours in service,
-- the bed-hours occupied (stays only, up to now) and the patients who lay there. A bed exists from its
-- created_at; bed_service_breaks holds its spells out of service. Occupancy is occupied over in-service hours.
WITH days AS (
  SELECT d::date AS day,
         tstzrange(d::timestamp AT TIME ZONE $3, (d + interval '1 day')::timestamp AT TIME ZONE $3, '[)')
           * tstzrange(NULL, $4::timestamptz, '[)') AS span
  FROM generate_series($1::date, $2::date, interval '1 day') d
), bed_days AS (
  SELECT r.ward_id, days.day, b.id AS bed_id, days.span * tstzrange(b.created_at, NULL, '[)') AS existed
  FROM days CROSS JOIN beds b JOIN hospital_rooms r ON r.room_id = b.room_id
  WHERE days.span && tstzrange(b.created_at, NULL, '[)')
), in_service AS (
  SELECT bd.ward_id, bd.day,
         extract(epoch FROM upper(bd.existed) - lower(bd.existed))
           - coalesce((SELECT sum(extract(epoch FROM upper(bd.existed * sb.during) - lower(bd.existed * sb.during)))
                       FROM bed_service_breaks sb WHERE sb.bed_id = bd.bed_id AND sb.during && bd.existed), 0) AS seconds
  FROM bed_days bd
), capacity AS (
  SELECT ward_id, day, count(*) FILTER (WHERE seconds > 0) AS beds, sum(seconds) / 3600.0 AS bed_hours
  FROM in_service GROUP BY ward_id, day
)
SELECT w.id AS ward_id, w.code AS ward_code, w.name_ar AS ward_name_ar, w.name_en AS ward_name_en, days.day,
       coalesce(c.beds, 0) AS beds, coalesce(c.bed_hours, 0) AS bed_hours,
       coalesce(sum(extract(epoch FROM upper(days.span * s.during) - lower(days.span * s.during)))
                FILTER (WHERE NOT isempty(days.span * s.during)), 0) / 3600.0 AS occupied_hours,
       count(DISTINCT s.admission_id) FILTER (WHERE NOT isempty(days.span * s.during)) AS patients
FROM hospital_wards w CROSS JOIN days
LEFT JOIN capacity c ON c.ward_id = w.id AND c.day = days.day
LEFT JOIN (SELECT ba.during, ba.admission_id, r.ward_id FROM hospital_occupancy_stays() ba
           JOIN beds b ON b.id = ba.bed_id JOIN hospital_rooms r ON r.room_id = b.room_id) s
  ON s.ward_id = w.id AND s.during && days.span
WHERE w.is_active OR c.beds > 0
GROUP BY w.id, w.code, w.name_ar, w.name_en, days.day, days.span, c.beds, c.bed_hours
ORDER BY days.day, w.code;

-- name: length_of_stay
-- Admissions discharged in the period, by the ward of their last bed: how many, average and longest days.
SELECT w.code AS ward_code, w.name_ar AS ward_name_ar, w.name_en AS ward_name_en,
       count(*) AS discharges,
       avg(extract(epoch FROM s.discharged_at - s.admitted_at)) / 86400.0 AS average_days,
       max(extract(epoch FROM s.discharged_at - s.admitted_at)) / 86400.0 AS longest_days
FROM hospital_discharges($1::date::timestamp AT TIME ZONE $3, ($2::date + 1)::timestamp AT TIME ZONE $3) s
JOIN beds b ON b.id = s.last_bed_id JOIN hospital_rooms r ON r.room_id = b.room_id JOIN hospital_wards w ON w.id = r.ward_id
GROUP BY w.code, w.name_ar, w.name_en
ORDER BY w.code;

-- name: ambulance_response
-- Runs whose call came in the period, per vehicle: minutes from call to dispatch, to the scene, and on the run.
SELECT a.plate, a.id AS ambulance_id, count(*) AS runs,
       avg(extract(epoch FROM r.dispatched_at - r.call_received_at)) / 60.0 AS average_dispatch_minutes,
       avg(extract(epoch FROM r.at_scene_at - r.call_received_at)) / 60.0 AS average_response_minutes,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM r.at_scene_at - r.call_received_at)) / 60.0 AS median_response_minutes,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM r.at_scene_at - r.call_received_at)) / 60.0 AS p90_response_minutes,
       max(extract(epoch FROM r.at_scene_at - r.call_received_at)) / 60.0 AS longest_response_minutes,
       avg(extract(epoch FROM r.available_at - r.dispatched_at)) / 60.0 AS average_run_minutes
FROM ambulance_runs r JOIN ambulances a ON a.id = r.ambulance_id
WHERE r.call_received_at >= $1::date::timestamp AT TIME ZONE $3 AND r.call_received_at < ($2::date + 1)::timestamp AT TIME ZONE $3
  AND r.status <> 'cancelled'
GROUP BY a.plate, a.id
ORDER BY a.plate;

-- name: cleaning_turnaround
-- Tasks done in the period, per kind: how many, average minutes from creation to done, and how many were late.
SELECT ct.kind, count(*) AS tasks,
       avg(extract(epoch FROM ct.completed_at - ct.created_at)) / 60.0 AS average_minutes,
       max(extract(epoch FROM ct.completed_at - ct.created_at)) / 60.0 AS longest_minutes,
       count(*) FILTER (WHERE ct.completed_at > ct.due_at) AS late
FROM cleaning_tasks ct
WHERE ct.status = 'done'
  AND ct.completed_at >= $1::date::timestamp AT TIME ZONE $3 AND ct.completed_at < ($2::date + 1)::timestamp AT TIME ZONE $3
GROUP BY ct.kind
ORDER BY ct.kind;
