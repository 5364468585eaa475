--liquibase formatted sql

--changeset moeen:011-notification-templates
-- What each message says, per event type × channel × locale: ICU MessageFormat with the payload's
-- keys as named arguments (instants arrive already formatted for the recipient). Product data,
-- not demo data: every environment needs them.
CREATE TABLE notification_templates (
  id                      uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
  event_type              varchar(64)  NOT NULL CHECK (event_type ~ '^[a-z][a-z0-9_.]*$'),
  channel                 varchar(16)  NOT NULL CHECK (channel IN ('in_app', 'whatsapp', 'sms', 'email')),
  locale                  varchar(8)   NOT NULL REFERENCES languages (code),
  -- the title in the app, the subject of an e-mail; null for SMS and WhatsApp
  subject                 text,
  body                    text         NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
  -- outside WhatsApp's 24-hour window only an approved template may be sent
  whatsapp_template_name  varchar(512),
  whatsapp_language       varchar(16),
  -- the payload keys that fill the approved template's {{1}}, {{2}}, … in order
  whatsapp_parameters     jsonb        NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(whatsapp_parameters) = 'array'),
  is_active               boolean      NOT NULL DEFAULT true,
  version                 integer      NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at              timestamptz  NOT NULL DEFAULT now(),
  updated_at              timestamptz  NOT NULL DEFAULT now(),
  CONSTRAINT notification_templates_whatsapp CHECK (channel <> 'whatsapp' OR whatsapp_template_name IS NOT NULL)
);
-- older versions stay for the record; only one is in force at a time
CREATE UNIQUE INDEX notification_templates_active ON notification_templates (event_type, channel, locale) WHERE is_active;
CREATE TRIGGER notification_templates_updated_at BEFORE UPDATE ON notification_templates
  FOR EACH ROW EXECUTE FUNCTION update_updated_at_column();

-- One wording per event and language, shared by the channels; e-mail and the app add a title.
-- Reminders are one event (payload "lead" = 24h | 2h), so one template selects the variant.
WITH wording (event_type, locale, subject, body, wa_params) AS (VALUES
  ('appointment_booked', 'ar', 'تم حجز موعدك',
   'تم حجز موعدك يوم {startsAt}. نراك قريبًا، وإن احتجت إلى تغييره فيمكنك ذلك من التطبيق.', '["startsAt"]'),
  ('appointment_booked', 'en', 'Your appointment is booked',
   'Your appointment is booked for {startsAt}. See you soon; you can change it in the app if you need to.', '["startsAt"]'),
  ('appointment_reminder', 'ar', 'تذكير بموعدك',
   '{lead, select, 2h {موعدك بعد ساعتين تقريبًا، يوم {startsAt}. نرجو الحضور قبل الموعد بعشر دقائق.} other {تذكير: موعدك غدًا، يوم {startsAt}. إن لم تتمكن من الحضور فنرجو إبلاغنا.}}',
   '["startsAt"]'),
  ('appointment_reminder', 'en', 'Appointment reminder',
   '{lead, select, 2h {Your appointment is in about two hours, on {startsAt}. Please arrive ten minutes early.} other {Reminder: your appointment is tomorrow, {startsAt}. If you cannot come, please let us know.}}',
   '["startsAt"]'),
  ('appointment_rescheduled', 'ar', 'تغيّر موعدك',
   'تغيّر موعدك من {previousStartsAt} إلى {startsAt}.', '["previousStartsAt", "startsAt"]'),
  ('appointment_rescheduled', 'en', 'Your appointment has moved',
   'Your appointment has moved from {previousStartsAt} to {startsAt}.', '["previousStartsAt", "startsAt"]'),
  ('appointment_cancelled', 'ar', 'أُلغي موعدك',
   'أُلغي موعدك المحدد يوم {startsAt}. يسعدنا حجز موعد آخر لك متى شئت.', '["startsAt"]'),
  ('appointment_cancelled', 'en', 'Your appointment is cancelled',
   'Your appointment on {startsAt} is cancelled. We will gladly book you another one whenever you like.', '["startsAt"]'),
  ('appointment_reschedule_requested', 'ar', 'طلب تغيير موعد',
   'طلب مريض نقل موعده المحدد يوم {startsAt} إلى {requestedStartsAt}. يُرجى الموافقة على الطلب أو رفضه.', '["startsAt", "requestedStartsAt"]'),
  ('appointment_reschedule_requested', 'en', 'Reschedule request',
   'A patient asks to move their appointment on {startsAt} to {requestedStartsAt}. Please approve or reject the request.', '["startsAt", "requestedStartsAt"]'),
  ('appointment_cancel_requested', 'ar', 'طلب إلغاء موعد',
   'طلب مريض إلغاء موعده المحدد يوم {startsAt}. يُرجى الموافقة على الطلب أو رفضه.', '["startsAt"]'),
  ('appointment_cancel_requested', 'en', 'Cancellation request',
   'A patient asks to cancel their appointment on {startsAt}. Please approve or reject the request.', '["startsAt"]'),
  ('password_reset', 'ar', 'إعادة تعيين كلمة المرور',
   'رمز إعادة تعيين كلمة المرور في معين: {token}. صالح حتى {expiresAt}. إن لم تطلبه فتجاهل هذه الرسالة.', '["token"]'),
  ('password_reset', 'en', 'Reset your password',
   'Your Moeen password reset code: {token}. Valid until {expiresAt}. If you did not ask for it, ignore this message.', '["token"]'),
  ('lead_assigned', 'ar', 'عميل محتمل جديد',
   'أُسند إليك عميل محتمل جديد: {leadName}، رقم الجوال {leadPhone}.', '["leadName", "leadPhone"]'),
  ('lead_assigned', 'en', 'New lead',
   'A new lead was assigned to you: {leadName}, phone {leadPhone}.', '["leadName", "leadPhone"]'),
  ('lead_follow_up_due', 'ar', 'موعد متابعة عميل',
   'حان موعد متابعة {leadName} ({leadPhone}) يوم {dueAt}.', '["leadName", "leadPhone", "dueAt"]'),
  ('lead_follow_up_due', 'en', 'Lead follow-up due',
   'Time to follow up with {leadName} ({leadPhone}) on {dueAt}.', '["leadName", "leadPhone", "dueAt"]')
)
INSERT INTO notification_templates (event_type, channel, locale, subject, body, whatsapp_template_name,
                                    whatsapp_language, whatsapp_parameters)
SELECT w.event_type, c.channel, w.locale,
       CASE WHEN c.channel IN ('in_app', 'email') THEN w.subject END,
       w.body,
       CASE WHEN c.channel = 'whatsapp' THEN 'moeen_' || w.event_type END,
       CASE WHEN c.channel = 'whatsapp' THEN w.locale END,
       CASE WHEN c.channel = 'whatsapp' THEN w.wa_params::jsonb ELSE '[]'::jsonb END
FROM wording w CROSS JOIN (VALUES ('in_app'), ('whatsapp'), ('sms'), ('email')) AS c (channel);
