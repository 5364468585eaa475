-- SQL of refresh-token rotation and revocation.

-- name: lock_refresh_token
-- Locks the presented token's row: of two concurrent refreshes, the second waits and then sees it rotated.
SELECT t.id, t.user_id, t.family_id, t.revoked_at, t.revoke_reason, t.expires_at <= now() AS expired,
       u.is_active
FROM refresh_tokens t
JOIN users u ON u.id = t.user_id
WHERE t.token_hash = $1
FOR UPDATE OF t;

-- name: mark_rotated
UPDATE refresh_tokens SET revoked_at = now(), revoke_reason = 'rotated', replaced_by = $2
WHERE id = $1;

-- name: revoke_family
-- $2 the reason; tokens already revoked keep the reason they were revoked for
UPDATE refresh_tokens SET revoked_at = now(), revoke_reason = $2
WHERE family_id = $1 AND revoked_at IS NULL;

-- name: revoke_family_of_token
UPDATE refresh_tokens SET revoked_at = now(), revoke_reason = 'logout'
WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE token_hash = $1) AND revoked_at IS NULL
RETURNING family_id;

-- name: revoke_all_of_user
UPDATE refresh_tokens SET revoked_at = now(), revoke_reason = $2
WHERE user_id = $1 AND revoked_at IS NULL;
