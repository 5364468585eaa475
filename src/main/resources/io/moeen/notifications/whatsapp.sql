-- SQL of the WhatsApp channel and its webhook. Runs as moeen_app; these tables have no row-level
-- security. Times come from the caller's clock.

-- name: whatsapp_templates
SELECT event_type, locale, whatsapp_template_name, whatsapp_language, whatsapp_parameters
FROM notification_templates WHERE is_active AND channel = 'whatsapp';

-- name: last_inbound
-- $1 phone (E.164): when it last wrote to us; free text may go for 24 hours after that
SELECT last_inbound_at FROM whatsapp_contacts WHERE phone = $1;

-- name: record_inbound
-- $1 message id, $2 phone, $3 received at. No row back: this id was handled before.
INSERT INTO whatsapp_inbound_messages (message_id, phone, received_at) VALUES ($1, $2, $3)
ON CONFLICT (message_id) DO NOTHING
RETURNING message_id;

-- name: upsert_contact
-- $1 phone, $2 profile name (null keeps the known one), $3 when it wrote (never moves back)
INSERT INTO whatsapp_contacts (phone, profile_name, last_inbound_at) VALUES ($1, $2, $3)
ON CONFLICT (phone) DO UPDATE
SET profile_name = coalesce(EXCLUDED.profile_name, whatsapp_contacts.profile_name),
    last_inbound_at = greatest(whatsapp_contacts.last_inbound_at, EXCLUDED.last_inbound_at);

-- name: record_opt_out
-- $1 phone, $2 locale, $3 when
INSERT INTO consent_events (phone, channel, action, locale, source, occurred_at)
VALUES ($1, 'whatsapp', 'opt_out', $2, 'whatsapp', $3);

-- name: stop_marketing
-- $1 phone: its WhatsApp marketing messages still waiting never go
UPDATE notifications SET status = 'failed', last_error = 'opted_out', claimed_at = NULL
WHERE status = 'pending' AND channel = 'whatsapp' AND priority = 'marketing'
  AND (recipient_phone = $1 OR recipient_user_id IN (SELECT id FROM users WHERE phone = $1));

-- name: opt_out_confirmation
-- $1 phone, $2 locale, $3 text, $4 idempotency key: a free-form reply, already in words
INSERT INTO notifications (recipient_phone, channel, event_type, locale, rendered_body, payload, priority,
                           idempotency_key)
VALUES ($1, 'whatsapp', 'whatsapp_opt_out', $2, $3, '{}'::jsonb, 'urgent', $4)
ON CONFLICT (idempotency_key) DO NOTHING;

-- name: record_status
-- $1 provider message id, $2 sent|delivered|read|failed, $3 error (failed only).
-- Never backwards: read > delivered > sent; failed only before anything was delivered.
UPDATE notifications
SET status = CASE
      WHEN $2 = 'failed' THEN CASE WHEN status IN ('sending', 'sent') THEN 'failed' ELSE status END
      WHEN status IN ('sending', 'sent', 'delivered', 'read')
           AND array_position(ARRAY['sending', 'sent', 'delivered', 'read']::text[], $2::text)
             > array_position(ARRAY['sending', 'sent', 'delivered', 'read']::text[], status::text) THEN $2
      ELSE status END,
    last_error = CASE WHEN $2 = 'failed' THEN $3 ELSE last_error END
WHERE provider_message_id = $1 AND channel = 'whatsapp';

-- name: clinic_digits
-- the public setting clinic.digits ("latin" or "arabic"): the digits of Arabic text
SELECT value FROM system_settings WHERE key = 'clinic.digits';
