--liquibase formatted sql

--changeset moeen:015-crm-permissions
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('leads.read.all', 'See and work every lead, not only one''s own', 'عرض جميع العملاء المحتملين لا المسندين إليه فقط'),
  ('crm.forms.manage', 'Manage web forms and their keys', 'إدارة نماذج الموقع ومفاتيحها');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (r.code IN ('admin', 'supervisor') AND p.code IN ('leads.read.all', 'crm.forms.manage'));

--changeset moeen:015-crm-marketers
-- Who takes new leads: active marketers in round-robin order (the one assigned longest ago next),
-- optionally only for some languages or sources; and whom an overdue first contact escalates to.
CREATE TABLE crm_marketers (
  user_id           uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  accepts_leads     boolean     NOT NULL DEFAULT true,
  languages         varchar(8)[] NOT NULL DEFAULT '{}',   -- empty = any language
  sources           varchar(16)[] NOT NULL DEFAULT '{}',  -- empty = any source
  supervisor_id     uuid        REFERENCES users (id),
  last_assigned_at  timestamptz,
  created_at        timestamptz NOT NULL DEFAULT now(),
  updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER crm_marketers_updated_at BEFORE UPDATE ON crm_marketers FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

--changeset moeen:015-crm-leads
CREATE TABLE crm_leads (
  id                    uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  full_name             text         NOT NULL CHECK (length(btrim(full_name)) BETWEEN 1 AND 200),
  phone                 varchar(16)  CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  email                 varchar(254) CHECK (email = lower(email) AND email LIKE '%_@_%'),
  preferred_language    varchar(8)   NOT NULL DEFAULT 'ar' REFERENCES languages (code),
  source                varchar(16)  NOT NULL CHECK (source IN ('whatsapp', 'web_chat', 'web_form', 'campaign',
                                       'referral', 'walk_in', 'phone_call', 'social')),
  utm_campaign          varchar(200),
  utm_medium            varchar(200),
  utm_source            varchar(200),
  utm_content           varchar(200),
  utm_term              varchar(200),
  interested_service_id uuid         REFERENCES services (id),
  interested_in         text         CHECK (length(interested_in) <= 500),
  owner_id              uuid         REFERENCES users (id),
  status                varchar(16)  NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'contacted', 'qualified',
                                       'booked', 'converted', 'lost')),
  lost_reason           text         CHECK (length(lost_reason) <= 500),
  score                 integer      NOT NULL DEFAULT 0,
  -- how the score was reached: [{"rule": "source.referral", "points": 20}, ...]
  score_breakdown       jsonb        NOT NULL DEFAULT '[]'::jsonb,
  tags                  text[]       NOT NULL DEFAULT '{}',
  notes                 text         CHECK (length(notes) <= 4000),
  -- marketing consent as the lead gave it (the consent_events rows are the record)
  marketing_opt_in_at   timestamptz,
  marketing_opt_in_channel varchar(16),
  marketing_opt_in_wording text,
  marketing_opt_out_at  timestamptz,
  first_contacted_at    timestamptz,
  converted_patient_id  uuid         REFERENCES patients (id),
  converted_at          timestamptz,
  -- set on the lead that was folded into another by an explicit merge; it is then closed
  merged_into_id        uuid         REFERENCES crm_leads (id),
  -- the first-contact SLA: when the owner, then the supervisor, were told it is overdue
  sla_owner_notified_at timestamptz,
  sla_escalated_at      timestamptz,
  last_activity_at      timestamptz,
  search_text           text         GENERATED ALWAYS AS (normalize_search_text(
                                       full_name || ' ' || coalesce(phone, '') || ' ' || coalesce(email, ''))) STORED,
  created_by            uuid         REFERENCES users (id),
  version               integer      NOT NULL DEFAULT 1,
  created_at            timestamptz  NOT NULL DEFAULT now(),
  updated_at            timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT crm_leads_reachable CHECK (phone IS NOT NULL OR email IS NOT NULL),
  CONSTRAINT crm_leads_lost_reason CHECK (status <> 'lost' OR lost_reason IS NOT NULL),
  CONSTRAINT crm_leads_converted CHECK (status <> 'converted' OR converted_patient_id IS NOT NULL)
);
-- One open lead per phone and per e-mail: a second capture attaches to the first (race-safe).
CREATE UNIQUE INDEX crm_leads_open_phone ON crm_leads (phone)
  WHERE phone IS NOT NULL AND status NOT IN ('converted', 'lost') AND merged_into_id IS NULL;
CREATE UNIQUE INDEX crm_leads_open_email ON crm_leads (email)
  WHERE email IS NOT NULL AND status NOT IN ('converted', 'lost') AND merged_into_id IS NULL;
CREATE INDEX crm_leads_search_trgm ON crm_leads USING gin (search_text gin_trgm_ops);
CREATE INDEX crm_leads_created ON crm_leads (created_at DESC, id DESC);
CREATE INDEX crm_leads_status ON crm_leads (status, created_at DESC);
CREATE INDEX crm_leads_owner ON crm_leads (owner_id, created_at DESC);
CREATE INDEX crm_leads_source ON crm_leads (source, created_at DESC);
CREATE INDEX crm_leads_campaign ON crm_leads (utm_campaign) WHERE utm_campaign IS NOT NULL;
CREATE INDEX crm_leads_tags ON crm_leads USING gin (tags);
-- the SLA sweep: leads still new
CREATE INDEX crm_leads_awaiting_contact ON crm_leads (created_at) WHERE status = 'new';
CREATE TRIGGER crm_leads_updated_at BEFORE UPDATE ON crm_leads FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

CREATE TABLE crm_activities (
  id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  lead_id      uuid         NOT NULL REFERENCES crm_leads (id) ON DELETE CASCADE,
  type         varchar(16)  NOT NULL CHECK (type IN ('call', 'whatsapp', 'sms', 'email', 'note', 'meeting', 'task',
                              'status_change', 'system')),
  body         text         CHECK (length(body) <= 4000),
  due_at       timestamptz,
  done_at      timestamptz,
  outcome      varchar(32),
  -- status changes: from and to
  from_status  varchar(16),
  to_status    varchar(16),
  -- for system activities: what happened, in data (e.g. {"event": "captured_again", "source": "web_form"})
  details      jsonb        NOT NULL DEFAULT '{}'::jsonb,
  author_id    uuid         REFERENCES users (id),
  created_at   timestamptz  NOT NULL DEFAULT now(),
  updated_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX crm_activities_timeline ON crm_activities (lead_id, created_at DESC, id DESC);
CREATE INDEX crm_activities_open_tasks ON crm_activities (due_at) WHERE type = 'task' AND done_at IS NULL;
CREATE INDEX crm_activities_author ON crm_activities (author_id, created_at);
CREATE TRIGGER crm_activities_updated_at BEFORE UPDATE ON crm_activities FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Web forms on the clinic's sites post leads with their own key (only its SHA-256 is kept).
CREATE TABLE crm_web_forms (
  id            uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  name          text         NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  key_hash      bytea        NOT NULL UNIQUE,
  key_prefix    varchar(12)  NOT NULL,
  default_source varchar(16) NOT NULL DEFAULT 'web_form',
  interested_service_id uuid REFERENCES services (id),
  is_active     boolean      NOT NULL DEFAULT true,
  created_by    uuid         REFERENCES users (id),
  created_at    timestamptz  NOT NULL DEFAULT now(),
  updated_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE TRIGGER crm_web_forms_updated_at BEFORE UPDATE ON crm_web_forms FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

--changeset moeen:015-crm-row-level-security splitStatements:false
-- A second wall: app.lead_access is 'any' for those who may see every lead (and for the system's
-- own work: web forms, the chatbot, the SLA sweep), 'own' for marketers, who see the leads they
-- own and unassigned ones; anyone else sees none.
CREATE OR REPLACE FUNCTION app_may_see_lead(owner uuid) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT app_setting('lead_access') = 'any'
      OR (app_setting('lead_access') = 'own' AND (owner IS NULL OR owner = app_user_id()))
$$;
ALTER TABLE crm_leads ENABLE ROW LEVEL SECURITY;
CREATE POLICY crm_leads_visible ON crm_leads USING (app_may_see_lead(owner_id)) WITH CHECK (app_may_see_lead(owner_id));
ALTER TABLE crm_activities ENABLE ROW LEVEL SECURITY;
CREATE POLICY crm_activities_visible ON crm_activities
  USING (EXISTS (SELECT 1 FROM crm_leads l WHERE l.id = lead_id))
  WITH CHECK (EXISTS (SELECT 1 FROM crm_leads l WHERE l.id = lead_id));

-- Dedupe and conversion need to know whether a phone or e-mail belongs to a patient, without
-- letting marketers read patient records: only the id comes back.
CREATE OR REPLACE FUNCTION patient_id_by_contact(p_phone text, p_email text) RETURNS uuid
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT id FROM patients
  WHERE (p_phone IS NOT NULL AND phone = p_phone) OR (p_email IS NOT NULL AND email = p_email)
  ORDER BY (p_phone IS NOT NULL AND phone = p_phone) DESC, created_at
  LIMIT 1
$$;
REVOKE ALL ON FUNCTION patient_id_by_contact(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION patient_id_by_contact(text, text) TO moeen_app;
