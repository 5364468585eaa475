--liquibase formatted sql

--changeset moeen:012-dispatch
-- When a dispatcher took the row into 'sending': rows held longer than the timeout are reclaimed.
ALTER TABLE notifications ADD COLUMN claimed_at timestamptz;
ALTER TABLE notifications ADD COLUMN rendered_subject text;
DROP INDEX notifications_sending;
CREATE INDEX notifications_sending ON notifications (claimed_at) WHERE status = 'sending';
