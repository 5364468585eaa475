-- name: settings
-- the SLA's two settings in one round trip (a lead list reads them with its page): the minutes, then the hours
SELECT
  (SELECT value FROM system_settings WHERE key = 'crm.first_contact_sla_minutes') AS minutes,
  (SELECT value FROM system_settings WHERE key = 'crm.working_hours') AS hours;

-- name: waiting_leads
-- Leads still new and never contacted (a logged call or message is a contact), older than the SLA in wall-clock time (working time can only be less), whose
-- owner or supervisor has not been told yet. $1 = now − SLA minutes.
SELECT l.id, l.full_name, l.phone, l.email, l.created_at, l.owner_id, l.sla_owner_notified_at, l.sla_escalated_at,
       m.supervisor_id, concat_ws(' ', o.first_name_ar, o.last_name_ar) AS owner_name_ar,
       concat_ws(' ', o.first_name_en, o.last_name_en) AS owner_name_en
FROM crm_leads l
LEFT JOIN crm_marketers m ON m.user_id = l.owner_id
LEFT JOIN users o ON o.id = l.owner_id
WHERE l.status = 'new' AND l.first_contacted_at IS NULL AND l.merged_into_id IS NULL AND l.created_at <= $1
  AND (l.sla_owner_notified_at IS NULL OR l.sla_escalated_at IS NULL)
ORDER BY l.created_at
LIMIT 500;

-- name: mark_owner_notified
UPDATE crm_leads SET sla_owner_notified_at = $2 WHERE id = $1 AND sla_owner_notified_at IS NULL AND status = 'new' AND first_contacted_at IS NULL
RETURNING id;

-- name: mark_escalated
UPDATE crm_leads SET sla_escalated_at = $2 WHERE id = $1 AND sla_escalated_at IS NULL AND status = 'new' AND first_contacted_at IS NULL
RETURNING id;

-- name: notify
-- One in-app notice to $1 (in their language, with the owner's name in it too); the key makes each
-- notice once only. $4/$5: the owner's name in Arabic and English.
INSERT INTO notifications (recipient_user_id, channel, event_type, locale, payload, priority, idempotency_key)
SELECT u.id, 'in_app', 'lead_first_contact_overdue', u.language_preference,
       $2::jsonb || jsonb_build_object('ownerName', CASE WHEN u.language_preference = 'ar'
                                                         THEN coalesce(nullif($4::text, ''), $5::text)
                                                         ELSE coalesce(nullif($5::text, ''), $4::text) END),
       'urgent', $3
FROM users u WHERE u.id = $1 AND u.is_active
ON CONFLICT (idempotency_key) DO NOTHING;
