--liquibase formatted sql

--changeset moeen:018-notification-admin-permissions
-- Running the outbox (list, look into, retry, preview templates) is separate from reading what
-- the messages say: bodies carry appointment details of patients, so only administrators see them.
INSERT INTO permissions (code, description_en, description_ar) VALUES
  ('notifications.manage', 'See the notification outbox, retry failed messages and preview templates',
   'عرض صندوق الإشعارات الصادرة وإعادة إرسال المتعثر منها ومعاينة القوالب'),
  ('notifications.content.read', 'Read the text and data of outgoing notifications',
   'قراءة نصوص الإشعارات الصادرة وبياناتها');
INSERT INTO role_permissions (role_id, permission_id)
SELECT r.id, p.id FROM roles r JOIN permissions p ON
  (r.code IN ('admin', 'supervisor') AND p.code = 'notifications.manage')
  OR (r.code = 'admin' AND p.code = 'notifications.content.read');

--changeset moeen:018-notification-retries
-- Every manual retry of a failed or dead notification, with what the row looked like before it.
CREATE TABLE notification_retries (
  id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
  notification_id    uuid        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
  previous_status    varchar(16) NOT NULL,
  previous_attempts  integer     NOT NULL,
  previous_error     text,
  reason             text        CHECK (length(reason) <= 500),
  retried_by         uuid        REFERENCES users (id) ON DELETE SET NULL,
  retried_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_retries_of ON notification_retries (notification_id, retried_at);
-- the outbox listing: newest first
CREATE INDEX notifications_newest ON notifications (created_at DESC, id DESC);
-- the dispatcher's claim walks pending rows in its ORDER BY (urgent first, then oldest) and stops at
-- the batch size, instead of sorting every due row on each claim (bench/dispatch.sh)
CREATE INDEX notifications_claim_order ON notifications
  ((CASE priority WHEN 'urgent' THEN 0 WHEN 'normal' THEN 1 ELSE 2 END), created_at) WHERE status = 'pending';

--changeset moeen:018-notification-delivered-at splitStatements:false
-- When a row reached its recipient (or the provider): the order live streams replay in after a
-- reconnect. Stamped by a trigger so every code path that marks a delivery gets it.
ALTER TABLE notifications ADD COLUMN delivered_at timestamptz;
UPDATE notifications SET delivered_at = updated_at WHERE status IN ('sent', 'delivered', 'read');
CREATE FUNCTION notifications_stamp_delivery() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.status IN ('sent', 'delivered') AND OLD.status IS DISTINCT FROM NEW.status AND NEW.delivered_at IS NULL THEN
    NEW.delivered_at := clock_timestamp();
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER notifications_delivered_at BEFORE UPDATE OF status ON notifications
  FOR EACH ROW EXECUTE FUNCTION notifications_stamp_delivery();
CREATE INDEX notifications_live ON notifications (recipient_user_id, delivered_at, id)
  WHERE channel = 'in_app' AND delivered_at IS NOT NULL;
