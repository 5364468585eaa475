-- SQL of TOTP two-factor sign-in.

-- name: two_factor_state
SELECT email, phone, totp_secret, totp_enabled FROM users WHERE id = $1 AND is_active;

-- name: store_pending_secret
UPDATE users SET totp_secret = $2, totp_enabled = false, totp_confirmed_at = NULL
WHERE id = $1 AND NOT totp_enabled;

-- name: enable_two_factor
UPDATE users SET totp_enabled = true, totp_confirmed_at = now()
WHERE id = $1 AND totp_secret = $2 AND NOT totp_enabled;

-- name: disable_two_factor
UPDATE users SET totp_secret = NULL, totp_enabled = false, totp_confirmed_at = NULL
WHERE id = $1 AND totp_enabled;
