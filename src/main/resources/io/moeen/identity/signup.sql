-- SQL of sign-up verification codes (changeset 055).

-- name: account_with_contact
SELECT EXISTS (SELECT 1 FROM users WHERE ($1::text IS NOT NULL AND email = $1) OR ($2::text IS NOT NULL AND phone = $2)) AS taken;

-- name: insert_code
-- a new code for this destination ends the ones still open for it: only the latest is good
WITH ended AS (
  UPDATE signup_verifications SET expires_at = least(expires_at, now())
  WHERE destination = $2 AND verified_at IS NULL AND expires_at > now()
)
INSERT INTO signup_verifications (id, channel, destination, code_hash, expires_at, requested_ip)
VALUES ($1, $3, $2, $4, now() + make_interval(secs => $5), $6::text::inet)
RETURNING id, expires_at;

-- name: enqueue_code
-- to the phone or the address itself: there is no account yet
INSERT INTO notifications (recipient_phone, recipient_email, channel, event_type, locale, payload, priority, idempotency_key)
VALUES ($1, $2, $3, 'signup_code', $4, $5, 'urgent', $6);

-- name: lock_code
SELECT id, channel, destination, code_hash, attempts, expires_at > now() AS open, verified_at
FROM signup_verifications WHERE id = $1
FOR UPDATE;

-- name: count_attempt
UPDATE signup_verifications SET attempts = attempts + 1 WHERE id = $1 RETURNING attempts;

-- name: mark_verified
UPDATE signup_verifications SET verified_at = now() WHERE id = $1 AND verified_at IS NULL;

-- name: use_verification
-- spent by the registration that names it: verified, unused, and at most 30 minutes old
UPDATE signup_verifications SET used_at = now()
WHERE id = $1 AND verified_at IS NOT NULL AND used_at IS NULL AND created_at > now() - interval '30 minutes'
RETURNING channel, destination;

-- name: mark_user_verified
UPDATE users SET phone_verified_at = CASE WHEN $2 THEN now() ELSE phone_verified_at END,
                 email_verified_at = CASE WHEN $3 THEN now() ELSE email_verified_at END
WHERE id = $1;

-- name: verification_required
SELECT value FROM system_settings WHERE key = 'auth.signup_verification_required';
