-- A lead's activities (its timeline). Visible exactly when the lead is (row-level security).

-- name: insert_activity
INSERT INTO crm_activities (lead_id, type, body, due_at, done_at, outcome, from_status, to_status, details, author_id,
                            created_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
RETURNING *;

-- name: activity_for_update
SELECT * FROM crm_activities WHERE id = $1 AND lead_id = $2 FOR UPDATE;

-- name: complete_task
UPDATE crm_activities SET done_at = $2, outcome = $3 WHERE id = $1 RETURNING *;

-- name: timeline
SELECT * FROM crm_activities
WHERE lead_id = $1 AND ($2::timestamptz IS NULL OR (created_at, id) < ($2, $3::uuid))
ORDER BY created_at DESC, id DESC
LIMIT $4;
