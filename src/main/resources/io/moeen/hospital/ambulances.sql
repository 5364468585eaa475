-- SQL of the ambulance fleet, crews and the run log.

-- name: ambulances
-- $1 id or null; each with its crew and the run it is on (if any). Status is derived, never stored twice.
SELECT a.id, a.plate, a.kind, a.equipment, a.in_service, a.location_id,
       run.id AS run_id, run.status AS run_status,
       CASE WHEN run.id IS NOT NULL THEN 'on_run' WHEN a.in_service THEN 'available' ELSE 'out_of_service' END AS status,
       coalesce((SELECT jsonb_agg(jsonb_build_object('staffId', s.id, 'role', c.crew_role,
                                                     'nameAr', concat_ws(' ', s.first_name_ar, s.last_name_ar),
                                                     'nameEn', concat_ws(' ', s.first_name_en, s.last_name_en))
                                  ORDER BY c.crew_role, s.first_name_en)
                 FROM ambulance_crew c JOIN staff_profiles s ON s.id = c.staff_id WHERE c.ambulance_id = a.id), '[]'::jsonb) AS crew
FROM ambulances a
LEFT JOIN LATERAL (SELECT r.id, r.status FROM ambulance_runs r
                   WHERE r.ambulance_id = a.id AND r.dispatched_at IS NOT NULL AND r.available_at IS NULL LIMIT 1) run ON true
WHERE $1::uuid IS NULL OR a.id = $1
ORDER BY a.plate;

-- name: insert_ambulance
INSERT INTO ambulances (plate, kind, equipment, location_id) VALUES ($1, $2, $3, $4) RETURNING id;

-- name: update_ambulance
UPDATE ambulances SET in_service = coalesce($2, in_service), equipment = coalesce($3, equipment) WHERE id = $1 RETURNING id;

-- name: clear_crew
DELETE FROM ambulance_crew WHERE ambulance_id = $1;

-- name: insert_crew
INSERT INTO ambulance_crew (ambulance_id, staff_id, crew_role) VALUES ($1, $2, $3);

-- name: ambulance_for_update
SELECT a.id, a.plate, a.in_service FROM ambulances a WHERE a.id = $1 FOR UPDATE;

-- name: vehicle_run
-- The run vehicle $1 is on at any time from $2 on, other than run $3: to name it in the refusal.
SELECT r.id FROM ambulance_runs r
WHERE r.ambulance_id = $1 AND r.dispatched_at IS NOT NULL AND r.id IS DISTINCT FROM $3
  AND tstzrange(r.dispatched_at, r.available_at, '[)') && tstzrange($2, NULL, '[)')
LIMIT 1;

-- name: runs
-- $1 only open runs, $2 from, $3 to (call received), $4 limit.
SELECT r.*, a.plate FROM ambulance_runs r LEFT JOIN ambulances a ON a.id = r.ambulance_id
WHERE (NOT $1 OR r.status NOT IN ('available', 'cancelled'))
  AND ($2::timestamptz IS NULL OR r.call_received_at >= $2) AND ($3::timestamptz IS NULL OR r.call_received_at < $3)
ORDER BY r.call_received_at DESC, r.id LIMIT $4;

-- name: run
SELECT r.*, a.plate FROM ambulance_runs r LEFT JOIN ambulances a ON a.id = r.ambulance_id WHERE r.id = $1;

-- name: run_for_update
SELECT * FROM ambulance_runs WHERE id = $1 FOR UPDATE;

-- name: insert_run
INSERT INTO ambulance_runs (call_received_at, pickup, destination, patient_id, caller_phone, notes, created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id;

-- name: step_run
-- Records one step: $2 the new status, $3 its time, $4 the vehicle (at dispatch). The column is chosen by status.
UPDATE ambulance_runs SET status = $2::text,
  ambulance_id = coalesce($4, ambulance_id),
  dispatched_at = CASE WHEN $2::text = 'dispatched' THEN $3 ELSE dispatched_at END,
  at_scene_at = CASE WHEN $2::text = 'at_scene' THEN $3 ELSE at_scene_at END,
  transporting_at = CASE WHEN $2::text = 'transporting' THEN $3 ELSE transporting_at END,
  at_hospital_at = CASE WHEN $2::text = 'at_hospital' THEN $3 ELSE at_hospital_at END,
  available_at = CASE WHEN $2::text IN ('available', 'cancelled') AND dispatched_at IS NOT NULL THEN $3
                      WHEN $2::text = 'cancelled' THEN NULL ELSE available_at END,
  version = version + 1
WHERE id = $1;
