-- SQL of booking: the patient, the per-patient limit, the appointment, its outbox rows and the idempotency record.
-- Everything here runs inside SessionContext.inTransaction (patients and appointments have row-level security).

-- name: patient
SELECT id, user_id, phone, email, preferred_language, is_active FROM patients WHERE id = $1;

-- name: max_active
SELECT value FROM system_settings WHERE key = 'booking.max_active_per_patient';

-- name: active_count
-- Future appointments that still hold time: not cancelled, not missed, not done.
SELECT count(*) AS active FROM appointments
WHERE patient_id = $1 AND starts_at > now() AND status NOT IN ('cancelled', 'no_show', 'completed');

-- name: insert_appointment
WITH a AS (
  INSERT INTO appointments (patient_id, doctor_id, service_id, location_id, starts_at, ends_at, blocked_from,
                            blocked_until, status, type, source, notes, idempotency_key, created_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $11, $12, $13)
  RETURNING id, status, patient_id, doctor_id, service_id, location_id, starts_at, ends_at, type, source, created_at)
SELECT a.*, l.time_zone FROM a JOIN clinic_locations l ON l.id = a.location_id;

-- name: insert_notification
-- $1 user, $2 phone, $3 email, $4 channel, $5 event, $6 locale, $7 payload, $8 not before, $9 idempotency key
INSERT INTO notifications (recipient_user_id, recipient_phone, recipient_email, channel, event_type, locale, payload,
                           priority, not_before, next_attempt_at, idempotency_key)
VALUES ($1, $2, $3, $4, $5, $6, $7, 'normal', $8, coalesce($8, now()), $9);

-- name: idempotency_find
SELECT request_hash, state, response_status, response_body FROM idempotency_keys
WHERE scope = $1 AND key = $2 AND expires_at > now();

-- name: idempotency_forget_expired
DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND expires_at <= now();

-- name: idempotency_claim
-- A concurrent duplicate waits on this row and then fails with 23505; it then replays the stored answer.
INSERT INTO idempotency_keys (scope, key, request_hash) VALUES ($1, $2, $3);

-- name: idempotency_complete
UPDATE idempotency_keys SET state = 'completed', response_status = $3, response_body = $4
WHERE scope = $1 AND key = $2;
