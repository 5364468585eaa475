-- SQL of access administration: roles, permissions, accounts, role change requests, audit log.

-- name: permissions
SELECT code, description_ar, description_en FROM permissions ORDER BY code;

-- name: known_permissions
-- $1 text[]: which of these permission codes exist
SELECT p.id, p.code FROM permissions p WHERE p.code = ANY($1::text[]);

-- name: roles
SELECT r.id, r.code, r.name_ar, r.name_en, r.description_ar, r.description_en, r.is_system, r.is_protected,
       coalesce(array_agg(p.code ORDER BY p.code) FILTER (WHERE p.code IS NOT NULL), '{}') AS permissions,
       (SELECT count(*) FROM user_roles ur WHERE ur.role_id = r.id) AS holders
FROM roles r
LEFT JOIN role_permissions rp ON rp.role_id = r.id
LEFT JOIN permissions p ON p.id = rp.permission_id
WHERE $1::text IS NULL OR r.code = $1
GROUP BY r.id
ORDER BY r.is_system DESC, r.code;

-- name: role_for_update
SELECT r.id, r.code, r.is_system, r.is_protected FROM roles r WHERE r.code = $1 FOR UPDATE;

-- name: insert_role
INSERT INTO roles (code, name_ar, name_en, description_ar, description_en)
VALUES ($1, $2, $3, $4, $5)
RETURNING id;

-- name: remove_role_permissions_except
-- $1 role id, $2 uuid[] permission ids to keep
DELETE FROM role_permissions WHERE role_id = $1 AND NOT (permission_id = ANY($2::uuid[]));

-- name: add_role_permissions
INSERT INTO role_permissions (role_id, permission_id)
SELECT $1, unnest($2::uuid[])
ON CONFLICT DO NOTHING;

-- name: current_role_permissions
SELECT p.code FROM role_permissions rp JOIN permissions p ON p.id = rp.permission_id WHERE rp.role_id = $1;

-- name: role_holder_count
SELECT count(*) AS holders FROM user_roles WHERE role_id = $1;

-- name: delete_role
DELETE FROM roles WHERE id = $1;

-- name: users
-- $1 search text or null, $2 role code or null, $3 active or null, $4 cursor created_at or null,
-- $5 cursor id or null, $6 limit. Keyset order: created_at, id.
SELECT u.id, u.email, u.phone, u.first_name_ar, u.last_name_ar, u.first_name_en, u.last_name_en,
       u.language_preference, u.is_active, u.last_login, u.totp_enabled, u.created_at,
       coalesce((SELECT array_agg(r.code ORDER BY r.code) FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                 WHERE ur.user_id = u.id), '{}') AS roles
FROM users u
WHERE ($1::text IS NULL
       OR strpos(normalize_search_text(coalesce(u.first_name_ar, '') || ' ' || coalesce(u.last_name_ar, '') || ' ' ||
                 coalesce(u.first_name_en, '') || ' ' || coalesce(u.last_name_en, '')), normalize_search_text($1)) > 0
       OR strpos(coalesce(u.email, ''), lower($1)) > 0
       OR strpos(coalesce(u.phone, ''), $1) > 0)
  AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                   WHERE ur.user_id = u.id AND r.code = $2))
  AND ($3::boolean IS NULL OR u.is_active = $3)
  AND ($4::timestamptz IS NULL OR (u.created_at, u.id) > ($4::timestamptz, $5::uuid))
ORDER BY u.created_at, u.id
LIMIT $6;

-- name: user
SELECT u.id, u.email, u.phone, u.first_name_ar, u.last_name_ar, u.first_name_en, u.last_name_en,
       u.language_preference, u.is_active, u.last_login, u.totp_enabled, u.created_at,
       coalesce((SELECT array_agg(r.code ORDER BY r.code) FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                 WHERE ur.user_id = u.id), '{}') AS roles
FROM users u
WHERE u.id = $1;

-- name: lock_user
SELECT id, is_active FROM users WHERE id = $1 FOR UPDATE;

-- name: set_user_active
UPDATE users SET is_active = $2 WHERE id = $1;

-- name: revoke_refresh_tokens
UPDATE refresh_tokens SET revoked_at = now(), revoke_reason = $2 WHERE user_id = $1 AND revoked_at IS NULL;

-- name: grant_role
INSERT INTO user_roles (user_id, role_id, granted_by) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING;

-- name: revoke_role
DELETE FROM user_roles WHERE user_id = $1 AND role_id = $2;

-- name: lock_protected_holders
-- Serializes changes to who holds a protected role, so two admins cannot remove each other at once.
SELECT ur.user_id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE r.id = $1 FOR UPDATE OF ur;

-- name: other_active_holders
-- Active holders of role $1 other than user $2
SELECT count(*) AS holders FROM user_roles ur JOIN users u ON u.id = ur.user_id
WHERE ur.role_id = $1 AND ur.user_id <> $2 AND u.is_active;

-- name: holds_role
SELECT EXISTS (SELECT 1 FROM user_roles WHERE user_id = $1 AND role_id = $2) AS held;

-- name: protected_roles_held
-- The protected roles user $1 holds, for the last-admin check on deactivation
SELECT r.id FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = $1 AND r.is_protected;

-- name: insert_role_request
INSERT INTO role_change_requests (user_id, requested_role_id, reason) VALUES ($1, $2, $3) RETURNING id;

-- name: role_requests
-- $1 status or null, $2 requester or null, $3 request id or null, $4 limit
SELECT q.id, q.user_id, q.reason, q.status, q.reviewed_by, q.reviewed_at, q.review_notes, q.created_at,
       r.code AS role_code, r.name_ar AS role_name_ar, r.name_en AS role_name_en,
       u.first_name_ar, u.last_name_ar, u.first_name_en, u.last_name_en
FROM role_change_requests q
JOIN roles r ON r.id = q.requested_role_id
JOIN users u ON u.id = q.user_id
WHERE ($1::text IS NULL OR q.status = $1)
  AND ($2::uuid IS NULL OR q.user_id = $2)
  AND ($3::uuid IS NULL OR q.id = $3)
ORDER BY q.created_at DESC, q.id DESC
LIMIT $4;

-- name: lock_role_request
SELECT id, user_id, requested_role_id, status FROM role_change_requests WHERE id = $1 FOR UPDATE;

-- name: review_role_request
UPDATE role_change_requests SET status = $2, reviewed_by = $3, reviewed_at = now(), review_notes = $4
WHERE id = $1 AND status = 'pending';

-- name: audit_logs
-- Newest first; keyset on (occurred_at, id) descending. RLS shows rows only to auditors.
SELECT id, occurred_at, user_id, role, action, entity_type, entity_id, patient_id, old_values, new_values,
       host(ip_address) AS ip_address, request_id
FROM audit_logs
WHERE ($1::text IS NULL OR entity_type = $1)
  AND ($2::text IS NULL OR entity_id = $2)
  AND ($3::uuid IS NULL OR user_id = $3)
  AND ($4::uuid IS NULL OR patient_id = $4)
  AND ($5::text IS NULL OR action = $5)
  AND ($6::timestamptz IS NULL OR occurred_at >= $6)
  AND ($7::timestamptz IS NULL OR occurred_at <= $7)
  AND ($8::timestamptz IS NULL OR (occurred_at, id) < ($8::timestamptz, $9::uuid))
ORDER BY occurred_at DESC, id DESC
LIMIT $10;
