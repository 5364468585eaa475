-- pgbench: the SQL of one web chat turn, as the chatbot sends it (bench/results/chat.md says how it is run):
--   pgbench -n -M prepared -f bench/sql/chat-turn.sql -c <concurrency> -j 2 -T <seconds>, with
--   PGOPTIONS='-c role=moeen_app' (the service's role; the chatbot tables have no row-level security
--   policies, the role is the same all the same). Each client owns one conversation that ChatBaseline
--   created: id ...-<client_id + 1>, token 'bench-<client_id + 1>'.
-- A turn is two statements: read the conversation by its id and token hash (conversation_by_token; \gset keeps
-- its turn), then save_turn (chatbot.sql): the state under the turn check plus the inbound message and two replies, in one
-- statement. Turns with an action node also run the scheduling statements behind the action (the slot
-- search, the catalogue); those belong to the scheduling baselines, not to this one.
\set n :client_id + 1
SELECT * FROM chatbot_conversations
WHERE id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid AND channel = 'web'
  AND session_token_hash = sha256(convert_to('bench-' || :n, 'UTF8')) \gset c_
WITH saved AS (
  UPDATE chatbot_conversations SET
    locale = 'en'::varchar, locale_chosen = true, status = 'active'::varchar, current_node = 'book_pick_doctor'::varchar,
    variables = '{"service":"6f1c2a8e-0000-4000-8000-000000000001","serviceLabel":"General consultation","doctors":[{"id":"any","title":"Any doctor","value":"any"},{"id":"doctor1","title":"Dr. Khalid Al-Harbi","description":"Family medicine","value":"6f1c2a8e-0000-4000-8000-000000000011"},{"id":"doctor2","title":"Dr. Maha Al-Qahtani","description":"Pediatrics","value":"6f1c2a8e-0000-4000-8000-000000000012"}]}'::jsonb,
    patient_id = NULL::uuid, lead_id = NULL::uuid, phone = coalesce(NULL::varchar, phone), silent_notice_sent = false,
    handed_off_at = CASE WHEN 'active'::varchar = 'handed_off' AND status <> 'handed_off' THEN now() ELSE handed_off_at END,
    handed_off_by = CASE WHEN 'active'::varchar = 'handed_off' AND status <> 'handed_off' THEN NULL::varchar ELSE handed_off_by END,
    last_message_at = now(), turn = turn + 1
  WHERE id = ('00000000-0000-4000-8000-' || lpad(:n::text, 12, '0'))::uuid
    AND turn = :c_turn
  RETURNING id, turn
), written AS (
  INSERT INTO chatbot_messages (conversation_id, direction, author, text, payload)
  SELECT saved.id, m.message ->> 'direction', m.message ->> 'author', m.message ->> 'text',
         coalesce(m.message -> 'payload', '{}'::jsonb)
  FROM saved CROSS JOIN jsonb_array_elements('[{"direction":"in","author":"user","text":"General consultation","payload":{}},{"direction":"out","author":"bot","text":"Which doctor would you like?","payload":{"buttons":[{"id":"any","title":"Any doctor"},{"id":"doctor1","title":"Dr. Khalid Al-Harbi"},{"id":"doctor2","title":"Dr. Maha Al-Qahtani"}]}}]'::jsonb) WITH ORDINALITY AS m(message, ord)
  ORDER BY m.ord
  RETURNING seq
)
SELECT saved.turn, (SELECT count(*) FROM written) AS messages FROM saved;
