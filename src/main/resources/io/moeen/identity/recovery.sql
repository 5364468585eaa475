-- SQL of password recovery.

-- name: user_for_reset
SELECT id, email, phone, language_preference FROM users
WHERE (($1::text IS NOT NULL AND email = $1) OR ($2::text IS NOT NULL AND phone = $2)) AND is_active
LIMIT 1;

-- name: insert_reset_token
INSERT INTO password_reset_tokens (user_id, token_hash, expires_at, requested_ip)
VALUES ($1, $2, now() + make_interval(secs => $3), $4::text::inet)
RETURNING id, expires_at;

-- name: enqueue_notification
INSERT INTO notifications (recipient_user_id, channel, event_type, locale, payload, priority, idempotency_key)
VALUES ($1, $2, $3, $4, $5, $6, $7);

-- name: peek_reset_token
-- Without a lock: who the token is for, to check the new password before hashing it.
SELECT u.id AS user_id, u.email, u.phone
FROM password_reset_tokens t JOIN users u ON u.id = t.user_id
WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND u.is_active;

-- name: lock_reset_token
SELECT t.id, t.user_id FROM password_reset_tokens t
WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now()
FOR UPDATE;

-- name: use_reset_tokens
-- the one presented and any other still open for the user: one reset ends every pending link
UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL;
