-- Round-robin with rules. $1 the lead's language, $2 its source; $3 true = honour the marketers'
-- language and source lists (empty list = any), false = anyone who takes leads (nobody matched).

-- name: next_marketer_unlocked
SELECT m.user_id
FROM crm_marketers m JOIN users u ON u.id = m.user_id
WHERE m.accepts_leads AND u.is_active
  AND (NOT $3::boolean OR ((cardinality(m.languages) = 0 OR $1::text = ANY (m.languages))
                       AND (cardinality(m.sources) = 0 OR $2::text = ANY (m.sources))))
ORDER BY m.last_assigned_at NULLS FIRST, m.created_at, m.user_id
LIMIT 1
FOR UPDATE OF m SKIP LOCKED;

-- name: next_marketer_waiting
SELECT m.user_id
FROM crm_marketers m JOIN users u ON u.id = m.user_id
WHERE m.accepts_leads AND u.is_active
  AND (NOT $3::boolean OR ((cardinality(m.languages) = 0 OR $1::text = ANY (m.languages))
                       AND (cardinality(m.sources) = 0 OR $2::text = ANY (m.sources))))
ORDER BY m.last_assigned_at NULLS FIRST, m.created_at, m.user_id
LIMIT 1
FOR UPDATE OF m;

-- name: mark_assigned
UPDATE crm_marketers SET last_assigned_at = $2 WHERE user_id = $1;

-- name: marketers
SELECT m.user_id, m.accepts_leads, m.languages, m.sources, m.supervisor_id, m.last_assigned_at,
       concat_ws(' ', u.first_name_en, u.last_name_en) AS name_en, concat_ws(' ', u.first_name_ar, u.last_name_ar) AS name_ar
FROM crm_marketers m JOIN users u ON u.id = m.user_id
WHERE $1::uuid IS NULL OR m.user_id = $1
ORDER BY name_en, m.user_id;

-- name: holds_permission
-- whether an active account holds a permission through one of its roles
SELECT EXISTS (
  SELECT 1 FROM users u JOIN user_roles ur ON ur.user_id = u.id
  JOIN role_permissions rp ON rp.role_id = ur.role_id JOIN permissions p ON p.id = rp.permission_id
  WHERE u.id = $1 AND u.is_active AND p.code = $2) AS holds;

-- name: save_marketer
-- $2..$5 null = keep (or the default for a new marketer); $6 true = supervisor given (may be null = none)
INSERT INTO crm_marketers (user_id, accepts_leads, languages, sources, supervisor_id)
VALUES ($1, coalesce($2::boolean, true), coalesce($3::varchar[], '{}'), coalesce($4::varchar[], '{}'), $5::uuid)
ON CONFLICT (user_id) DO UPDATE SET
  accepts_leads = coalesce($2::boolean, crm_marketers.accepts_leads),
  languages = coalesce($3::varchar[], crm_marketers.languages),
  sources = coalesce($4::varchar[], crm_marketers.sources),
  supervisor_id = CASE WHEN $6::boolean THEN $5::uuid ELSE crm_marketers.supervisor_id END;

-- name: lead_for_reassign
SELECT id, owner_id, full_name, phone, email FROM crm_leads WHERE id = $1 AND merged_into_id IS NULL FOR UPDATE;

-- name: set_owner
UPDATE crm_leads SET owner_id = $2, last_activity_at = $3, version = version + 1 WHERE id = $1;

-- name: reassigned_activity
INSERT INTO crm_activities (lead_id, type, body, details, author_id, created_at)
VALUES ($1, 'system', NULL, $2, $3, $4);

-- name: notify_assigned
INSERT INTO notifications (recipient_user_id, channel, event_type, locale, payload, idempotency_key)
SELECT u.id, 'in_app', 'lead_assigned', u.language_preference, $2, $3 FROM users u WHERE u.id = $1 AND u.is_active
ON CONFLICT (idempotency_key) DO NOTHING;
