-- SQL of the identity feature: principals, logins, tokens.

-- name: principal
-- $2 the token's sign-in session (refresh-token family) or null: once every token of that
-- session is revoked or expired, the session's access tokens open nothing either
SELECT CASE WHEN $2::uuid IS NULL OR EXISTS (
         SELECT 1 FROM refresh_tokens t
         WHERE t.family_id = $2::uuid AND t.user_id = $1 AND t.revoked_at IS NULL AND t.expires_at > now())
       THEN principal_of($1) END AS principal;

-- name: user_for_login
-- $1 email (lower-case) or null, $2 phone (E.164) or null
-- account_key: the one identifier its login throttle counts under, however the person typed it
SELECT id, password_hash, is_active, totp_enabled, coalesce(email, phone) AS account_key
FROM users
WHERE ($1::text IS NOT NULL AND email = $1) OR ($2::text IS NOT NULL AND phone = $2)
LIMIT 1;

-- name: user_for_second_factor
SELECT id, password_hash, is_active, totp_enabled, coalesce(email, phone) AS account_key, totp_secret
FROM users
WHERE id = $1;

-- name: record_login
INSERT INTO login_activity (user_id, identifier, ip_address, user_agent, success, failure_reason)
VALUES ($1, $2, $3::text::inet, $4, $5, $6);

-- name: touch_last_login
UPDATE users SET last_login = now() WHERE id = $1;

-- name: insert_refresh_token
INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at, ip_address, user_agent)
VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5::text::inet, $6)
RETURNING id;

-- name: profile
SELECT u.id, u.email, u.phone, u.first_name_ar, u.last_name_ar, u.first_name_en, u.last_name_en,
       u.language_preference, u.totp_enabled, u.last_login, u.created_at
FROM users u
WHERE u.id = $1 AND u.is_active;
