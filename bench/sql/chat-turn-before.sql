-- pgbench: the same web chat turn as chat-turn.sql, written the way the chatbot wrote it before save_turn
-- (commit 11f72c7): read the conversation, then a transaction of set_config, the UPDATE under the turn
-- check and one INSERT per message (the inbound one and two replies). Run beside chat-turn.sql to see what
-- the round trips cost the database alone: ChatBench --baseline --old-turn.
\set n :client_id + 1
SELECT * FROM chatbot_conversations
WHERE id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid AND channel = 'web'
  AND session_token_hash = sha256(convert_to('bench-' || :n, 'UTF8')) \gset c_
BEGIN;
SELECT set_config('app.user_id', '', true), set_config('app.role', 'system', true),
       set_config('app.patient_access', 'own', true), set_config('app.audit_access', 'none', true),
       set_config('app.request_id', 'bench', true), set_config('app.ip', '', true),
       set_config('app.lead_access', 'any', true);
UPDATE chatbot_conversations SET
  locale = 'en'::varchar, locale_chosen = true, status = 'active'::varchar, current_node = 'book_pick_doctor'::varchar,
  variables = '{"service":"6f1c2a8e-0000-4000-8000-000000000001","serviceLabel":"General consultation","doctors":[{"id":"any","title":"Any doctor","value":"any"},{"id":"doctor1","title":"Dr. Khalid Al-Harbi","description":"Family medicine","value":"6f1c2a8e-0000-4000-8000-000000000011"},{"id":"doctor2","title":"Dr. Maha Al-Qahtani","description":"Pediatrics","value":"6f1c2a8e-0000-4000-8000-000000000012"}]}'::jsonb,
  patient_id = NULL::uuid, lead_id = NULL::uuid, phone = coalesce(NULL::varchar, phone), silent_notice_sent = false,
  handed_off_at = CASE WHEN 'active'::varchar = 'handed_off' AND status <> 'handed_off' THEN now() ELSE handed_off_at END,
  handed_off_by = CASE WHEN 'active'::varchar = 'handed_off' AND status <> 'handed_off' THEN NULL::varchar ELSE handed_off_by END,
  last_message_at = now(), turn = turn + 1
WHERE id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid AND turn = :c_turn
RETURNING turn;
INSERT INTO chatbot_messages (conversation_id, direction, author, author_user_id, text, payload)
VALUES (('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid, 'in', 'user', NULL, 'General consultation', '{}')
RETURNING id, seq, created_at;
INSERT INTO chatbot_messages (conversation_id, direction, author, author_user_id, text, payload)
VALUES (('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid, 'out', 'bot', NULL, 'Which doctor would you like?',
        '{"buttons":[{"id":"any","title":"Any doctor"},{"id":"doctor1","title":"Dr. Khalid Al-Harbi"},{"id":"doctor2","title":"Dr. Maha Al-Qahtani"}]}')
RETURNING id, seq, created_at;
COMMIT;
