-- SQL of the outbox dispatcher. Runs as moeen_app; notifications has no row-level security.
-- $1 is always the dispatcher's clock, so tests can fix the time.

-- name: active_templates
SELECT event_type, channel, locale, subject, body FROM notification_templates WHERE is_active;

-- name: quiet_hours
SELECT value FROM system_settings WHERE key = 'notifications.quiet_hours';

-- name: reclaim_stuck
-- $1 now, $2 the oldest claim still trusted
UPDATE notifications SET status = 'pending', claimed_at = NULL, next_attempt_at = $1,
       last_error = 'reclaimed after being stuck in sending'
WHERE status = 'sending' AND claimed_at < $2;

-- name: claim_due
-- $1 now, $2 channels this dispatcher can deliver, $3 batch size. SKIP LOCKED lets several
-- dispatchers claim side by side without taking the same row.
UPDATE notifications n SET status = 'sending', claimed_at = $1
FROM (SELECT id FROM notifications
      WHERE status = 'pending' AND channel = ANY($2::text[])
        AND coalesce(not_before, $1) <= $1 AND next_attempt_at <= $1
      ORDER BY CASE priority WHEN 'urgent' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END, created_at
      LIMIT $3
      FOR UPDATE SKIP LOCKED) due
WHERE n.id = due.id
RETURNING n.id, n.channel, n.event_type, n.locale, n.payload, n.priority, n.attempts, n.idempotency_key,
          n.recipient_user_id, n.recipient_email, n.rendered_body, n.rendered_subject,
          coalesce(n.recipient_phone, (SELECT phone FROM users WHERE users.id = n.recipient_user_id)) AS phone;

-- name: hold
-- $1 id, $2 next attempt (end of quiet hours)
UPDATE notifications SET status = 'pending', claimed_at = NULL, next_attempt_at = $2
WHERE id = $1 AND status = 'sending';

-- name: record_rendered
UPDATE notifications SET rendered_body = $2, rendered_subject = $3 WHERE id = $1;

-- name: record_sent
-- $1 id, $2 'sent' or 'delivered', $3 provider message id
UPDATE notifications SET status = $2, provider_message_id = $3, attempts = attempts + 1,
       last_error = NULL, claimed_at = NULL
WHERE id = $1 AND status = 'sending';

-- name: record_retry
-- $1 id, $2 next attempt, $3 error
UPDATE notifications SET status = 'pending', attempts = attempts + 1, next_attempt_at = $2,
       last_error = $3, claimed_at = NULL
WHERE id = $1 AND status = 'sending';

-- name: record_failed
-- $1 id, $2 'failed' or 'dead', $3 reason
UPDATE notifications SET status = $2, attempts = attempts + 1, last_error = $3, claimed_at = NULL
WHERE id = $1 AND status = 'sending';

-- name: recipient_choices
-- $1 the claimed ids. One query per batch: each recipient's own preferences, the address to
-- e-mail (the row's, else the account's), and for marketing rows outside the app whether the
-- contact has consented at this moment.
SELECT n.id, p.channels, p.quiet_start, p.quiet_end, p.time_zone,
       coalesce(n.recipient_email, u.email) AS email,
       CASE WHEN n.priority = 'marketing' AND n.channel <> 'in_app'
            THEN has_marketing_consent(n.recipient_user_id, coalesce(n.recipient_phone, u.phone),
                                       coalesce(n.recipient_email, u.email), n.channel) END AS marketing_consent
FROM notifications n
LEFT JOIN notification_preferences p ON p.user_id = n.recipient_user_id
LEFT JOIN users u ON u.id = n.recipient_user_id
WHERE n.id = ANY($1::uuid[]);

-- name: clinic_digits
-- the public setting clinic.digits ("latin" or "arabic"): the digits of Arabic text
SELECT value FROM system_settings WHERE key = 'clinic.digits';
