-- SQL of the outbox administration. Runs as moeen_app; notifications has no row-level security,
-- so the API's permission check (notifications.manage) is the wall.

-- name: outbox_page
-- $1 status, $2 channel, $3 event type, $4 recipient user, $5 phone (E.164), $6 e-mail (lower case),
-- $7 created from (inclusive), $8 created to (exclusive), $9/$10 the cursor, $11 limit + 1.
-- A phone or e-mail matches rows addressed to it directly or to the account that has it.
SELECT n.*, (SELECT count(*) FROM notification_retries r WHERE r.notification_id = n.id) AS retries
FROM notifications n
WHERE ($1::text IS NULL OR n.status = $1)
  AND ($2::text IS NULL OR n.channel = $2)
  AND ($3::text IS NULL OR n.event_type = $3)
  AND ($4::uuid IS NULL OR n.recipient_user_id = $4)
  AND ($5::text IS NULL OR n.recipient_phone = $5 OR n.recipient_user_id IN (SELECT id FROM users WHERE phone = $5))
  AND ($6::text IS NULL OR n.recipient_email = $6 OR n.recipient_user_id IN (SELECT id FROM users WHERE lower(email) = $6))
  AND ($7::timestamptz IS NULL OR n.created_at >= $7)
  AND ($8::timestamptz IS NULL OR n.created_at < $8)
  AND ($9::timestamptz IS NULL OR (n.created_at, n.id) < ($9::timestamptz, $10::uuid))
ORDER BY n.created_at DESC, n.id DESC
LIMIT $11;

-- name: outbox_one
SELECT n.*, (SELECT count(*) FROM notification_retries r WHERE r.notification_id = n.id) AS retries
FROM notifications n WHERE n.id = $1;

-- name: retries_of
SELECT previous_status, previous_attempts, previous_error, reason, retried_by, retried_at
FROM notification_retries WHERE notification_id = $1 ORDER BY retried_at, id;

-- name: retry
-- $1 id, $2 now, $3 reason, $4 who. Only a failed or dead row goes back to pending, with its
-- attempts reset; what it looked like before is kept in notification_retries.
WITH target AS (
  SELECT id, status, attempts, last_error FROM notifications
  WHERE id = $1 AND status IN ('failed', 'dead') FOR UPDATE),
history AS (
  INSERT INTO notification_retries (notification_id, previous_status, previous_attempts, previous_error, reason,
                                    retried_by, retried_at)
  SELECT id, status, attempts, last_error, $3, $4, $2 FROM target)
UPDATE notifications n SET status = 'pending', attempts = 0, next_attempt_at = $2, claimed_at = NULL,
       last_error = NULL
FROM target WHERE n.id = target.id
RETURNING n.id;

-- name: status_of
SELECT status FROM notifications WHERE id = $1;

-- name: templates
-- $1 event type, $2 channel, $3 locale (each optional)
SELECT id, event_type, channel, locale, subject, body, whatsapp_template_name, whatsapp_language,
       whatsapp_parameters, is_active, version, updated_at
FROM notification_templates
WHERE ($1::text IS NULL OR event_type = $1) AND ($2::text IS NULL OR channel = $2)
  AND ($3::text IS NULL OR locale = $3)
ORDER BY event_type, channel, locale, is_active DESC, version DESC;

-- name: active_templates_of
SELECT event_type, channel, locale, subject, body FROM notification_templates
WHERE event_type = $1 AND is_active;

-- name: clinic_digits
-- the public setting clinic.digits ("latin" or "arabic"): the digits of Arabic text
SELECT value FROM system_settings WHERE key = 'clinic.digits';
