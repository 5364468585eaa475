-- A signed-in person's own notification preferences and marketing consent. Runs as moeen_app;
-- every statement is keyed by the caller's own user id ($1), so no one reaches another's.

-- name: preferences
SELECT u.language_preference, p.channels, p.quiet_start, p.quiet_end, p.time_zone,
       (SELECT value FROM system_settings WHERE key = 'notifications.quiet_hours') AS clinic_quiet_hours
FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
WHERE u.id = $1 AND u.is_active;

-- name: event_types
-- the events a preference may name: those with a template
SELECT DISTINCT event_type FROM notification_templates ORDER BY event_type;

-- name: save_preferences
-- $1 user, $2 channels, $3 quiet start, $4 quiet end, $5 time zone
INSERT INTO notification_preferences (user_id, channels, quiet_start, quiet_end, time_zone)
VALUES ($1, $2, $3, $4, $5)
ON CONFLICT (user_id) DO UPDATE SET channels = excluded.channels, quiet_start = excluded.quiet_start,
                                    quiet_end = excluded.quiet_end, time_zone = excluded.time_zone;

-- name: save_language
UPDATE users SET language_preference = coalesce($2, language_preference) WHERE id = $1 AND is_active;

-- name: my_consents
-- $1 user: per channel, whether marketing may go to this account now, and the deciding event.
SELECT c.channel,
       has_marketing_consent(u.id, u.phone, u.email, c.channel) AS opted_in,
       (SELECT e.occurred_at FROM consent_events e
        WHERE e.channel = c.channel
          AND (e.user_id = u.id OR (u.phone IS NOT NULL AND e.phone = u.phone)
               OR (u.email IS NOT NULL AND e.email = u.email))
        ORDER BY e.occurred_at DESC, e.action DESC LIMIT 1) AS since
FROM users u CROSS JOIN (VALUES ('whatsapp'), ('sms'), ('email')) AS c (channel)
WHERE u.id = $1
ORDER BY c.channel;

-- name: account_contact
SELECT phone, email FROM users WHERE id = $1 AND is_active;
