--liquibase formatted sql

--changeset moeen:014-consent splitStatements:false
-- Marketing consent, as events: who agreed (or withdrew), when, on which channel, and the exact
-- wording they were shown. Append-only; the latest event for a contact and channel decides.
-- Opt-out ("STOP", "إيقاف") is an event too, honoured at once by the dispatcher.
CREATE TABLE consent_events (
  id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  user_id      uuid         REFERENCES users (id) ON DELETE CASCADE,
  phone        varchar(16)  CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  email        varchar(254) CHECK (email = lower(email) AND email LIKE '%_@_%'),
  channel      varchar(16)  NOT NULL CHECK (channel IN ('whatsapp', 'sms', 'email')),
  action       varchar(8)   NOT NULL CHECK (action IN ('opt_in', 'opt_out')),
  -- the sentence the person agreed to, in the language it was shown; required for an opt-in
  wording      text         CHECK (length(wording) <= 2000),
  locale       varchar(8)   REFERENCES languages (code),
  source       varchar(16)  NOT NULL CHECK (source IN ('web_form', 'web_chat', 'whatsapp', 'sms', 'staff', 'import', 'self')),
  recorded_by  uuid         REFERENCES users (id),
  occurred_at  timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT consent_events_contact CHECK (user_id IS NOT NULL OR phone IS NOT NULL OR email IS NOT NULL),
  CONSTRAINT consent_events_wording CHECK (action = 'opt_out' OR wording IS NOT NULL)
);
CREATE INDEX consent_events_phone ON consent_events (phone, channel, occurred_at DESC) WHERE phone IS NOT NULL;
CREATE INDEX consent_events_email ON consent_events (email, channel, occurred_at DESC) WHERE email IS NOT NULL;
CREATE INDEX consent_events_user ON consent_events (user_id, channel, occurred_at DESC) WHERE user_id IS NOT NULL;

CREATE OR REPLACE FUNCTION consent_events_are_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'consent_events is append-only' USING ERRCODE = '42501';
END;
$$;
CREATE TRIGGER consent_events_no_update BEFORE UPDATE OR DELETE ON consent_events
  FOR EACH ROW EXECUTE FUNCTION consent_events_are_append_only();

-- Whether a marketing message may go to this contact on this channel now: the latest event for
-- any of the contact's identifiers must be an opt-in, and no identifier may have opted out since.
CREATE OR REPLACE FUNCTION has_marketing_consent(p_user uuid, p_phone text, p_email text, p_channel text)
RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce((
    SELECT action = 'opt_in' FROM consent_events
    WHERE channel = p_channel
      AND ((p_user IS NOT NULL AND user_id = p_user) OR (p_phone IS NOT NULL AND phone = p_phone)
           OR (p_email IS NOT NULL AND email = p_email))
    ORDER BY occurred_at DESC, action DESC  -- at the same instant an opt-out wins ('opt_out' > 'opt_in')
    LIMIT 1), false)
$$;

--changeset moeen:014-whatsapp-contacts
-- What the WhatsApp channel knows about a number: when it last wrote to us (free text is allowed
-- for 24 hours after that; otherwise only approved templates), the profile name it gave, and the
-- language it chose with the chatbot.
CREATE TABLE whatsapp_contacts (
  phone            varchar(16)  PRIMARY KEY CHECK (phone ~ '^\+[1-9][0-9]{6,14}$'),
  profile_name     text,
  last_inbound_at  timestamptz,
  locale           varchar(8)   REFERENCES languages (code),
  created_at       timestamptz  NOT NULL DEFAULT now(),
  updated_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE TRIGGER whatsapp_contacts_updated_at BEFORE UPDATE ON whatsapp_contacts FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- Each inbound webhook message id once, however often the provider delivers it.
CREATE TABLE whatsapp_inbound_messages (
  message_id   varchar(255) PRIMARY KEY,
  phone        varchar(16)  NOT NULL,
  received_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX whatsapp_inbound_received ON whatsapp_inbound_messages (received_at);

--changeset moeen:014-notification-preferences
-- A user's own choices: channels on or off per event type ('*' = every event), quiet hours and the
-- time zone messages are written in (the language is users.language_preference). Nothing here
-- means the clinic's defaults. Supersedes the free-form users.notification_preferences.
CREATE TABLE notification_preferences (
  user_id           uuid         PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  -- {"appointment.reminder_24h": {"sms": false}, "*": {"email": false}}
  channels          jsonb        NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(channels) = 'object'),
  quiet_start       time,
  quiet_end         time,
  time_zone         varchar(64),
  updated_at        timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT notification_preferences_quiet CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
);
CREATE TRIGGER notification_preferences_updated_at BEFORE UPDATE ON notification_preferences
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
