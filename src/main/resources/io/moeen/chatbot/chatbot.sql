-- SQL of the chatbot: flows, conversations, messages, and the clinic facts the bot tells.
-- Chatbot tables have no row-level security; who may read a conversation is decided in code
-- (the session token for the visitor, chatbot.conversations.manage for staff).

-- name: flow_version
SELECT key, version, definition FROM chatbot_flows WHERE key = $1 AND version = $2;

-- name: seed_flow
-- the default flow, once: a key that has any version is left alone
INSERT INTO chatbot_flows (key, version, status, definition, published_at)
SELECT $1::varchar, 1, 'published', $2::jsonb, now()
WHERE NOT EXISTS (SELECT 1 FROM chatbot_flows WHERE key = $1::varchar);

-- name: insert_conversation
-- a new conversation on the key's published version, in one statement; no row when nothing is published
INSERT INTO chatbot_conversations (channel, session_token_hash, phone, locale, locale_chosen, flow_key, flow_version,
                                   utm, client_ip, patient_id)
SELECT $1, $2, $3, $4, $5, f.key, f.version, $7, $8::text::inet, $9
FROM chatbot_flows f WHERE f.key = $6 AND f.status = 'published'
RETURNING *;

-- name: conversation_by_token
SELECT * FROM chatbot_conversations WHERE id = $1 AND channel = 'web' AND session_token_hash = $2;

-- name: conversation
SELECT * FROM chatbot_conversations WHERE id = $1;

-- name: open_whatsapp_conversation
SELECT * FROM chatbot_conversations WHERE channel = 'whatsapp' AND phone = $1 AND status <> 'closed';

-- name: save_turn
-- a whole turn in one statement: the new state, only if no other turn of this conversation was saved since
-- it was read (else no row comes back and nothing is written), then the messages of the turn ($13: a JSON
-- array of {direction, author, text, payload}) in their order, so seq follows it
WITH saved AS (
  UPDATE chatbot_conversations SET
    locale = $3::varchar, locale_chosen = $4, status = $5::varchar, current_node = $6::varchar, variables = $7::jsonb,
    patient_id = $8::uuid, lead_id = $9::uuid, phone = coalesce($10::varchar, phone), silent_notice_sent = $11,
    handed_off_at = CASE WHEN $5::varchar = 'handed_off' AND status <> 'handed_off' THEN now() ELSE handed_off_at END,
    handed_off_by = CASE WHEN $5::varchar = 'handed_off' AND status <> 'handed_off' THEN $12::varchar ELSE handed_off_by END,
    last_message_at = now(), turn = turn + 1
  WHERE id = $1 AND turn = $2
  RETURNING id, turn
), written AS (
  INSERT INTO chatbot_messages (conversation_id, direction, author, text, payload)
  SELECT saved.id, m.message ->> 'direction', m.message ->> 'author', m.message ->> 'text',
         coalesce(m.message -> 'payload', '{}'::jsonb)
  FROM saved CROSS JOIN jsonb_array_elements($13::jsonb) WITH ORDINALITY AS m(message, ord)
  ORDER BY m.ord
  RETURNING seq
)
SELECT saved.turn, (SELECT count(*) FROM written) AS messages FROM saved;

-- name: insert_message
INSERT INTO chatbot_messages (conversation_id, direction, author, author_user_id, text, payload)
VALUES ($1, $2, $3, $4, $5, $6)
RETURNING id, seq, created_at;

-- name: messages
SELECT id, seq, direction, author, text, payload, created_at FROM chatbot_messages
WHERE conversation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3;

-- name: clinic_hours
-- each active location's weekly hours: the earliest start and latest end of any doctor per weekday
SELECT l.id, l.name_ar, l.name_en, b.day_of_week, min(b.starts_at) AS opens, max(b.ends_at) AS closes
FROM clinic_locations l
JOIN availability_blocks b ON b.location_id = l.id
JOIN doctors d ON d.id = b.doctor_id AND d.is_active
WHERE l.is_active AND (b.valid_until IS NULL OR b.valid_until >= $1) AND (b.valid_from IS NULL OR b.valid_from <= $1)
GROUP BY l.id, l.name_ar, l.name_en, b.day_of_week
ORDER BY l.name_en, l.id, b.day_of_week;

-- name: clinic_locations
SELECT name_ar, name_en, address_ar, address_en, phone FROM clinic_locations WHERE is_active ORDER BY name_en;

-- name: patient_by_phone
SELECT patient_id_by_contact($1, NULL) AS patient_id;

-- name: outbox_replies
-- a turn's replies on WhatsApp in one statement ($4: a JSON array of {text, payload, key}), in their order
INSERT INTO notifications (recipient_phone, channel, event_type, locale, rendered_body, payload, priority, idempotency_key)
SELECT $1, 'whatsapp', $2, $3, r.reply ->> 'text', coalesce(r.reply -> 'payload', '{}'::jsonb), 'urgent', r.reply ->> 'key'
FROM jsonb_array_elements($4::jsonb) WITH ORDINALITY AS r(reply, ord)
ORDER BY r.ord
ON CONFLICT (idempotency_key) DO NOTHING;

-- name: outbox_reply
-- a chatbot or staff reply on WhatsApp: rendered already, urgent, sent by the dispatcher at once
INSERT INTO notifications (recipient_phone, channel, event_type, locale, rendered_body, payload, priority, idempotency_key)
VALUES ($1, 'whatsapp', $2, $3, $4, $5, 'urgent', $6)
ON CONFLICT (idempotency_key) DO NOTHING;

-- name: contact_locale
SELECT locale FROM whatsapp_contacts WHERE phone = $1;

-- name: remember_contact_locale
INSERT INTO whatsapp_contacts (phone, locale) VALUES ($1, $2)
ON CONFLICT (phone) DO UPDATE SET locale = EXCLUDED.locale;

-- name: handed_off
SELECT c.id, c.channel, c.locale, c.phone, c.patient_id, c.lead_id, c.handed_off_at, c.handed_off_by, c.last_message_at,
       (SELECT m.text FROM chatbot_messages m WHERE m.conversation_id = c.id AND m.direction = 'in'
        ORDER BY m.seq DESC LIMIT 1) AS last_message
FROM chatbot_conversations c
WHERE c.status = 'handed_off'
ORDER BY c.handed_off_at, c.id
LIMIT $1;

-- name: release
UPDATE chatbot_conversations SET status = 'active', released_at = now(), released_by = $2, silent_notice_sent = false,
  turn = turn + 1
WHERE id = $1 AND status = 'handed_off'
RETURNING id;

-- name: touch
UPDATE chatbot_conversations SET last_message_at = now() WHERE id = $1 RETURNING channel, phone, locale, status;

-- name: conversation_for_update
SELECT id, channel, phone, locale, status FROM chatbot_conversations WHERE id = $1 FOR UPDATE;
