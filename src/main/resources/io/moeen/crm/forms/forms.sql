-- name: insert_form
INSERT INTO crm_web_forms (name, key_hash, key_prefix, default_source, interested_service_id, created_by)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, name, key_prefix, default_source, interested_service_id, is_active, created_at;

-- name: service_exists
SELECT EXISTS (SELECT 1 FROM services WHERE id = $1) AS found;

-- name: forms
SELECT id, name, key_prefix, default_source, interested_service_id, is_active, created_at
FROM crm_web_forms ORDER BY created_at DESC, id;

-- name: deactivate_form
UPDATE crm_web_forms SET is_active = false WHERE id = $1
RETURNING id, name, key_prefix, default_source, interested_service_id, is_active, created_at;

-- name: active_form
SELECT id, key_hash, default_source, interested_service_id FROM crm_web_forms WHERE id = $1 AND is_active;
