--liquibase formatted sql

--changeset moeen:003-notifications-outbox
-- The outbox: every message the clinic owes someone, written in the same transaction as the
-- change that caused it, and delivered later by the notifications dispatcher (issue 5).
CREATE TABLE notifications (
  id                  uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  -- a user, or a raw phone/email for people without an account (CRM leads)
  recipient_user_id   uuid         REFERENCES users (id) ON DELETE CASCADE,
  recipient_phone     varchar(16)  CHECK (recipient_phone ~ '^\+[1-9][0-9]{6,14}$'),
  recipient_email     varchar(254) CHECK (recipient_email = lower(recipient_email) AND recipient_email LIKE '%_@_%'),
  channel             varchar(16)  NOT NULL CHECK (channel IN ('in_app', 'whatsapp', 'sms', 'email')),
  event_type          varchar(64)  NOT NULL CHECK (event_type ~ '^[a-z][a-z0-9_.]*$'),
  locale              varchar(8)   NOT NULL REFERENCES languages (code),
  -- null until rendered from the template at delivery time
  rendered_body       text,
  payload             jsonb        NOT NULL DEFAULT '{}'::jsonb,
  status              varchar(16)  NOT NULL DEFAULT 'pending'
                                   CHECK (status IN ('pending', 'sending', 'sent', 'delivered', 'read', 'failed', 'dead')),
  priority            varchar(16)  NOT NULL DEFAULT 'normal' CHECK (priority IN ('urgent', 'normal', 'marketing')),
  attempts            integer      NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  next_attempt_at     timestamptz  NOT NULL DEFAULT now(),
  -- scheduled sends (reminders): not delivered before this instant
  not_before          timestamptz,
  last_error          text,
  provider_message_id varchar(255),
  idempotency_key     varchar(200) NOT NULL UNIQUE,
  is_read             boolean      NOT NULL DEFAULT false,
  created_at          timestamptz  NOT NULL DEFAULT now(),
  updated_at          timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT notifications_addressed CHECK (
    recipient_user_id IS NOT NULL OR recipient_phone IS NOT NULL OR recipient_email IS NOT NULL)
);
-- what the dispatcher claims: pending rows whose time has come, urgent first
CREATE INDEX notifications_due ON notifications (next_attempt_at, priority) WHERE status = 'pending';
-- rows stuck in 'sending' past a timeout are reclaimed
CREATE INDEX notifications_sending ON notifications (updated_at) WHERE status = 'sending';
-- a user's in-app inbox and unread count
CREATE INDEX notifications_inbox ON notifications (recipient_user_id, created_at DESC) WHERE channel = 'in_app';
CREATE INDEX notifications_unread ON notifications (recipient_user_id) WHERE channel = 'in_app' AND NOT is_read;
-- provider status webhooks find their row by the provider's id
CREATE INDEX notifications_provider_message ON notifications (provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE TRIGGER notifications_updated_at BEFORE UPDATE ON notifications FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();
