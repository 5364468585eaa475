-- SQL of flow versions: drafts are edited, one version per key is published, old ones archived.

-- name: list
SELECT key, version, status, created_by, published_at, created_at, updated_at, row_version
FROM chatbot_flows WHERE ($1::varchar IS NULL OR key = $1::varchar) ORDER BY key, version DESC;

-- name: get
SELECT key, version, status, definition, created_by, published_at, created_at, updated_at, row_version
FROM chatbot_flows WHERE key = $1 AND version = $2;

-- name: lock_key
SELECT pg_advisory_xact_lock(hashtext('chatbot-flow:' || $1));

-- name: insert_draft
INSERT INTO chatbot_flows (key, version, status, definition, created_by)
SELECT $1::varchar, coalesce(max(version), 0) + 1, 'draft', $2::jsonb, $3::uuid FROM chatbot_flows WHERE key = $1::varchar
RETURNING key, version, status, definition, created_by, published_at, created_at, updated_at, row_version;

-- name: update_draft
UPDATE chatbot_flows SET definition = $3, row_version = row_version + 1
WHERE key = $1 AND version = $2
RETURNING key, version, status, definition, created_by, published_at, created_at, updated_at, row_version;

-- name: archive_published
UPDATE chatbot_flows SET status = 'archived', row_version = row_version + 1 WHERE key = $1 AND status = 'published';

-- name: publish
UPDATE chatbot_flows SET status = 'published', published_at = now(), published_by = $3, row_version = row_version + 1
WHERE key = $1 AND version = $2
RETURNING key, version, status, definition, created_by, published_at, created_at, updated_at, row_version;
