-- SQL of the in-app inbox. Every statement is scoped to the caller's own in-app rows, and to
-- those that are due: a reminder scheduled for tomorrow (not_before) is not in the inbox today,
-- and one dropped with its cancelled appointment (dead) never is.

-- name: active_templates
SELECT event_type, channel, locale, subject, body FROM notification_templates WHERE is_active;

-- name: inbox_page
-- $1 recipient, $2 unread only, $3/$4 the cursor (created_at, id) or nulls, $5 limit + 1
SELECT id, event_type, payload, is_read, created_at FROM notifications
WHERE recipient_user_id = $1 AND channel = 'in_app'
  AND coalesce(not_before, created_at) <= now() AND status <> 'dead' AND (NOT $2::boolean OR NOT is_read)
  AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
ORDER BY created_at DESC, id DESC
LIMIT $5;

-- name: unread_count
SELECT count(*) AS unread FROM notifications
WHERE recipient_user_id = $1 AND channel = 'in_app'
  AND coalesce(not_before, created_at) <= now() AND status <> 'dead' AND NOT is_read;

-- name: mark_read
UPDATE notifications SET is_read = true
WHERE id = $1 AND recipient_user_id = $2 AND channel = 'in_app'
  AND coalesce(not_before, created_at) <= now() AND status <> 'dead'
RETURNING id;

-- name: mark_all_read
UPDATE notifications SET is_read = true
WHERE recipient_user_id = $1 AND channel = 'in_app'
  AND coalesce(not_before, created_at) <= now() AND status <> 'dead' AND NOT is_read;

-- name: live_item
-- one delivered in-app notification of the caller, for the live stream
SELECT id, event_type, payload, is_read, created_at FROM notifications
WHERE id = $1 AND recipient_user_id = $2 AND channel = 'in_app';

-- name: live_replay
-- $1 recipient, $2 the last event id the client saw, $3 limit + 1: what was delivered after it, oldest first
SELECT n.id, n.event_type, n.payload, n.is_read, n.created_at FROM notifications n,
       (SELECT delivered_at, id FROM notifications
        WHERE id = $2 AND recipient_user_id = $1 AND channel = 'in_app' AND delivered_at IS NOT NULL) seen
WHERE n.recipient_user_id = $1 AND n.channel = 'in_app' AND n.delivered_at IS NOT NULL
  AND (n.delivered_at, n.id) > (seen.delivered_at, seen.id)
ORDER BY n.delivered_at, n.id
LIMIT $3;

-- name: live_known
SELECT 1 FROM notifications WHERE id = $1 AND recipient_user_id = $2 AND channel = 'in_app' AND delivered_at IS NOT NULL;

-- name: clinic_digits
-- the public setting clinic.digits ("latin" or "arabic"): the digits of Arabic text
SELECT value FROM system_settings WHERE key = 'clinic.digits';
