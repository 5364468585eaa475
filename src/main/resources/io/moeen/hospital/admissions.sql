-- SQL of admissions and bed assignments. Every change locks the admission first, then beds in id order.

-- name: admission
-- $1 id; with its current (or reserved) bed. Row-level security: only callers who may see the patient.
SELECT a.id, a.patient_id, a.doctor_id, a.reason, a.status, a.planned_admission_at, a.expected_discharge_at,
       a.admitted_at, a.discharge_ordered_at, a.discharged_at, a.version, a.created_at,
       p.medical_record_number, p.first_name_ar, p.last_name_ar, p.first_name_en, p.last_name_en,
       cur.bed_id, cur.bed_code, cur.room_code, cur.kind AS assignment_kind, cur.since
FROM admissions a
JOIN patients p ON p.id = a.patient_id
LEFT JOIN LATERAL (SELECT ba.bed_id, b.code AS bed_code, r.code AS room_code, ba.kind, lower(ba.during) AS since
                   FROM bed_assignments ba JOIN beds b ON b.id = ba.bed_id JOIN hospital_rooms r ON r.room_id = b.room_id
                   WHERE ba.admission_id = a.id ORDER BY lower(ba.during) DESC LIMIT 1) cur ON true
WHERE a.id = $1;

-- name: admissions
-- $1 status or null; newest first, at most $2.
SELECT a.id, a.patient_id, a.doctor_id, a.reason, a.status, a.planned_admission_at, a.expected_discharge_at,
       a.admitted_at, a.discharge_ordered_at, a.discharged_at, a.version, a.created_at,
       p.medical_record_number, p.first_name_ar, p.last_name_ar, p.first_name_en, p.last_name_en,
       cur.bed_id, cur.bed_code, cur.room_code, cur.kind AS assignment_kind, cur.since
FROM admissions a
JOIN patients p ON p.id = a.patient_id
LEFT JOIN LATERAL (SELECT ba.bed_id, b.code AS bed_code, r.code AS room_code, ba.kind, lower(ba.during) AS since
                   FROM bed_assignments ba JOIN beds b ON b.id = ba.bed_id JOIN hospital_rooms r ON r.room_id = b.room_id
                   WHERE ba.admission_id = a.id ORDER BY lower(ba.during) DESC LIMIT 1) cur ON true
WHERE $1::text IS NULL OR a.status = $1
ORDER BY coalesce(a.admitted_at, a.planned_admission_at) DESC, a.id
LIMIT $2;

-- name: admission_for_update
SELECT id, patient_id, status, admitted_at, planned_admission_at, expected_discharge_at FROM admissions
WHERE id = $1 FOR UPDATE;

-- name: open_assignment
-- The admission's assignment still running (stay) or pending (reservation).
SELECT ba.id, ba.bed_id, ba.kind, lower(ba.during) AS since, upper(ba.during) AS until
FROM bed_assignments ba WHERE ba.admission_id = $1 AND (upper_inf(ba.during) OR ba.kind = 'reservation')
ORDER BY lower(ba.during) DESC LIMIT 1;

-- name: bed_conflict
-- Who holds bed $1 during [$2, $3) (null $3: open-ended), the earliest first: to name it in the refusal.
SELECT ba.admission_id, ba.kind, lower(ba.during) AS since FROM bed_assignments ba
WHERE ba.bed_id = $1 AND ba.during && tstzrange($2, $3, '[)') AND ba.admission_id IS DISTINCT FROM $4
ORDER BY lower(ba.during) LIMIT 1;

-- name: patient_conflict
-- Where patient $1 already is (or is booked) during [$2, $3).
SELECT ba.admission_id, ba.kind, b.code AS bed_code, r.code AS room_code FROM bed_assignments ba
JOIN beds b ON b.id = ba.bed_id JOIN hospital_rooms r ON r.room_id = b.room_id
WHERE ba.patient_id = $1 AND ba.during && tstzrange($2, $3, '[)') AND ba.admission_id IS DISTINCT FROM $4
ORDER BY lower(ba.during) LIMIT 1;

-- name: insert_admission
INSERT INTO admissions (patient_id, doctor_id, reason, status, planned_admission_at, expected_discharge_at, admitted_at,
                        created_by)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id;

-- name: insert_assignment
INSERT INTO bed_assignments (admission_id, patient_id, bed_id, kind, during) VALUES ($1, $2, $3, $4, tstzrange($5, $6, '[)'));

-- name: begin_stay
-- A reservation becomes the stay from the actual admission on.
UPDATE bed_assignments SET kind = 'stay', during = tstzrange($2, NULL, '[)') WHERE id = $1;

-- name: end_assignment
UPDATE bed_assignments SET during = tstzrange(lower(during), $2, '[)'), ended_by = $3 WHERE id = $1;

-- name: delete_assignment
DELETE FROM bed_assignments WHERE id = $1;

-- name: mark_admitted
UPDATE admissions SET status = 'admitted', admitted_at = $2, version = version + 1 WHERE id = $1;

-- name: order_discharge
UPDATE admissions SET discharge_ordered_at = $2, expected_discharge_at = $3, version = version + 1 WHERE id = $1;

-- name: mark_discharged
UPDATE admissions SET status = 'discharged', discharged_at = $2, version = version + 1 WHERE id = $1;

-- name: mark_cancelled
UPDATE admissions SET status = 'cancelled', version = version + 1 WHERE id = $1;

-- name: doctor_exists
SELECT 1 FROM doctors WHERE id = $1 AND is_active;

-- name: patient_exists
SELECT 1 FROM patients WHERE id = $1 AND is_active;
