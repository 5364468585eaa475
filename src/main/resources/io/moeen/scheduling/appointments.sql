-- SQL of the appointment lifecycle. Every statement runs inside SessionContext.inTransaction, so
-- row-level security (app_may_see_patient) and the audit trigger know who is acting.

-- name: appointment_for_update
-- What a change needs to decide, with the row locked until the transaction ends.
SELECT a.id, a.patient_id, a.doctor_id, d.user_id AS doctor_user_id, a.location_id, a.service_id, l.time_zone,
       a.starts_at, a.ends_at, a.status, a.request_previous_status, a.requested_starts_at, a.request_notes,
       a.version, a.room_id
FROM appointments a
JOIN doctors d ON d.id = a.doctor_id
JOIN clinic_locations l ON l.id = a.location_id
WHERE a.id = $1
FOR UPDATE OF a;

-- name: appointment_details
SELECT * FROM appointment_rows a WHERE a.id = $1;

-- name: list_appointments
-- Upcoming first: (starts_at, id) ascending; the cursor is the last row's (starts_at, id).
-- $1 caller sees every appointment, $2 caller's user id as a doctor (or null), $3 patient ids the caller may read,
-- $4 doctor, $5 patient, $6 from, $7 to, $8 status, $9/$10 cursor, $11 limit, $12 room
SELECT a.*
FROM appointment_rows a
WHERE ($1::boolean OR a.doctor_user_id = $2::uuid OR a.patient_id = ANY($3::uuid[]))
  AND ($4::uuid IS NULL OR a.doctor_id = $4::uuid)
  AND ($5::uuid IS NULL OR a.patient_id = $5::uuid)
  AND ($6::timestamptz IS NULL OR a.starts_at >= $6::timestamptz)
  AND ($7::timestamptz IS NULL OR a.starts_at < $7::timestamptz)
  AND ($8::text IS NULL OR a.status = $8::text)
  AND ($12::uuid IS NULL OR a.room_id = $12::uuid)
  AND ($9::timestamptz IS NULL OR (a.starts_at, a.id) > ($9::timestamptz, $10::uuid))
ORDER BY a.starts_at, a.id
LIMIT $11;

-- name: set_status
UPDATE appointments SET status = $2, version = version + 1
WHERE id = $1
RETURNING version;

-- name: cancel
-- $2 who cancelled, $3 why
UPDATE appointments SET status = 'cancelled', cancelled_by = $2, cancelled_at = now(), cancellation_reason = $3,
       requested_starts_at = NULL, request_notes = NULL, requested_at = NULL, request_previous_status = NULL,
       version = version + 1
WHERE id = $1
RETURNING version;

-- name: open_request
-- $2 the request status, $3 requested start (reschedule only), $4 notes or reason
UPDATE appointments SET request_previous_status = status, status = $2, requested_starts_at = $3,
       request_notes = $4, requested_at = now(), version = version + 1
WHERE id = $1
RETURNING version;

-- name: close_request
-- Back to the status before the request (a rejection, or an approved move with no new time).
UPDATE appointments SET status = request_previous_status, requested_starts_at = NULL, request_notes = NULL,
       requested_at = NULL, request_previous_status = NULL, version = version + 1
WHERE id = $1
RETURNING version;

-- name: move
-- A move (approved request or direct reschedule): the new start, same length and buffers; status $3, no open request;
-- $4 whether the room stays (free at the new time) or is cleared.
UPDATE appointments SET
  room_id = CASE WHEN $4::boolean THEN room_id END,
  ends_at = $2::timestamptz + (ends_at - starts_at),
  blocked_from = $2::timestamptz - (starts_at - blocked_from),
  blocked_until = $2::timestamptz + (ends_at - starts_at) + (blocked_until - ends_at),
  starts_at = $2::timestamptz,
  status = $3, requested_starts_at = NULL, request_notes = NULL, requested_at = NULL,
  request_previous_status = NULL, version = version + 1
WHERE id = $1
RETURNING version, starts_at, ends_at;

-- name: reschedule_notice_hours
-- How long before the start the patient's side may still move an appointment without asking.
SELECT value FROM system_settings WHERE key = 'booking.reschedule_notice_hours';

-- name: notify_patient
-- The patient's notice (WhatsApp when there is a phone, else in the app); $2 event type, $3 payload, $4 idempotency key
INSERT INTO notifications (recipient_user_id, recipient_phone, channel, event_type, locale, payload, priority,
                           idempotency_key)
SELECT p.user_id, p.phone, CASE WHEN p.phone IS NOT NULL THEN 'whatsapp' ELSE 'in_app' END, $2, p.preferred_language,
       $3::jsonb, 'urgent', $4
FROM appointments a JOIN patients p ON p.id = a.patient_id
WHERE a.id = $1 AND (p.user_id IS NOT NULL OR p.phone IS NOT NULL)
ON CONFLICT (idempotency_key) DO NOTHING;

-- name: notify_staff
-- One in-app notice per active account that may act on every appointment; $1 event type, $2 payload, $3 key prefix
INSERT INTO notifications (recipient_user_id, channel, event_type, locale, payload, priority, idempotency_key)
SELECT u.id, 'in_app', $1, u.language_preference, $2::jsonb, 'normal', $3 || ':' || u.id
FROM users u
WHERE u.is_active AND EXISTS (
  SELECT 1 FROM user_roles ur
  JOIN role_permissions rp ON rp.role_id = ur.role_id
  JOIN permissions pm ON pm.id = rp.permission_id
  WHERE ur.user_id = u.id AND pm.code = 'appointments.write.any')
ON CONFLICT (idempotency_key) DO NOTHING;

-- name: drop_reminders
UPDATE notifications SET status = 'dead', last_error = 'appointment cancelled'
WHERE event_type = 'appointment_reminder' AND payload ->> 'appointmentId' = $1::uuid::text AND status = 'pending';

-- name: retime_reminders
-- Each pending reminder keeps its lead time (24 h, 2 h) before the new start; $2 old start, $3 new start
UPDATE notifications SET
  not_before = $3::timestamptz - ($2::timestamptz - coalesce(not_before, next_attempt_at)),
  next_attempt_at = greatest(now(), $3::timestamptz - ($2::timestamptz - coalesce(not_before, next_attempt_at)))
WHERE event_type = 'appointment_reminder' AND payload ->> 'appointmentId' = $1::uuid::text AND status = 'pending';
