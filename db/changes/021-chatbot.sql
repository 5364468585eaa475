--liquibase formatted sql

--changeset moeen:021-chatbot-permissions
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('chatbot.flows.manage', 'Write, validate and publish chatbot flows', 'كتابة مسارات المحادثة الآلية والتحقق منها ونشرها'),
  ('chatbot.conversations.manage', 'Read handed-off chatbot conversations, reply and release them',
   'قراءة محادثات المساعد المحوّلة إلى الموظفين والرد عليها وإعادتها للمساعد');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (r.code IN ('admin', 'supervisor', 'marketer') AND p.code = 'chatbot.flows.manage')
  OR (r.code IN ('admin', 'supervisor', 'receptionist', 'marketer') AND p.code = 'chatbot.conversations.manage');

--changeset moeen:021-chatbot-service-account
-- The account the chatbot books, cancels and creates patient records as (created_by, audit rows).
-- It has no usable password and no role: nobody signs in with it.
INSERT INTO users (id, email, password_hash, first_name_ar, first_name_en, language_preference)
VALUES ('00000000-0000-4000-8000-0000000000cb', 'chatbot@moeen.invalid', '!no-login', 'المساعد الآلي', 'Chatbot', 'ar');

--changeset moeen:021-chatbot-flows
CREATE TABLE chatbot_flows (
  id           uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  key          varchar(64) NOT NULL CHECK (key ~ '^[a-z][a-z0-9_]*$'),
  version      integer     NOT NULL CHECK (version >= 1),
  status       varchar(12) NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'archived')),
  definition   jsonb       NOT NULL,
  created_by   uuid        REFERENCES users (id),
  published_at timestamptz,
  published_by uuid        REFERENCES users (id),
  row_version  integer     NOT NULL DEFAULT 1,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  UNIQUE (key, version)
);
-- one published version per key: publishing archives the previous one in the same transaction
CREATE UNIQUE INDEX chatbot_flows_one_published ON chatbot_flows (key) WHERE status = 'published';
CREATE TRIGGER chatbot_flows_updated_at BEFORE UPDATE ON chatbot_flows FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

--changeset moeen:021-chatbot-conversations
CREATE TABLE chatbot_conversations (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  channel            varchar(10) NOT NULL CHECK (channel IN ('web', 'whatsapp')),
  -- web: SHA-256 of the session token handed to the visitor once; the token itself is never stored
  session_token_hash bytea       UNIQUE,
  phone              varchar(16) CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  patient_id         uuid        REFERENCES patients (id) ON DELETE SET NULL,
  lead_id            uuid        REFERENCES crm_leads (id) ON DELETE SET NULL,
  locale             varchar(8)  NOT NULL DEFAULT 'ar' REFERENCES languages (code),
  locale_chosen      boolean     NOT NULL DEFAULT false,
  status             varchar(12) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'handed_off', 'closed')),
  flow_key           varchar(64) NOT NULL,
  flow_version       integer     NOT NULL,
  current_node       varchar(64),
  variables          jsonb       NOT NULL DEFAULT '{}'::jsonb,
  utm                jsonb       NOT NULL DEFAULT '{}'::jsonb,
  client_ip          inet,
  silent_notice_sent boolean     NOT NULL DEFAULT false,
  last_message_at    timestamptz NOT NULL DEFAULT now(),
  handed_off_at      timestamptz,
  handed_off_by      varchar(16) CHECK (handed_off_by IN ('bot', 'user', 'staff')),
  released_at        timestamptz,
  released_by        uuid        REFERENCES users (id),
  turn               integer     NOT NULL DEFAULT 0,
  created_at         timestamptz NOT NULL DEFAULT now(),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT chatbot_conversations_web_token CHECK (channel <> 'web' OR session_token_hash IS NOT NULL),
  CONSTRAINT chatbot_conversations_whatsapp_phone CHECK (channel <> 'whatsapp' OR phone IS NOT NULL),
  FOREIGN KEY (flow_key, flow_version) REFERENCES chatbot_flows (key, version)
);
-- one open WhatsApp conversation per phone number
CREATE UNIQUE INDEX chatbot_conversations_open_whatsapp ON chatbot_conversations (phone)
  WHERE channel = 'whatsapp' AND status <> 'closed';
CREATE INDEX chatbot_conversations_handed_off ON chatbot_conversations (handed_off_at) WHERE status = 'handed_off';
CREATE INDEX chatbot_conversations_patient ON chatbot_conversations (patient_id) WHERE patient_id IS NOT NULL;
CREATE INDEX chatbot_conversations_lead ON chatbot_conversations (lead_id) WHERE lead_id IS NOT NULL;
CREATE TRIGGER chatbot_conversations_updated_at BEFORE UPDATE ON chatbot_conversations FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE chatbot_messages (
  id              uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  -- the order of messages and the cursor for polling (?after=)
  seq             bigint      GENERATED ALWAYS AS IDENTITY UNIQUE,
  conversation_id uuid        NOT NULL REFERENCES chatbot_conversations (id) ON DELETE CASCADE,
  direction       varchar(3)  NOT NULL CHECK (direction IN ('in', 'out')),
  author          varchar(5)  NOT NULL CHECK (author IN ('bot', 'user', 'staff')),
  author_user_id  uuid        REFERENCES users (id),
  text            text        NOT NULL CHECK (length(text) <= 4096),
  payload         jsonb       NOT NULL DEFAULT '{}'::jsonb,
  created_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT chatbot_messages_author CHECK ((direction = 'in') = (author = 'user'))
);
CREATE INDEX chatbot_messages_conversation ON chatbot_messages (conversation_id, seq);

--changeset moeen:021-patient-registration-source
-- Where a patient record came from when it was not the front desk: the chatbot on the web or on
-- WhatsApp creates one when someone books by phone number (the number is the link).
ALTER TABLE patients ADD COLUMN registration_source varchar(16)
  CHECK (registration_source IN ('reception', 'web', 'chatbot', 'whatsapp'));
