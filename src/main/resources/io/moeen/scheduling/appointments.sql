-- SQL of the appointment lifecycle. Every statement runs inside SessionContext.inTransaction, so
-- row-level security (app_may_see_patient) and the audit trigger know who is acting.

-- name: appointment_for_update
-- What a change needs to decide, with the row locked until the transaction ends.
SELECT a.id, a.patient_id, a.doctor_id, d.user_id AS doctor_user_id, a.location_id, a.service_id, l.time_zone,
       a.starts_at, a.ends_at, a.status, a.request_previous_status, a.requested_starts_at, a.request_notes,
       a.version
FROM appointments a
JOIN doctors d ON d.id = a.doctor_id
JOIN clinic_locations l ON l.id = a.location_id
WHERE a.id = $1
FOR UPDATE OF a;

-- name: appointment_details
SELECT a.id, a.status, a.type, a.source, a.notes, a.starts_at, a.ends_at, a.version, a.created_at, a.updated_at,
       a.cancellation_reason, a.cancelled_by, a.cancelled_at, a.requested_starts_at, a.request_notes, a.requested_at,
       a.request_previous_status,
       a.patient_id, p.first_name_ar AS patient_first_ar, p.last_name_ar AS patient_last_ar,
       p.first_name_en AS patient_first_en, p.last_name_en AS patient_last_en, p.medical_record_number,
       a.doctor_id, d.user_id AS doctor_user_id, du.first_name_ar AS doctor_first_ar, du.last_name_ar AS doctor_last_ar,
       du.first_name_en AS doctor_first_en, du.last_name_en AS doctor_last_en, d.specialty_ar, d.specialty_en,
       a.service_id, s.name_ar AS service_ar, s.name_en AS service_en,
       a.location_id, l.name_ar AS location_ar, l.name_en AS location_en, l.address_ar, l.address_en, l.time_zone
FROM appointments a
JOIN patients p ON p.id = a.patient_id
JOIN doctors d ON d.id = a.doctor_id
JOIN users du ON du.id = d.user_id
JOIN services s ON s.id = a.service_id
JOIN clinic_locations l ON l.id = a.location_id
WHERE a.id = $1;

-- name: list_appointments
-- Upcoming first: (starts_at, id) ascending; the cursor is the last row's (starts_at, id).
-- $1 caller sees every appointment, $2 caller's user id as a doctor (or null), $3 patient ids the caller may read,
-- $4 doctor, $5 patient, $6 from, $7 to, $8 status, $9/$10 cursor, $11 limit
SELECT a.id, a.status, a.type, a.source, a.notes, a.starts_at, a.ends_at, a.version, a.created_at, a.updated_at,
       a.cancellation_reason, a.cancelled_by, a.cancelled_at, a.requested_starts_at, a.request_notes, a.requested_at,
       a.request_previous_status,
       a.patient_id, p.first_name_ar AS patient_first_ar, p.last_name_ar AS patient_last_ar,
       p.first_name_en AS patient_first_en, p.last_name_en AS patient_last_en, p.medical_record_number,
       a.doctor_id, d.user_id AS doctor_user_id, du.first_name_ar AS doctor_first_ar, du.last_name_ar AS doctor_last_ar,
       du.first_name_en AS doctor_first_en, du.last_name_en AS doctor_last_en, d.specialty_ar, d.specialty_en,
       a.service_id, s.name_ar AS service_ar, s.name_en AS service_en,
       a.location_id, l.name_ar AS location_ar, l.name_en AS location_en, l.address_ar, l.address_en, l.time_zone
FROM appointments a
JOIN patients p ON p.id = a.patient_id
JOIN doctors d ON d.id = a.doctor_id
JOIN users du ON du.id = d.user_id
JOIN services s ON s.id = a.service_id
JOIN clinic_locations l ON l.id = a.location_id
WHERE ($1::boolean OR d.user_id = $2::uuid OR a.patient_id = ANY($3::uuid[]))
  AND ($4::uuid IS NULL OR a.doctor_id = $4::uuid)
  AND ($5::uuid IS NULL OR a.patient_id = $5::uuid)
  AND ($6::timestamptz IS NULL OR a.starts_at >= $6::timestamptz)
  AND ($7::timestamptz IS NULL OR a.starts_at < $7::timestamptz)
  AND ($8::text IS NULL OR a.status = $8::text)
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
-- A move (approved request or direct reschedule): the new start, same length and buffers; status $3, no open request.
UPDATE appointments SET
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
