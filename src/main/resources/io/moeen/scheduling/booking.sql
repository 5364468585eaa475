-- SQL of booking: what it checks, then the appointment, its outbox rows and the read-back in one statement,
-- and the idempotency record. Everything runs in one transaction as the caller (patients and appointments
-- have row-level security); the statements of a step are sent together (pipelined) on its connection.

-- name: facts
-- $1 patient: the patient as the caller may see them (no row: unknown or hidden), the per-patient limit, and
-- their future appointments that still hold time (not cancelled, not missed, not done).
SELECT p.id, p.user_id, p.phone, p.email, p.preferred_language, p.is_active,
       (SELECT (s.value #>> '{}')::int FROM system_settings s WHERE s.key = 'booking.max_active_per_patient') AS max_active,
       (SELECT count(*) FROM appointments a
        WHERE a.patient_id = $1 AND a.starts_at > now() AND a.status NOT IN ('cancelled', 'no_show', 'completed')) AS active
FROM (SELECT $1::uuid AS id) wanted
LEFT JOIN patients p ON p.id = wanted.id;

-- name: book
-- The appointment ($1 its id, chosen by the caller so the outbox payloads can name it), its outbox rows and the
-- appointment as appointment_rows shows it, in one statement. $2 patient, $3 doctor, $4 service, $5 location,
-- $6 starts, $7 ends, $8..$9 blocked, $10 type, $11 source, $12 notes, $13 idempotency key, $14 created by;
-- the recipient of the outbox rows: $15 user, $16 phone, $17 e-mail, $18 channel, $19 locale; one outbox row per
-- element of $20 event types, $21 payloads (JSON text), $22 not before (null: now), $23 idempotency keys.
-- $24 the room staff named (checked before), else with $25 the doctor's default room at the location when it is
-- a usable consulting room free for the whole visit (room_busy_ranges sees every appointment), else none.
WITH a AS (
  INSERT INTO appointments (id, patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from,
                            blocked_until, status, type, source, notes, idempotency_key, created_by, room_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', $10, $11, $12, $13, $14,
          CASE WHEN $24::uuid IS NOT NULL THEN $24::uuid WHEN $25::boolean THEN (
            SELECT dr.room_id FROM doctor_default_rooms dr JOIN rooms r ON r.id = dr.room_id
            WHERE dr.doctor_id = $3 AND dr.location_id = $5 AND r.is_active AND r.kind = 'consulting'
              AND NOT EXISTS (SELECT 1 FROM room_busy_ranges(dr.room_id, $6, $7, NULL))) END)
  RETURNING *
), outbox AS (
  INSERT INTO notifications (recipient_user_id, recipient_phone, recipient_email, channel, event_type, locale, payload,
                             priority, not_before, next_attempt_at, idempotency_key)
  -- what the patient is told beside the time (as the chat's confirmation shows it): names in both
  -- languages, the branch with its address, the price
  SELECT $15, $16, $17, $18, n.event_type, $19,
         n.payload::jsonb || jsonb_build_object(
           'serviceAr', s.name_ar, 'serviceEn', s.name_en,
           'doctorAr', coalesce(nullif(concat_ws(' ', du.first_name_ar, du.last_name_ar), ''),
                                concat_ws(' ', du.first_name_en, du.last_name_en)),
           'doctorEn', coalesce(nullif(concat_ws(' ', du.first_name_en, du.last_name_en), ''),
                                concat_ws(' ', du.first_name_ar, du.last_name_ar)),
           'branchAr', concat_ws(' — ', l.name_ar, nullif(l.address_ar, '')),
           'branchEn', concat_ws(' — ', l.name_en, nullif(l.address_en, '')),
           'price', s.price, 'currency', s.currency),
         'normal', n.not_before::timestamptz, coalesce(n.not_before::timestamptz, now()), n.idempotency_key
  FROM a
  CROSS JOIN unnest($20::text[], $21::text[], $22::text[], $23::text[]) AS n(event_type, payload, not_before, idempotency_key)
  JOIN doctors d ON d.id = a.doctor_id
  JOIN users du ON du.id = d.user_id
  JOIN services s ON s.id = a.service_id
  JOIN clinic_locations l ON l.id = a.location_id
)
-- the columns of appointment_rows, from the row just inserted (a statement does not see its own insert otherwise)
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
FROM a
JOIN patients p ON p.id = a.patient_id
JOIN doctors d ON d.id = a.doctor_id
JOIN users du ON du.id = d.user_id
JOIN services s ON s.id = a.service_id
JOIN clinic_locations l ON l.id = a.location_id
LEFT JOIN rooms r ON r.id = a.room_id;
